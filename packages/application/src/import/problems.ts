import { DomainError, ForbiddenError } from '@sakip/domain';
import type { ImportProblem, SourceRef } from '@sakip/importer';

/**
 * Where a domain error's field lives in the template, so the report points at the cell: the
 * domain path with list indexes dropped ("lines.programCode") → the template column. Fields
 * every template shares come first; each template adds its own (an amount is `pagu` in
 * anggaran, `realisasi` in serapan).
 */
export type ColumnMap = Readonly<Record<string, string>>;

const SHARED: ColumnMap = {
  opdId: 'id_opd',
  year: 'tahun',
  period: 'periode',
  regionCode: 'kode_wilayah',
  indicatorCode: 'kode_indikator',
  positionCode: 'kode_jabatan',
  code: 'kode',
  reason: 'alasan',
};

export const SK_COLUMNS: ColumnMap = {
  'info.number': 'nomor',
  'info.date': 'tanggal',
  'info.kind': 'jenis',
  'info.periodStart': 'periode_awal',
  'info.periodEnd': 'periode_akhir',
  'info.signer.name': 'penandatangan',
  'info.signer.nip': 'nip',
  'info.signer.position': 'jabatan_penandatangan',
  'info.place': 'tempat',
  'info.title': 'judul',
  'indicator.code': 'kode',
  'indicator.kind': 'jenis',
  'indicator.name': 'nama',
  'indicator.elementCode': 'kode_elemen',
  'indicator.positionCode': 'kode_jabatan',
  'indicator.formula': 'formula',
  'indicator.satuan': 'satuan',
  'indicator.polarity': 'polaritas',
  'indicator.cascadeTo': 'kaskade_ke',
  'indicator.baseline': 'baseline_nilai',
  'element.code': 'kode',
  'element.name': 'nama',
  'element.parentCode': 'kode_induk',
  'element.level': 'tingkat',
};

export const ORGANISASI_COLUMNS: ColumnMap = {
  name: 'nama',
  codeEdition: 'edisi_kode',
  'unit.parentCode': 'kode_induk',
  'unit.code': 'kode_unit',
  'unit.name': 'nama',
  'unit.kind': 'jenis',
  parentCode: 'kode_induk',
  kind: 'jenis',
  'position.unitCode': 'kode_unit',
  'position.code': 'kode_jabatan',
  'position.title': 'nama_jabatan',
  unitCode: 'kode_unit',
  title: 'nama_jabatan',
};

const BUDGET_LINES: ColumnMap = {
  lines: 'kode_program',
  'lines.programCode': 'kode_program',
  'lines.kegiatanCode': 'kode_kegiatan',
  'lines.subKegiatanCode': 'kode_sub_kegiatan',
};

export const ANGGARAN_COLUMNS: ColumnMap = {
  ...BUDGET_LINES,
  stage: 'tahap',
  documentRef: 'dokumen',
  date: 'tanggal',
  'lines.amount': 'pagu',
  'lines.fundingSource': 'sumber_dana',
};

export const SERAPAN_COLUMNS: ColumnMap = {
  ...BUDGET_LINES,
  periods: 'periode',
  'lines.amount': 'realisasi',
};

export const REALISASI_COLUMNS: ColumnMap = {
  value: 'nilai',
  inputs: 'input',
  evidence: 'dokumen',
  'evidence.documentRef': 'dokumen',
  'evidence.dataSource': 'sumber_data',
  note: 'catatan',
};

export const PEMBANDING_COLUMNS: ColumnMap = {
  scope: 'cakupan',
  code: 'kode_wilayah',
  indicatorKey: 'kunci_indikator',
  value: 'nilai',
  source: 'sumber',
};

export const NARASI_COLUMNS: ColumnMap = {
  sasaranCode: 'kode_sasaran',
  faktorPendukung: 'faktor_pendukung',
  faktorPenghambat: 'faktor_penghambat',
  solusi: 'solusi',
};

export const PK_COLUMNS: ColumnMap = {
  date: 'tanggal',
  'firstParty.name': 'pihak_pertama_nama',
  'firstParty.nip': 'pihak_pertama_nip',
  'firstParty.position': 'pihak_pertama_jabatan',
  'secondParty.name': 'pihak_kedua_nama',
  'secondParty.nip': 'pihak_kedua_nip',
  'secondParty.position': 'pihak_kedua_jabatan',
  reason: 'alasan_perubahan',
  targets: 'kode_indikator',
  'targets.indicatorCode': 'kode_indikator',
  'targets.value': 'target',
  // A range target's band is written in the same `target` cell ("2,5 - 3,5").
  'targets.min': 'target',
  'targets.max': 'target',
  'targets.unit': 'satuan_hitung',
  'targets.text': 'target',
  budgets: 'kode_program',
  'budgets.programCode': 'kode_program',
  'budgets.amount': 'pagu',
};

/** How a step's domain errors are placed in the file. */
export interface Locator {
  columns: ColumnMap;
  /** Rows of the list fields of the command: `lines[i]` came from `rows.lines[i]`. */
  rows?: Readonly<Record<string, readonly SourceRef[]>>;
  /** For indicator targets: the column (and row) of `indicator.targets[i]`. */
  target?: (index: number) => { column: string; source?: SourceRef };
}

export function locate(
  path: readonly (string | number)[],
  source: SourceRef,
  locator: Locator,
): { source: SourceRef; column: string } {
  if (path[0] === 'indicator' && path[1] === 'targets') {
    const at = typeof path[2] === 'number' && locator.target ? locator.target(path[2]) : null;
    return { source: at?.source ?? source, column: at?.column ?? 'target_*' };
  }
  const list = typeof path[0] === 'string' ? locator.rows?.[path[0]] : undefined;
  const index = typeof path[1] === 'number' ? path[1] : null;
  const row = list && index !== null ? list[index] : undefined;
  const key = path.filter((p) => typeof p === 'string').join('.');
  // An unmapped field names no column rather than the domain's internal path.
  const column = locator.columns[key] ?? SHARED[key] ?? '';
  return { source: row ?? source, column };
}

export function problemFrom(err: unknown, source: SourceRef, locator: Locator): ImportProblem {
  if (err instanceof DomainError) {
    const at = locate(err.path, source, locator);
    return { ...at.source, column: at.column, message: err.message };
  }
  if (err instanceof ForbiddenError) return { ...source, column: '', message: err.message };
  throw err;
}

export const problem = (
  source: SourceRef,
  column: string,
  id: string,
  en: string,
): ImportProblem => ({ ...source, column, message: `${id} / ${en}` });
