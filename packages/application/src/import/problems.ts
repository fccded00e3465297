import { DomainError, ForbiddenError } from '@sakip/domain';
import type { ImportProblem, SourceRef } from '@sakip/importer';

/** Where a domain error's field lives in the template, so the report points at the cell. */
const COLUMNS: Record<string, string> = {
  'info.number': 'nomor',
  'info.date': 'tanggal',
  'info.kind': 'jenis',
  'info.periodStart': 'periode_awal',
  'info.periodEnd': 'periode_akhir',
  'info.signer.name': 'penandatangan',
  'indicator.code': 'kode',
  'indicator.kind': 'jenis',
  'indicator.name': 'nama',
  'indicator.elementCode': 'kode_elemen',
  'indicator.positionCode': 'kode_jabatan',
  'indicator.formula': 'formula',
  'indicator.cascadeTo': 'kaskade_ke',
  'element.parentCode': 'kode_induk',
  'element.level': 'tingkat',
  'unit.parentCode': 'kode_induk',
  'unit.code': 'kode_unit',
  'position.unitCode': 'kode_unit',
  'position.code': 'kode_jabatan',
  regionCode: 'kode_wilayah',
  code: 'kode',
  indicatorCode: 'kode_indikator',
  reason: 'alasan',
  opdId: 'id_opd',
  // A PK target's value and range band are written in one `target` cell.
  'targets.value': 'target',
  'targets.min': 'target',
  'targets.max': 'target',
};

export function columnFor(
  path: readonly (string | number)[],
  targetYears?: readonly number[],
): string {
  // ['indicator', 'targets', i, ...] → the target_<year> column of that row.
  if (path[0] === 'indicator' && path[1] === 'targets') {
    const year = typeof path[2] === 'number' ? targetYears?.[path[2]] : undefined;
    return year ? `target_${year}` : 'target_*';
  }
  const key = path.filter((p) => typeof p === 'string').join('.');
  return COLUMNS[key] ?? key;
}

export function problemFrom(
  err: unknown,
  source: SourceRef,
  targetYears?: readonly number[],
): ImportProblem {
  if (err instanceof DomainError)
    return { ...source, column: columnFor(err.path, targetYears), message: err.message };
  if (err instanceof ForbiddenError) return { ...source, column: '', message: err.message };
  throw err;
}

export const problem = (
  source: SourceRef,
  column: string,
  id: string,
  en: string,
): ImportProblem => ({ ...source, column, message: `${id} / ${en}` });
