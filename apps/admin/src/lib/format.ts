import {
  formatDecimal,
  INDONESIAN_MONTHS,
  indicatorPrecision,
  parseIndonesianNumber,
  wallClockOf,
  type PemdaTimeZone,
} from '@sakip/domain';
import type { Lang } from './i18n';

const MONTHS_ID = INDONESIAN_MONTHS;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Formats a canonical decimal ("825.273") exactly, without floats: Indonesian "825,273", English
 * "825.273"; "1200.87" → "1.200,87" / "1,200.87". By default every stored digit is shown; with
 * `places` a longer value (a computed one) is rounded half-up to it, shorter ones are not padded.
 * The one display formatter of the domain (formatDecimal) does the work.
 */
export function formatNumber(
  value: string | number | null | undefined,
  lang: Lang = 'id',
  places: number | null = null,
): string {
  if (value === null || value === undefined || value === '') return '–';
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const shown = formatDecimal(text, { maxPlaces: places, style: lang });
  return shown ?? (text || '–');
}

/**
 * The precision of an indicator's row: the decimals its targets (value, range bounds) and the
 * given values were written with, at least two (indicatorPrecision in the domain).
 */
export function rowPrecision(
  target: { value?: string | null; min?: string | null; max?: string | null } | null | undefined,
  values: readonly (string | number | null | undefined)[],
): number {
  return indicatorPrecision([target?.value, target?.min, target?.max, ...values]);
}

/** A measured value shown with its indicator's precision (see indicatorPrecision). */
export function formatMeasure(
  value: string | number | null | undefined,
  lang: Lang,
  precision: number,
): string {
  return formatNumber(value, lang, precision);
}

export function formatPercent(
  value: string | number | null | undefined,
  lang: Lang = 'id',
  places = 2,
): string {
  const n = formatNumber(value, lang, places);
  return n === '–' ? n : `${n}%`;
}

/** "2023-01-04" → "4 Januari 2023" / "4 January 2023". */
export function formatDate(iso: string | null | undefined, lang: Lang = 'id'): string {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * A timestamp as the pemda's clock shows it: "5 Maret 2026 01.00 WIB". Never the browser's or the
 * server's zone: an event at 18:00 UTC on 4 March is 5 March in Jakarta.
 */
export function formatDateTime(
  iso: string | number | Date | null | undefined,
  lang: Lang,
  zone: PemdaTimeZone,
): string {
  if (iso === null || iso === undefined || iso === '') return '–';
  const w = wallClockOf(iso, zone);
  if (!w) return String(iso);
  return `${formatDate(w.date, lang)} ${w.time} ${zone}`;
}

/** The calendar date of a timestamp in the pemda's zone ("5 Maret 2026"). */
export function formatInstantDate(
  iso: string | number | Date | null | undefined,
  lang: Lang,
  zone: PemdaTimeZone,
): string {
  if (iso === null || iso === undefined || iso === '') return '–';
  const w = wallClockOf(iso, zone);
  return w ? formatDate(w.date, lang) : String(iso);
}

/**
 * Reads what a person types, with the importer's parser (Indonesian: "1.200,87" → "1200.87",
 * "0,5" and "0.500" → "0.5"). null when it is not a plain number (use readNumber for the message).
 */
export function parseUserNumber(text: string): string | null {
  const r = parseIndonesianNumber(text);
  return r.ok && !r.percent ? r.value : null;
}

/** CSS class for a predikat band code (colour + text, never colour alone). */
export function predikatClass(code: string | null | undefined): string {
  switch (code) {
    case 'sangat_tinggi':
      return 'pk pk-5';
    case 'tinggi':
      return 'pk pk-4';
    case 'sedang':
      return 'pk pk-3';
    case 'rendah':
      return 'pk pk-2';
    case 'sangat_rendah':
      return 'pk pk-1';
    default:
      return 'pk pk-0';
  }
}

/** Heat-map background for a capaian (%): red → amber → green, readable with dark text. */
export function heatColour(capaian: number | null): string {
  if (capaian === null || Number.isNaN(capaian)) return 'var(--heat-none)';
  if (capaian >= 91) return '#8fd19e';
  if (capaian >= 76) return '#c3e6a5';
  if (capaian >= 66) return '#ffe08a';
  if (capaian >= 51) return '#ffc48a';
  return '#f5a3a3';
}

export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n');
}

/** Rupiah, exact and without floats: "1250000000" → "Rp 1.250.000.000" (sen kept only when present). */
export function formatRupiah(value: string | number | null | undefined, lang: Lang = 'id'): string {
  let n = formatNumber(value, lang, 2);
  if (new RegExp(`\\${lang === 'id' ? ',' : '.'}\\d$`).test(n)) n += '0';
  return n === '–' ? n : n.startsWith('-') ? `-Rp ${n.slice(1)}` : `Rp ${n}`;
}
