import { isProvinceCode, isRegencyCode, type UnitKind } from '@sakip/domain';
import { readTemplateSheet, RowKeys, type ReadRow } from './read-rows';
import { Problems, Progress } from './table';
import type {
  ImportedOpd,
  ImportedPosition,
  ImportedRegion,
  ImportedUnit,
  OrganisasiDocument,
} from './types';
import { splitList } from './values';
import type { SheetData } from './workbook';

const OPD_CODE = /^[A-Z0-9_]{2,32}$/;

export function parseOrganisasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): OrganisasiDocument | null {
  const doc: OrganisasiDocument = {
    kind: 'organisasi',
    regions: [],
    opds: [],
    units: [],
    positions: [],
  };
  const present = ['wilayah', 'opd', 'unit', 'jabatan'].filter((s) => sheets.has(s));
  if (present.length === 0) {
    problems.add(
      '',
      0,
      '',
      `Tidak ada sheet Wilayah, OPD, Unit atau Jabatan / no Wilayah, OPD, Unit or Jabatan sheet`,
    );
    return null;
  }

  const read = (sheet: string) =>
    readTemplateSheet(sheets, 'organisasi', sheet, problems, progress);
  const regionCodeOk = (row: ReadRow, column: string, code: string | null) => {
    if (code === null || isProvinceCode(code) || isRegencyCode(code)) return true;
    row.problem(
      column,
      `Kode wilayah '${code}' tidak valid (PP atau PP.KK, mis. 18 atau 18.04) / invalid region code '${code}' (PP or PP.KK, e.g. 18 or 18.04)`,
    );
    return false;
  };

  const regionKeys = new RowKeys('kode', (row) => ({
    id: `Kode wilayah ${row.text('kode')}`,
    en: `region code ${row.text('kode')}`,
  }));
  for (const row of read('Wilayah') ?? []) {
    const code = row.get('kode', 'text');
    const name = row.get('nama', 'text');
    const codeEdition = row.get('edisi_kode', 'text');
    if (!regionCodeOk(row, 'kode', code)) continue;
    if (code !== null && !regionKeys.first(row, [code])) continue;
    if (row.valid && code !== null && name !== null && codeEdition !== null)
      doc.regions.push({
        code,
        name,
        codeEdition,
        source: row.ctx.source,
      } satisfies ImportedRegion);
  }

  const opdKeys = new RowKeys('kode_opd', (row) => ({
    id: `OPD ${row.text('kode_wilayah')}-${row.text('kode_opd')}`,
    en: `OPD ${row.text('kode_wilayah')}-${row.text('kode_opd')}`,
  }));
  for (const row of read('OPD') ?? []) {
    const regionCode = row.get('kode_wilayah', 'text');
    const code = row.get('kode_opd', 'text');
    const name = row.get('nama', 'text');
    regionCodeOk(row, 'kode_wilayah', regionCode);
    if (code !== null && !OPD_CODE.test(code))
      row.problem(
        'kode_opd',
        `Kode OPD '${code}' tidak valid: 2–32 huruf besar, angka atau _ / OPD code '${code}' is invalid: 2–32 capital letters, digits or _`,
      );
    if (regionCode !== null && code !== null && !opdKeys.first(row, [regionCode, code])) continue;
    if (row.valid && regionCode !== null && code !== null && name !== null)
      doc.opds.push({ regionCode, code, name, source: row.ctx.source } satisfies ImportedOpd);
  }

  const unitsByOpd = new Map<string, Set<string>>();
  const unitRows = read('Unit');
  if (unitRows) {
    const pending: ImportedUnit[] = [];
    const unitKeys = new RowKeys('kode_unit', (row) => ({
      id: `kode_unit '${row.text('kode_unit')}' untuk OPD ${row.text('id_opd')}`,
      en: `kode_unit '${row.text('kode_unit')}' for OPD ${row.text('id_opd')}`,
    }));
    for (const row of unitRows) {
      const opdId = row.get('id_opd', 'opd_id');
      const code = row.get('kode_unit', 'text');
      const name = row.get('nama', 'text');
      const kind = row.get('jenis', 'enum') as UnitKind | null;
      const parentCode = row.get('kode_induk', 'text');
      if (opdId !== null && code !== null) {
        unitKeys.first(row, [opdId, code]);
        unitsByOpd.set(opdId, (unitsByOpd.get(opdId) ?? new Set<string>()).add(code));
      }
      if (parentCode !== null && parentCode === code)
        row.problem(
          'kode_induk',
          `Unit tidak boleh menjadi induk dirinya sendiri / a unit cannot be its own parent`,
        );
      if (row.valid && opdId !== null && code !== null && name !== null && kind !== null)
        pending.push({ opdId, code, name, kind, parentCode, source: row.ctx.source });
    }
    for (const u of pending) {
      if (u.parentCode !== null && !unitsByOpd.get(u.opdId)?.has(u.parentCode)) {
        problems.add(
          u.source.sheet,
          u.source.row,
          'kode_induk',
          `Kode induk '${u.parentCode}' tidak ada di sheet Unit untuk OPD ${u.opdId} / parent '${u.parentCode}' is not in the Unit sheet for OPD ${u.opdId}`,
        );
      }
    }
    doc.units = parentsFirst(pending, 'Unit', problems);
  }

  const positionKeys = new RowKeys('kode_jabatan', (row) => ({
    id: `kode_jabatan '${row.text('kode_jabatan')}'`,
    en: `kode_jabatan '${row.text('kode_jabatan')}'`,
  }));
  for (const row of read('Jabatan') ?? []) {
    const opdId = row.get('id_opd', 'opd_id');
    const code = row.get('kode_jabatan', 'text');
    const title = row.get('nama_jabatan', 'text');
    const unitCode = row.get('kode_unit', 'text');
    if (opdId !== null && code !== null && !positionKeys.first(row, [opdId, code])) continue;
    // Units of an OPD that has no units in this file are checked against the database.
    const units = opdId === null ? undefined : unitsByOpd.get(opdId);
    if (unitCode !== null && units !== undefined && !units.has(unitCode))
      row.problem(
        'kode_unit',
        `Kode unit '${unitCode}' tidak ada di sheet Unit untuk OPD ${opdId} / unit '${unitCode}' is not in the Unit sheet for OPD ${opdId}`,
      );
    if (row.valid && opdId !== null && code !== null && title !== null) {
      const position: ImportedPosition = {
        opdId,
        code,
        title,
        unitCode,
        tugas: row.text('tugas'),
        fungsi: splitList(row.ctx.cell('fungsi')?.text ?? ''),
        source: row.ctx.source,
      };
      doc.positions.push(position);
    }
  }
  return doc;
}

/** Orders units so that a parent always comes before its children (file order otherwise); reports cycles. */
function parentsFirst(units: ImportedUnit[], sheet: string, problems: Problems): ImportedUnit[] {
  const byKey = new Map(units.map((u) => [`${u.opdId}\u0000${u.code}`, u]));
  const out: ImportedUnit[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (u: ImportedUnit): void => {
    const key = `${u.opdId}\u0000${u.code}`;
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.add(
        sheet,
        u.source.row,
        'kode_induk',
        `Hubungan induk unit berputar (siklus) lewat '${u.code}' / unit parent chain of '${u.code}' is a cycle`,
      );
      return;
    }
    state.set(key, 'visiting');
    const parent = u.parentCode === null ? undefined : byKey.get(`${u.opdId}\u0000${u.parentCode}`);
    if (parent) visit(parent);
    state.set(key, 'done');
    out.push(u);
  };
  units.forEach(visit);
  return out;
}
