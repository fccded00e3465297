import { readTemplateSheet, RowKeys } from './read-rows';
import { Problems, Progress } from './table';
import type { ComparisonRow, RealisasiDocument, RealizationRow } from './types';
import type { SheetData } from './workbook';

/**
 * Realizations (realisasi kinerja) per indicator and period, with their evidence, and the
 * optional comparison figures. Whether the OPD and indicator exist, the inputs fit the
 * indicator's formula, a typed value agrees with the inputs, and '%' matches the satuan is
 * checked by the application against the database (domain resolveRealizationValue): every row
 * carries `percent`.
 */
export function parseRealisasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): RealisasiDocument | null {
  const rows = readTemplateSheet(sheets, 'realisasi', 'Realisasi', problems, progress);
  if (!rows) return null;
  const out: RealizationRow[] = [];
  const keys = new RowKeys('periode', (row) => {
    const what = `${row.text('kode_indikator')} ${row.text('tahun')} ${row.get('periode', 'period')}`;
    return { id: `Realisasi ${what}`, en: `realization of ${what}` };
  });
  for (const row of rows) {
    const opdId = row.get('id_opd', 'opd_id');
    const indicatorCode = row.get('kode_indikator', 'text');
    const year = row.get('tahun', 'year');
    const period = row.get('periode', 'period');
    const value = row.get('nilai', 'number');
    const inputs = row.get('input', 'inputs');
    const documentRef = row.get('dokumen', 'text');
    const dataSource = row.get('sumber_data', 'text');
    if (row.text('nilai') === '' && row.text('input') === '')
      row.problem(
        'nilai',
        `Isi nilai realisasi atau input rumusnya / enter the realization value or the inputs of its formula`,
      );
    if (
      !row.valid ||
      opdId === null ||
      indicatorCode === null ||
      year === null ||
      period === null ||
      documentRef === null ||
      dataSource === null
    )
      continue;
    if (!keys.first(row, [opdId, indicatorCode, year, period])) continue;
    out.push({
      opdId,
      indicatorCode,
      year,
      period,
      value: value?.value ?? null,
      percent: value?.percent ?? false,
      inputs,
      evidence: { documentRef, dataSource, attachment: null },
      note: row.get('catatan', 'text'),
      source: row.ctx.source,
    });
  }
  return {
    kind: 'realisasi',
    rows: out,
    comparisons: parseComparisons(sheets, problems, progress),
  };
}

function parseComparisons(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): ComparisonRow[] {
  const rows = readTemplateSheet(sheets, 'realisasi', 'Pembanding', problems, progress) ?? [];
  const out: ComparisonRow[] = [];
  const keys = new RowKeys('kunci_indikator', (row) => {
    const national = row.get('cakupan', 'enum') === 'national';
    const what = `${row.text('kunci_indikator')} ${row.text('tahun')}`;
    const code = row.text('kode_wilayah');
    return {
      id: `Angka pembanding ${what} ${national ? 'nasional' : `provinsi ${code}`}`,
      en: `comparison figure ${what} ${national ? 'national' : `province ${code}`}`,
    };
  });
  for (const row of rows) {
    const scope = row.get('cakupan', 'enum') as ComparisonRow['scope'] | null;
    const code = row.text('kode_wilayah');
    if (scope === 'province' && !/^\d{2}$/.test(code))
      row.problem(
        'kode_wilayah',
        `Kode provinsi '${code}' harus 2 angka (mis. 18) / province code '${code}' must be 2 digits (e.g. 18)`,
      );
    if (scope === 'national' && code !== '')
      row.problem(
        'kode_wilayah',
        `Angka nasional tidak memakai kode wilayah: kosongkan '${code}' / national figures take no region code: leave '${code}' empty`,
      );
    const indicatorKey = row.get('kunci_indikator', 'text');
    const year = row.get('tahun', 'year');
    const value = row.get('nilai', 'number');
    const dataSource = row.get('sumber', 'text');
    if (
      !row.valid ||
      scope === null ||
      indicatorKey === null ||
      year === null ||
      value === null ||
      dataSource === null
    )
      continue;
    if (!keys.first(row, [scope, code, indicatorKey, year])) continue;
    out.push({
      scope,
      code,
      indicatorKey,
      year,
      value: value.value,
      percent: value.percent,
      dataSource,
      source: row.ctx.source,
    });
  }
  return out;
}
