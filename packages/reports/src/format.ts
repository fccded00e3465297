import {
  decimalsOf,
  formatIndonesianDate,
  formatIndonesianNumber,
  localDateOf,
  MAX_WRITTEN_DECIMALS,
  tryDecimal,
  type PemdaTimeZone,
} from '@sakip/domain';

export const DASH = '–';

/**
 * A measured value: integers without decimals ("1.200"), others with at least two ("912,40")
 * and every decimal they were written with ("825,273", never "825,27"); a computed value longer
 * than MAX_WRITTEN_DECIMALS (a division) rounds to two. Text is kept as is.
 */
export function num(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return DASH;
  const d = tryDecimal(value);
  if (d === null) return value;
  if (d.isInteger()) return formatIndonesianNumber(d, 0);
  const written = decimalsOf(d.toFixed());
  return formatIndonesianNumber(d, written <= MAX_WRITTEN_DECIMALS ? Math.max(2, written) : 2);
}

/** Percent with two decimals ("104,17"), dash when missing. */
export function pct(value: string | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const d = tryDecimal(value);
  return d === null ? value : formatIndonesianNumber(d, 2);
}

/** Rupiah ("Rp 200.000.000"). */
export function rupiah(value: string | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const d = tryDecimal(value);
  if (d === null) return value;
  return `Rp ${formatIndonesianNumber(d, d.isInteger() ? 0 : 2)}`;
}

/**
 * "2024-02-15" → "15 Februari 2024". A timestamp is read on the pemda's clock first: 18:00 UTC
 * on 4 March is 5 March in a WIB pemda (never the UTC date that slicing the text would give).
 */
export function date(iso: string | null | undefined, zone: PemdaTimeZone = 'WIB'): string {
  if (!iso) return DASH;
  try {
    return formatIndonesianDate(localDateOf(iso, zone) ?? iso);
  } catch {
    return iso;
  }
}

export const STAGE_LABELS: Record<string, string> = {
  renja_murni: 'Renja Murni',
  rka: 'RKA',
  dpa_pengesahan: 'DPA Pengesahan',
  dpa_pergeseran: 'DPA Pergeseran',
  dpa_perubahan: 'DPA Perubahan',
};

export const POLARITY_LABELS: Record<string, string> = {
  higher_better: 'Semakin tinggi semakin baik',
  lower_better: 'Semakin rendah semakin baik',
  range: 'Dalam rentang',
};
