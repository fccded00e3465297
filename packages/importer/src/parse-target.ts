import { isOpdId } from '@sakip/domain';
import type { Target } from './plan-types';
import { TARGET_BULK } from './templates';
import { Problems, Progress, Table } from './table';
import type { TargetDocument, TargetRow } from './types';
import { parseTargetCell, parseYearCell } from './values';
import type { SheetData } from './workbook';

/**
 * Bulk targets. The indicator's satuan and polarity are in the database, not in this file, so
 * the '%'-against-satuan check and the range-needs-rentang check are left to the lead: every row
 * carries `percent`, and range cells are accepted.
 */
export function parseTargets(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): TargetDocument | null {
  const sheet = sheets.get('target');
  if (!sheet) return null;
  const t = new Table(sheet, TARGET_BULK, problems);
  const rows: TargetRow[] = [];
  const seen = new Map<string, number>();
  const opdIds = new Map<string, boolean>();
  for (const r of t.rows) {
    progress.tick();
    const ctx = t.row(r);
    const opdId = ctx.required('id_opd');
    let valid = true;
    if (opdId !== null) {
      let okId = opdIds.get(opdId);
      if (okId === undefined) {
        okId = isOpdId(opdId);
        opdIds.set(opdId, okId);
      }
      if (!okId) {
        ctx.problem(
          'id_opd',
          `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}'`,
        );
        valid = false;
      }
    }
    const decreeNumber = ctx.required('nomor_sk');
    const indicatorCode = ctx.required('kode_indikator');
    const year = ctx.parse('tahun', parseYearCell);
    const cell = ctx.parse('target', (c) => parseTargetCell(c, true));
    if (
      !valid ||
      opdId === null ||
      decreeNumber === null ||
      indicatorCode === null ||
      year === null ||
      cell === null
    )
      continue;
    const key = `${opdId}\u0000${decreeNumber}\u0000${indicatorCode}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem(
        'kode_indikator',
        `Target ganda untuk ${indicatorCode} tahun ${year} (sama dengan baris ${first}) / duplicate target for ${indicatorCode} in ${year} (same as row ${first})`,
      );
      continue;
    }
    seen.set(key, r.row);
    const target: Target = { year, value: cell.value };
    if (cell.min !== undefined) target.min = cell.min;
    if (cell.max !== undefined) target.max = cell.max;
    if (cell.unit !== undefined) target.unit = cell.unit;
    if (cell.text !== undefined) target.text = cell.text;
    rows.push({
      opdId,
      decreeNumber,
      indicatorCode,
      year,
      target,
      percent: cell.percent,
      source: ctx.source,
    });
  }
  return { kind: 'target', rows };
}
