import type { Target } from './plan-types';
import { readTemplateSheet, RowKeys } from './read-rows';
import { Problems, Progress } from './table';
import type { TargetDocument, TargetRow } from './types';
import type { SheetData } from './workbook';

/**
 * Bulk targets. The indicator's satuan and polarity are in the database, not in this file, so
 * the '%'-against-satuan check and the range-needs-rentang check are done by the application:
 * every row carries `percent`, and range cells are accepted.
 */
export function parseTargets(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): TargetDocument | null {
  const rows = readTemplateSheet(sheets, 'target', 'Target', problems, progress);
  if (!rows) return null;
  const out: TargetRow[] = [];
  const keys = new RowKeys('kode_indikator', (row) => {
    const code = row.text('kode_indikator');
    const year = row.text('tahun');
    return { id: `Target ${code} tahun ${year}`, en: `target for ${code} in ${year}` };
  });
  for (const row of rows) {
    const opdId = row.get('id_opd', 'opd_id');
    const decreeNumber = row.get('nomor_sk', 'text');
    const indicatorCode = row.get('kode_indikator', 'text');
    const year = row.get('tahun', 'year');
    const cell = row.get('target', 'target');
    if (
      !row.valid ||
      opdId === null ||
      decreeNumber === null ||
      indicatorCode === null ||
      year === null ||
      cell === null
    )
      continue;
    if (!keys.first(row, [opdId, decreeNumber, indicatorCode, year])) continue;
    const target: Target = { year, value: cell.value };
    if (cell.min !== undefined) target.min = cell.min;
    if (cell.max !== undefined) target.max = cell.max;
    if (cell.unit !== undefined) target.unit = cell.unit;
    if (cell.text !== undefined) target.text = cell.text;
    out.push({
      opdId,
      decreeNumber,
      indicatorCode,
      year,
      target,
      percent: cell.percent,
      source: row.ctx.source,
    });
  }
  return { kind: 'target', rows: out };
}
