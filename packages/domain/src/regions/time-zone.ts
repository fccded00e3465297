// The three Indonesian time zones and the instant → wall-clock conversion every shown timestamp
// uses. Indonesia has no daylight saving time, so each zone is a fixed offset from UTC.
import { provinceOf } from './region-code';

export type PemdaTimeZone = 'WIB' | 'WITA' | 'WIT';
export const PEMDA_TIME_ZONES: readonly PemdaTimeZone[] = ['WIB', 'WITA', 'WIT'];

export const TIME_ZONE_OFFSET_HOURS: Readonly<Record<PemdaTimeZone, number>> = {
  WIB: 7,
  WITA: 8,
  WIT: 9,
};

/** The IANA name of each zone, for libraries that take one (Intl, spreadsheets). */
export const TIME_ZONE_IANA: Readonly<Record<PemdaTimeZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/**
 * The 38 provinces (Kemendagri codes) by zone (UU 2022 province splits included). Kalimantan is
 * split: Barat (61) and Tengah (62) keep WIB, Selatan (63), Timur (64) and Utara (65) use WITA.
 */
const WIB_PROVINCES = '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 61 62'.split(' ');
const WITA_PROVINCES = '51 52 53 63 64 65 71 72 73 74 75 76'.split(' ');
const WIT_PROVINCES = '81 82 91 92 93 94 95 96'.split(' ');

export const PROVINCE_TIME_ZONES: Readonly<Record<string, PemdaTimeZone>> = Object.fromEntries([
  ...WIB_PROVINCES.map((p) => [p, 'WIB'] as const),
  ...WITA_PROVINCES.map((p) => [p, 'WITA'] as const),
  ...WIT_PROVINCES.map((p) => [p, 'WIT'] as const),
]);

/** The zone a pemda uses unless it sets one: its province's. Unknown provinces fall back to WIB. */
export function defaultTimeZoneOf(regionCode: string): PemdaTimeZone {
  return PROVINCE_TIME_ZONES[provinceOf(regionCode)] ?? 'WIB';
}

export function isPemdaTimeZone(v: unknown): v is PemdaTimeZone {
  return v === 'WIB' || v === 'WITA' || v === 'WIT';
}

/** The wall clock of an instant in a zone. Accepts a Date, an ISO text or epoch milliseconds. */
export interface WallClock {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH.MM (Indonesian writes a dot between hours and minutes). */
  time: string;
  zone: PemdaTimeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function wallClockOf(
  instant: Date | string | number,
  zone: PemdaTimeZone,
): WallClock | null {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + TIME_ZONE_OFFSET_HOURS[zone] * 3_600_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}`,
    zone,
  };
}

/**
 * The calendar date a text stands for in a zone: a date-only text ("2024-02-15") is already a
 * calendar date and is kept; a timestamp ("2024-03-04T18:00:00Z") is read in the zone.
 */
export function localDateOf(text: string, zone: PemdaTimeZone): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  return wallClockOf(t, zone)?.date ?? null;
}
