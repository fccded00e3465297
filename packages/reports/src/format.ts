import { formatIndonesianDate, formatIndonesianNumber, tryDecimal } from '@sakip/domain';

export const DASH = '–';

/** A measured value: integers without decimals ("1.200"), others with two ("912,40"); text kept as is. */
export function num(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return DASH;
  const d = tryDecimal(value);
  if (d === null) return value;
  return formatIndonesianNumber(d, d.isInteger() ? 0 : 2);
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

export function date(iso: string | null | undefined): string {
  if (!iso) return DASH;
  try {
    return formatIndonesianDate(iso.slice(0, 10));
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
