// Exact decimal arithmetic for percentages and rupiah. Binary floats turn 0.3 / 0.1 into
// 2.9999999999999996; a capaian or serapan printed in an LKjIP must not. We use a private
// decimal.js clone so settings made elsewhere (the global Decimal) cannot change our results.
import DecimalJs from 'decimal.js';

/** Local Decimal constructor: 40 significant digits, half-up rounding (the rounding taught in Indonesian schools and used in reports). */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** What callers may hand us. Strings are preferred: numbers are converted via their shortest decimal form. */
export type DecimalInput = string | number | DecimalJs;

// Canonical decimal text: optional sign, digits, optional '.' fraction. No exponent, no
// grouping. Indonesian user text ("1.200,87") must go through parseIndonesianNumber first,
// because "1.200" means 1200 there but 1.2 here.
const CANONICAL = /^[+-]?\d+(\.\d+)?$/;

export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL.test(text.trim());
}

/** Strict conversion: canonical decimal string, finite number, or Decimal; anything else → null. */
export function tryDecimal(value: unknown): Dec | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return CANONICAL.test(t) ? new Dec(t) : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : null;
  if (DecimalJs.isDecimal(value)) {
    const d = new Dec(value as DecimalJs);
    return d.isFinite() ? d : null;
  }
  return null;
}

/** Like tryDecimal but throws a RangeError; for trusted values (e.g. our own results). */
export function toDecimal(value: DecimalInput): Dec {
  const d = tryDecimal(value);
  if (d === null) throw new RangeError(`Angka tidak valid / invalid number: '${String(value)}'`);
  return d;
}

/** Blank means "not filled in": null, undefined or an empty/whitespace string. Never 0. */
export function isBlank(value: unknown): value is null | undefined | '' {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

// decimal.js keeps negative zero ("-0.00"); a report should never show it.
function stripNegativeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Exact value as canonical plain text (no exponent): the form values cross module boundaries in. */
export function toDecimalString(value: DecimalInput): string {
  return stripNegativeZero(toDecimal(value).toFixed());
}

/** Rounded (half-up) to a fixed number of places, for display: toFixedString('116.666…', 2) → '116.67'. */
export function toFixedString(value: DecimalInput, places: number): string {
  if (!Number.isInteger(places) || places < 0)
    throw new RangeError(`places must be a non-negative integer, got ${places}`);
  return stripNegativeZero(toDecimal(value).toFixed(places, Dec.ROUND_HALF_UP));
}

export function sumDecimals(values: readonly Dec[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new Dec(0));
}
