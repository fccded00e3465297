// Cell value parsers shared by every template: text, enums, Indonesian numbers, dates, years,
// target cells. Each returns either a value or a bilingual message; the caller files the message
// as an ImportProblem with the cell's sheet, row and column.
import { Dec, parseIndonesianDate, parseIndonesianNumber, toDecimalString } from '@sakip/domain';
import type { ReportPeriod } from './types';
import type { Cell } from './workbook';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Header / key / enum normalisation: case-, space- and dash-insensitive, '*' and "(…)" hints dropped. */
export function normalizeKey(s: string): string {
  return s
    .replace(/\(.*?\)/g, '')
    .replace(/\*/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');
}

export function cellText(c: Cell | undefined): string {
  return c === undefined ? '' : c.text.replace(/\u00a0/g, ' ').trim();
}

// --- numbers ----------------------------------------------------------------------------

export interface NumberValue {
  /** Canonical decimal string. */
  value: string;
  percent: boolean;
}

export function parseNumberCell(c: Cell | undefined): Parsed<NumberValue> {
  if (c !== undefined && c.number !== undefined) {
    if (!Number.isFinite(c.number)) return bad(`Angka tidak valid / invalid number: '${c.text}'`);
    if (c.percent)
      return ok({ value: toDecimalString(new Dec(String(c.number)).times(100)), percent: true });
    return ok({ value: toDecimalString(String(c.number)), percent: false });
  }
  const r = parseIndonesianNumber(cellText(c));
  if (!r.ok)
    return bad(
      `Angka tidak valid: '${cellText(c)}' (contoh 887,43 / 1.200,87 / 30%) / invalid number: '${cellText(c)}' (e.g. 887,43 / 1.200,87 / 30%)`,
    );
  return ok({ value: r.value, percent: r.percent });
}

/** A plain amount (pagu, baseline) where '%' is not allowed. */
export function parseAmountCell(c: Cell | undefined, allowNegative = false): Parsed<string> {
  const r = parseNumberCell(c);
  if (!r.ok) return r;
  if (r.value.percent)
    return bad(
      `Nilai rupiah tidak boleh persen: '${cellText(c)}' / an amount cannot be a percentage: '${cellText(c)}'`,
    );
  if (!allowNegative && r.value.value.startsWith('-'))
    return bad(
      `Nilai tidak boleh negatif: '${cellText(c)}' / value cannot be negative: '${cellText(c)}'`,
    );
  return ok(r.value.value);
}

export function parseYearCell(c: Cell | undefined): Parsed<number> {
  const t = c?.number !== undefined ? String(c.number) : cellText(c);
  if (!/^\d{4}$/.test(t))
    return bad(
      `Tahun tidak valid: '${cellText(c)}' (4 angka, mis. 2024) / invalid year: '${cellText(c)}' (4 digits, e.g. 2024)`,
    );
  const y = Number(t);
  if (y < 1990 || y > 2100)
    return bad(`Tahun di luar rentang 1990–2100: ${y} / year outside 1990–2100: ${y}`);
  return ok(y);
}

// --- dates ------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Accepts an Excel date cell, an Excel serial number, "4 Januari 2023", "2023-01-04" and
 * "04/01/2023" / "4-1-2023" (day first, the Indonesian order). Returns ISO YYYY-MM-DD.
 */
export function parseDateCell(c: Cell | undefined): Parsed<string> {
  const fail = bad<string>(
    `Tanggal tidak valid: '${cellText(c)}' (contoh: 4 Januari 2023 atau 2023-01-04) / invalid date: '${cellText(c)}' (e.g. 4 Januari 2023 or 2023-01-04)`,
  );
  if (c?.date !== undefined) {
    const d = c.date;
    return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  if (c?.number !== undefined) {
    if (!Number.isInteger(c.number) || c.number < 1 || c.number > 2958465) return fail;
    const d = new Date(EXCEL_EPOCH + c.number * 86400000);
    return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  const t = cellText(c);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso === null ? fail : ok(iso);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso === null ? fail : ok(iso);
  }
  const r = parseIndonesianDate(t.replace(/\s+/g, ' '));
  return r.ok ? ok(r.value) : fail;
}

// --- enums ------------------------------------------------------------------------------

export function parseEnumCell<T extends string>(
  c: Cell | undefined,
  map: Readonly<Record<string, T>>,
  allowed: readonly string[],
): Parsed<T> {
  const key = normalizeKey(cellText(c));
  const v = map[key];
  if (v === undefined) {
    return bad(
      `Nilai '${cellText(c)}' tidak dikenal, pilih salah satu: ${allowed.join(', ')} / unknown value '${cellText(c)}', expected one of: ${allowed.join(', ')}`,
    );
  }
  return ok(v);
}

// --- targets ----------------------------------------------------------------------------

export interface TargetCell {
  value: string | null;
  min?: string;
  max?: string;
  unit?: string;
  text?: string;
  percent: boolean;
}

const NUM = String.raw`[-+\u2212]?(?:Rp\.?\s*)?\d[\d.,]*(?:\s*%)?`;
const TARGET = new RegExp(String.raw`^(${NUM})(?:\s+([^|]*?))?\s*(?:\|\s*(.*))?$`, 'i');
const RANGE = new RegExp(String.raw`^(${NUM})\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai)\s*(${NUM})$`, 'i');
const NONE = /^[-–—]$/;

/**
 * Target cell grammar (documented in docs/import-template.md):
 *   "-"                       → no numeric target (value null)
 *   "887,43" "30%" "1.200"    → value
 *   "2 dokumen"               → value + the unit it counts
 *   "85 | Nilai A"            → value + qualitative text/predikat
 *   "Tidak ada temuan"        → qualitative target only (value null)
 *   "10 - 20", "10 s.d. 20"   → range (min/max), only for polaritas rentang
 * Numeric Excel cells are plain values (percent-formatted cells count as '%').
 */
export function parseTargetCell(c: Cell | undefined, rangeAllowed: boolean): Parsed<TargetCell> {
  if (c?.number !== undefined) {
    const n = parseNumberCell(c);
    return n.ok ? ok({ value: n.value.value, percent: n.value.percent }) : n;
  }
  const t = cellText(c).replace(/\s+/g, ' ');
  // '-' is kept as text so the domain sees an explicit "no target this year", not a gap.
  if (NONE.test(t)) return ok({ value: null, text: '-', percent: false });
  const range = RANGE.exec(t);
  if (range) {
    if (!rangeAllowed) {
      return bad(
        `Target rentang '${t}' hanya untuk polaritas rentang / a range target '${t}' needs polaritas rentang`,
      );
    }
    const lo = parseIndonesianNumber(range[1] ?? '');
    const hi = parseIndonesianNumber(range[2] ?? '');
    if (!lo.ok || !hi.ok) return bad(`Rentang tidak valid: '${t}' / invalid range: '${t}'`);
    if (new Dec(lo.value).gt(hi.value))
      return bad(
        `Batas bawah lebih besar dari batas atas: '${t}' / lower bound above upper bound: '${t}'`,
      );
    return ok({ value: null, min: lo.value, max: hi.value, percent: lo.percent || hi.percent });
  }
  const m = TARGET.exec(t);
  if (m) {
    const n = parseIndonesianNumber(m[1] ?? '');
    if (!n.ok)
      return bad(
        `Angka target tidak valid: '${t}' (contoh 887,43 / 2 dokumen / 85 | Nilai A) / invalid target number: '${t}'`,
      );
    const out: TargetCell = { value: n.value, percent: n.percent };
    const unit = (m[2] ?? '').trim();
    const text = (m[3] ?? '').trim();
    if (unit !== '') out.unit = unit;
    if (text !== '') out.text = text;
    return ok(out);
  }
  if (/^[-+\u2212]?\d/.test(t)) {
    return bad(
      `Target tidak valid: '${t}' (contoh 887,43 / 2 dokumen / 85 | Nilai A) / invalid target: '${t}'`,
    );
  }
  // Qualitative target: "Tidak ada temuan", "Baik", "Nilai BB".
  return ok({ value: null, text: t, percent: false });
}

export function isPercentSatuan(satuan: string): boolean {
  const s = satuan.trim().toLowerCase();
  return s === '%' || s === 'persen' || s === 'persentase';
}

export const PERCENT_MISMATCH = (raw: string, satuan: string) =>
  `Persentase tidak sesuai satuan: '${raw}' ditulis dengan %, satuan indikator '${satuan}' / percentage does not match the unit: '${raw}' has a %, the indicator's unit is '${satuan}'`;

// --- misc -------------------------------------------------------------------------------

/** NIP: 18 digits; spaces are allowed in the cell ("19620412 198303 1 015"). */
export function parseNipCell(c: Cell | undefined): Parsed<string> {
  const t = (c?.number !== undefined ? String(c.number) : cellText(c)).replace(/[\s.]/g, '');
  if (!/^\d{18}$/.test(t))
    return bad(`NIP harus 18 angka: '${cellText(c)}' / NIP must be 18 digits: '${cellText(c)}'`);
  return ok(t);
}

/** A list cell: one item per line; when the cell has a single line, items separated by ';'. */
export function splitList(text: string): string[] {
  const lines = text.includes('\n') ? text.split(/\r?\n/) : text.split(';');
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

// --- reporting periods ------------------------------------------------------------------

const ROMAN: Record<string, 1 | 2 | 3 | 4> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};
export const PERIOD_WRITTEN = ['TW1', 'TW2', 'TW3', 'TW4', 'TAHUN', 'Triwulan I…IV', 'Tahunan'];

/**
 * "TW1".."TW4", "TW I", "Triwulan I".."Triwulan IV" (Roman or digits), "TAHUN", "Tahunan",
 * "YEAR" → the domain period.
 */
export function parsePeriodCell(c: Cell | undefined): Parsed<ReportPeriod> {
  const key = normalizeKey(cellText(c)).replace(/_/g, '');
  if (key === 'tahun' || key === 'tahunan' || key === 'year') return ok('YEAR');
  const m = /^(?:tw|triwulan|q)(i{1,3}|iv|[1-4])$/.exec(key);
  const q = m ? ROMAN[m[1] ?? ''] : undefined;
  if (q !== undefined) return ok(`TW${q}` as const);
  return bad(
    `Periode '${cellText(c)}' tidak dikenal, pilih salah satu: ${PERIOD_WRITTEN.join(', ')} / unknown period '${cellText(c)}', expected one of: ${PERIOD_WRITTEN.join(', ')}`,
  );
}

// --- formula inputs ---------------------------------------------------------------------

/**
 * The `input` cell of a realization: `nama=nilai; nama=nilai` (or one pair per line), numbers
 * in Indonesian notation, a series as `harga=10.200|10.350|10.100`. A name containing '=', ';'
 * or '|' is written in double quotes ("" for one quote). '%' is not allowed in an input.
 */
export function parseInputsCell(c: Cell | undefined): Parsed<Record<string, string | string[]>> {
  const text = cellText(c);
  const example = `contoh / e.g. 'Jumlah koperasi sehat=25; Jumlah koperasi=75' atau / or 'harga=10.200|10.350|10.100'`;
  const pairs: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\n')) {
      pairs.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pairs.push(text.slice(start));
  if (quoted) return bad(`Tanda kutip tidak ditutup: '${text}' / unclosed double quote: '${text}'`);
  const out: Record<string, string | string[]> = {};
  for (const raw of pairs.map((p) => p.trim()).filter((p) => p !== '')) {
    let name: string;
    let rest: string;
    if (raw.startsWith('"')) {
      let i = 1;
      let n = '';
      for (; i < raw.length; i++) {
        if (raw[i] === '"') {
          if (raw[i + 1] === '"') {
            n += '"';
            i++;
            continue;
          }
          break;
        }
        n += raw[i];
      }
      name = n.trim();
      rest = raw.slice(i + 1).trim();
      if (!rest.startsWith('='))
        return bad(
          `Input '${raw}' harus berbentuk nama=nilai (${example}) / input '${raw}' must be name=value`,
        );
      rest = rest.slice(1);
    } else {
      const eq = raw.indexOf('=');
      if (eq < 0)
        return bad(
          `Input '${raw}' harus berbentuk nama=nilai (${example}) / input '${raw}' must be name=value`,
        );
      name = raw.slice(0, eq).trim();
      rest = raw.slice(eq + 1);
    }
    if (name === '')
      return bad(`Nama input kosong pada '${raw}' (${example}) / empty input name in '${raw}'`);
    if (Object.prototype.hasOwnProperty.call(out, name))
      return bad(`Input '${name}' ditulis dua kali / input '${name}' is given twice`);
    const parts = rest.split('|').map((p) => p.trim());
    const values: string[] = [];
    for (const p of parts) {
      const r = parseIndonesianNumber(p);
      if (p === '' || !r.ok)
        return bad(
          `Nilai input '${name}' tidak valid: '${p}' (${example}) / invalid value for input '${name}': '${p}'`,
        );
      if (r.percent)
        return bad(
          `Nilai input '${name}' tidak boleh memakai %: '${p}' / input '${name}' cannot be written with %: '${p}'`,
        );
      values.push(r.value);
    }
    out[name] = parts.length > 1 ? values : (values[0] ?? '');
  }
  if (Object.keys(out).length === 0) return bad(`Input kosong (${example}) / no inputs`);
  return ok(out);
}

/** Rupiah: an amount (no '%', ≥ 0) with at most 2 decimals (sen). */
export function parseRupiahCell(c: Cell | undefined): Parsed<string> {
  const r = parseAmountCell(c);
  if (!r.ok) return r;
  const frac = r.value.split('.')[1] ?? '';
  if (frac.length > 2)
    return bad(
      `Nilai rupiah paling banyak 2 desimal: '${cellText(c)}' (contoh 1.250.000.000,50) / a rupiah amount has at most 2 decimals: '${cellText(c)}' (e.g. 1.250.000.000,50)`,
    );
  return ok(r.value);
}
