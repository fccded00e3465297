// Input checks shared by the budget and PK deciders: money, ISO dates, required text.
import { fail } from '../shared/errors';
import { tryDecimal, type Dec } from '../measurement';

type Path = readonly (string | number)[];

/**
 * Rupiah: canonical decimal text, ≥ 0, at most 2 decimals (sen). The text is kept as written
 * ("1250000000.50") and compared as a number, so "30" and "30.00" are the same amount.
 */
export function requireMoney(value: string, path: Path): Dec {
  const d = typeof value === 'string' ? tryDecimal(value) : null;
  if (d === null) {
    fail(
      'invalid_amount',
      `Jumlah "${String(value)}" bukan angka desimal yang valid (contoh: 1250000000.50)`,
      `Amount "${String(value)}" is not a valid decimal (e.g. 1250000000.50)`,
      path,
    );
  }
  if (d.isNegative() && !d.isZero())
    fail(
      'negative_amount',
      `Jumlah tidak boleh negatif: ${value}`,
      `Amount must not be negative: ${value}`,
      path,
    );
  if (d.decimalPlaces() > 2)
    fail(
      'amount_precision',
      `Jumlah paling banyak 2 angka desimal: ${value}`,
      `Amount has more than 2 decimals: ${value}`,
      path,
    );
  return d;
}

/** Money as stored: trimmed, leading '+' dropped (the value is otherwise kept as written). */
export function moneyText(value: string): string {
  const t = value.trim();
  return t.startsWith('+') ? t.slice(1) : t;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO calendar date (YYYY-MM-DD) that exists: 2024-02-30 is refused. */
export function requireIsoDate(value: string, path: Path): string {
  const m = ISO_DATE.exec(typeof value === 'string' ? value.trim() : '');
  const ok =
    m !== null &&
    (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return (
        d.getUTCFullYear() === Number(m[1]) &&
        d.getUTCMonth() === Number(m[2]) - 1 &&
        d.getUTCDate() === Number(m[3])
      );
    })();
  if (!ok)
    fail(
      'invalid_date',
      `Tanggal "${String(value)}" tidak valid (format YYYY-MM-DD)`,
      `Date "${String(value)}" is invalid (use YYYY-MM-DD)`,
      path,
    );
  return value.trim();
}

export function requireText(
  value: string | null | undefined,
  path: Path,
  labelId: string,
  labelEn: string,
): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t === '') fail('required', `${labelId} wajib diisi`, `${labelEn} is required`, path);
  return t;
}

export function requireYear(value: number, path: Path): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) {
    fail(
      'invalid_year',
      `Tahun ${String(value)} tidak valid`,
      `Year ${String(value)} is invalid`,
      path,
    );
  }
  return value;
}

/** Numeric equality of two decimal texts; falls back to text equality when either is not a number. */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = tryDecimal(a);
  const y = tryDecimal(b);
  return x !== null && y !== null ? x.equals(y) : a.trim() === b.trim();
}
