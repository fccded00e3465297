import { budgetCodes, readTemplateSheet, RowKeys } from './read-rows';
import { Problems, Progress } from './table';
import type { SerapanDocument, SpendingRow } from './types';
import type { SheetData } from './workbook';

/**
 * Realisasi anggaran (spending) per period: the amount spent IN the period, not cumulative.
 * A year is recorded by quarters or as TAHUN, never both (domain RecordSpending). Whether the
 * codes are in the Renstra in force is checked against the database by the application.
 */
export function parseSerapan(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): SerapanDocument | null {
  const rows = readTemplateSheet(sheets, 'serapan', 'Serapan', problems, progress);
  if (!rows) return null;
  const out: SpendingRow[] = [];
  const keys = new RowKeys('kode_program', () => ({
    id: 'Baris realisasi anggaran',
    en: 'spending line',
  }));
  /** opd+year → first row recorded as YEAR / as a quarter. */
  const yearly = new Map<string, number>();
  const quarterly = new Map<string, number>();
  for (const row of rows) {
    const { programCode, kegiatanCode, subKegiatanCode } = budgetCodes(row);
    const opdId = row.get('id_opd', 'opd_id');
    const year = row.get('tahun', 'year');
    const period = row.get('periode', 'period');
    const amount = row.get('realisasi', 'rupiah');
    if (
      !row.valid ||
      opdId === null ||
      year === null ||
      period === null ||
      programCode === null ||
      amount === null
    )
      continue;
    const yearKey = `${opdId}\u0000${year}`;
    const other = period === 'YEAR' ? quarterly.get(yearKey) : yearly.get(yearKey);
    if (other !== undefined) {
      row.problem(
        'periode',
        `Tahun ${year} sudah diisi ${period === 'YEAR' ? 'per triwulan' : 'sebagai TAHUN'} (baris ${other}); isi per triwulan atau tahunan saja / year ${year} is already recorded ${period === 'YEAR' ? 'by quarter' : 'as TAHUN'} (row ${other}); record quarters or the year, not both`,
      );
      continue;
    }
    const own = period === 'YEAR' ? yearly : quarterly;
    if (!own.has(yearKey)) own.set(yearKey, row.ctx.rowNumber);
    if (!keys.first(row, [opdId, year, period, programCode, kegiatanCode, subKegiatanCode]))
      continue;
    out.push({
      opdId,
      year,
      period,
      programCode,
      kegiatanCode,
      subKegiatanCode,
      amount,
      source: row.ctx.source,
    });
  }
  return { kind: 'serapan', rows: out };
}
