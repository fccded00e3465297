import type { Lang } from './i18n';

const MONTHS_ID = [
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
];
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
 * Formats a canonical decimal ("1200.8735") exactly, without floats: Indonesian "1.200,87",
 * English "1,200.87". Rounds half away from zero to `places`; `places` null keeps every digit.
 */
export function formatNumber(
  value: string | number | null | undefined,
  lang: Lang = 'id',
  places: number | null = 2,
): string {
  if (value === null || value === undefined || value === '') return '–';
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text || '–';
  const [, sign, intRaw, fracRaw = ''] = m;
  let intPart = intRaw!;
  let frac = fracRaw;
  if (places !== null) {
    if (frac.length > places) {
      const roundUp = Number(frac[places]) >= 5;
      frac = frac.slice(0, places);
      if (roundUp) {
        const digits = (intPart + frac).split('').map(Number);
        let i = digits.length - 1;
        while (i >= 0) {
          if (digits[i]! < 9) {
            digits[i]! += 1;
            break;
          }
          digits[i] = 0;
          i--;
        }
        let all = digits.join('');
        if (i < 0) all = `1${all}`;
        intPart = all.slice(0, all.length - places) || '0';
        frac = all.slice(all.length - places);
      }
    }
    // Trailing zeros are noise in targets ("32" not "32,00").
    frac = frac.replace(/0+$/, '');
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  const group = lang === 'id' ? '.' : ',';
  const dec = lang === 'id' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const isZero = /^0*$/.test(intPart + frac);
  return `${sign && !isZero ? '-' : ''}${grouped}${frac ? dec + frac : ''}`;
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

export function formatDateTime(iso: string | null | undefined, lang: Lang = 'id'): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatDate(d.toISOString().slice(0, 10), lang)} ${hh}.${mm}`;
}

/**
 * Reads what a person types in either convention into a canonical dot decimal:
 * "1.200,87" → "1200.87", "32,5" → "32.5", "32.5" → "32.5". Returns null if not a number.
 */
export function parseUserNumber(text: string): string | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(s) && !/^-?\d{1,3}(\.\d{3})+$/.test(s)) return s;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^-?\d+(,\d+)?$/.test(s))
    return s.replace(/\./g, '').replace(',', '.');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return s.replace(/,/g, '');
  return null;
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
