// Parsing and formatting numbers and dates the way Indonesian documents write them:
// '.' groups thousands, ',' separates decimals ("1.200,87"), months in Bahasa Indonesia.
//
// Ambiguity rule (documented decision):
//  - Any comma is the decimal separator; dots before it must be well-formed thousands groups.
//  - Without a comma, dots that form well-formed thousands groups ("1.200", "1.500.000") are
//    thousands separators (Indonesian reading), so "1.200" is 1200, never 1.2.
//  - Otherwise a single dot is accepted as a decimal point ("1200.5", "3.14", "0.500"): this is
//    how spreadsheets export numbers. A leading group of "0" is never a thousands group, so
//    "0.500" is 0.5.
//  - Mixed English grouping ("1,200.50"), several commas, or stray characters are rejected.
import { toDecimalString, toFixedString, type DecimalInput } from './decimal';

export interface NumberParseError {
  code: 'empty' | 'invalid_number';
  input: string;
  message: string;
}

export type ParsedNumber =
  { ok: true; value: string; percent: boolean } | { ok: false; error: NumberParseError };

const GROUPED_WITH_COMMA = /^[1-9]\d{0,2}(\.\d{3})+,\d+$/; // 1.200,87
const PLAIN_WITH_COMMA = /^\d+,\d+$/; // 887,43
const GROUPED_INTEGER = /^[1-9]\d{0,2}(\.\d{3})+$/; // 1.200 / 1.500.000
const DOT_DECIMAL = /^\d+\.\d+$/; // 1200.5 (only reached when not a thousands pattern)
const INTEGER = /^\d+$/;

function invalid(input: string): ParsedNumber {
  return {
    ok: false,
    error: {
      code: 'invalid_number',
      input,
      message: `Angka tidak valid / invalid number: '${input}'`,
    },
  };
}

/**
 * Parse "887,43", "1.200,87", "30%", "12,5 %", "-3,2", "Rp 1.500.000", "1200.5".
 * Returns the canonical decimal string ('.' separator, no grouping) and whether a '%' was present.
 */
export function parseIndonesianNumber(text: string): ParsedNumber {
  const original = text;
  let s = text.replace(/\u00a0/g, ' ').trim();
  if (s === '') {
    return {
      ok: false,
      error: { code: 'empty', input: original, message: 'Angka belum diisi / number is empty' },
    };
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let sign = '';
  if (/^[-+\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1).trimStart();
  }
  // Currency prefix "Rp", "Rp.", "IDR" (also after the sign: "-Rp 5.000").
  const currency = /^(rp\.?|idr)\s*/i.exec(s);
  if (currency) {
    if (percent) return invalid(original);
    s = s.slice(currency[0].length);
    if (sign === '' && /^[-\u2212]/.test(s)) {
      sign = '-';
      s = s.slice(1);
    }
  }
  let canonical: string;
  if (GROUPED_WITH_COMMA.test(s) || PLAIN_WITH_COMMA.test(s)) {
    canonical = s.replace(/\./g, '').replace(',', '.');
  } else if (GROUPED_INTEGER.test(s)) {
    canonical = s.replace(/\./g, '');
  } else if (DOT_DECIMAL.test(s) || INTEGER.test(s)) {
    canonical = s;
  } else {
    return invalid(original);
  }
  return { ok: true, value: toDecimalString(sign + canonical), percent };
}

/** 1200.87 → "1.200,87"; rounds half-up to `places` (default 2). */
export function formatIndonesianNumber(value: DecimalInput, places = 2): string {
  const fixed = toFixedString(value, places);
  const negative = fixed.startsWith('-');
  const [intPart = '0', fracPart] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (fracPart === undefined ? '' : ',' + fracPart);
}

/** Percent with a trailing "%": 33.3333 → "33,33%". */
export function formatIndonesianPercent(value: DecimalInput, places = 2): string {
  return `${formatIndonesianNumber(value, places)}%`;
}

export const INDONESIAN_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2024-02-15" → "15 Februari 2024". Date-only ISO text; no time zones involved. Throws RangeError on invalid dates. */
export function formatIndonesianDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Tanggal tidak valid / invalid date: '${isoDate}' (format YYYY-MM-DD)`);
  }
  return `${day} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
}

export type ParsedDate =
  | { ok: true; value: string }
  | { ok: false; error: { code: 'invalid_date'; input: string; message: string } };

/** "15 Februari 2024" → "2024-02-15" (month name case-insensitive). Inverse of formatIndonesianDate. */
export function parseIndonesianDate(text: string): ParsedDate {
  const fail: ParsedDate = {
    ok: false,
    error: {
      code: 'invalid_date',
      input: text,
      message: `Tanggal tidak valid / invalid date: '${text}'`,
    },
  };
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  if (!m) return fail;
  const day = Number(m[1]);
  const year = Number(m[3]);
  const monthIndex = INDONESIAN_MONTHS.findIndex(
    (name) => name.toLowerCase() === (m[2] ?? '').toLowerCase(),
  );
  if (monthIndex < 0 || day < 1 || day > daysInMonth(year, monthIndex + 1)) return fail;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, value: `${year}-${pad(monthIndex + 1)}-${pad(day)}` };
}
