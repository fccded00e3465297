import { SERAPAN } from './templates';
import { firstOccurrence, opdIdOf } from './row-checks';
import { Problems, Progress, Table } from './table';
import type { SerapanDocument, SpendingRow } from './types';
import { parsePeriodCell, parseRupiahCell, parseYearCell } from './values';
import type { SheetData } from './workbook';

const KEMENDAGRI_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

/**
 * Realisasi anggaran (spending) per period: the amount spent IN the period, not cumulative.
 * A year is recorded by quarters or as TAHUN, never both (domain RecordSpending). Whether the
 * codes are in the budget documents in force is checked by the lead.
 */
export function parseSerapan(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): SerapanDocument | null {
  const sheet = sheets.get('serapan');
  if (!sheet) return null;
  const t = new Table(sheet, SERAPAN, problems);
  const rows: SpendingRow[] = [];
  const seen = new Map<string, number>();
  const opdIds = new Map<string, boolean>();
  /** opd+year → first row recorded as YEAR / as a quarter. */
  const yearly = new Map<string, number>();
  const quarterly = new Map<string, number>();
  for (const r of t.rows) {
    progress.tick();
    const ctx = t.row(r);
    const opdId = opdIdOf(ctx, opdIds);
    const year = ctx.parse('tahun', parseYearCell);
    const period = ctx.parse('periode', parsePeriodCell);
    const programCode = ctx.required('kode_program');
    const kegiatanCode = ctx.optional('kode_kegiatan');
    const subKegiatanCode = ctx.optional('kode_sub_kegiatan');
    const amount = ctx.parse('realisasi', parseRupiahCell);
    let valid = true;
    if (subKegiatanCode !== null && kegiatanCode === null) {
      ctx.problem(
        'kode_kegiatan',
        `Wajib diisi bila kode_sub_kegiatan diisi / required when kode_sub_kegiatan is filled`,
      );
      valid = false;
    }
    const nests = (child: string | null, parent: string | null, column: string) => {
      if (child === null || parent === null) return;
      if (
        KEMENDAGRI_CODE.test(child) &&
        KEMENDAGRI_CODE.test(parent) &&
        !child.startsWith(`${parent}.`)
      ) {
        ctx.problem(
          column,
          `Kode '${child}' tidak berada di bawah '${parent}' / code '${child}' does not start with '${parent}.'`,
        );
        valid = false;
      }
    };
    nests(kegiatanCode, programCode, 'kode_kegiatan');
    nests(subKegiatanCode, kegiatanCode, 'kode_sub_kegiatan');
    if (
      !valid ||
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
      ctx.problem(
        'periode',
        `Tahun ${year} sudah diisi ${period === 'YEAR' ? 'per triwulan' : 'sebagai TAHUN'} (baris ${other}); isi per triwulan atau tahunan saja / year ${year} is already recorded ${period === 'YEAR' ? 'by quarter' : 'as TAHUN'} (row ${other}); record quarters or the year, not both`,
      );
      continue;
    }
    const own = period === 'YEAR' ? yearly : quarterly;
    if (!own.has(yearKey)) own.set(yearKey, r.row);
    const key = [opdId, year, period, programCode, kegiatanCode ?? '', subKegiatanCode ?? ''].join(
      '\u0000',
    );
    if (
      !firstOccurrence(seen, key, ctx, 'kode_program', 'Baris realisasi anggaran', 'spending line')
    )
      continue;
    rows.push({
      opdId,
      year,
      period,
      programCode,
      kegiatanCode,
      subKegiatanCode,
      amount,
      source: ctx.source,
    });
  }
  return { kind: 'serapan', rows };
}
