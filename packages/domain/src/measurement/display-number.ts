// One way to show a stored number: every digit it was stored with, grouped the way the reader's
// language writes numbers. Only values longer than the indicator's precision are rounded, and
// those are always computed ones (a formula result such as 25 / 75 × 100 = 33.333…).
import { Dec, tryDecimal, type DecimalInput } from './decimal';

export type NumberStyle = 'id' | 'en';

/**
 * The longest fraction a typed value is taken to have. No SAKIP measure is written with more
 * than six decimals; a longer fraction comes from a division and is rounded for display.
 */
export const MAX_WRITTEN_DECIMALS = 6;
/** Capaian and computed values are shown with at least two decimals (the LKjIP convention). */
export const MIN_DISPLAY_DECIMALS = 2;

export function decimalsOf(value: string): number {
  const t = value.trim();
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.length - dot - 1;
}

/**
 * The display precision of an indicator: the most decimals any of its written values (targets,
 * typed realizations) has, at least two. Values longer than MAX_WRITTEN_DECIMALS are computed
 * and do not widen it. A PK target 825.273 gives precision 3, so it is never shown as 825,27.
 */
export function indicatorPrecision(
  values: readonly (string | number | null | undefined)[],
): number {
  let places = MIN_DISPLAY_DECIMALS;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const d = tryDecimal(v);
    if (d === null) continue;
    const n = decimalsOf(d.toFixed());
    if (n <= MAX_WRITTEN_DECIMALS && n > places) places = n;
  }
  return places;
}

/**
 * The value in a canonical decimal text: exact, or rounded half-up to `maxPlaces` when it has more
 * decimals than that (trailing zeros the rounding leaves are dropped). Never pads: "32" stays
 * "32". null keeps every digit. Returns null for anything that is not a decimal.
 */
export function roundForDisplay(value: DecimalInput, maxPlaces: number | null): string | null {
  const d = tryDecimal(value);
  if (d === null) return null;
  let text = d.toFixed();
  if (maxPlaces !== null && decimalsOf(text) > maxPlaces) {
    text = d.toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP).toFixed();
    if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  }
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * "1200.873" → "1.200,873" (id) or "1,200.873" (en). `maxPlaces` null keeps every digit (what a
 * stored value is shown with); a number rounds only values longer than it.
 */
export function formatDecimal(
  value: DecimalInput,
  options: { maxPlaces?: number | null; style?: NumberStyle } = {},
): string | null {
  const text = roundForDisplay(value, options.maxPlaces ?? null);
  if (text === null) return null;
  const style = options.style ?? 'id';
  const negative = text.startsWith('-');
  const [intPart = '0', frac] = (negative ? text.slice(1) : text).split('.');
  const group = style === 'id' ? '.' : ',';
  const point = style === 'id' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? '-' : '') + grouped + (frac === undefined ? '' : point + frac);
}
