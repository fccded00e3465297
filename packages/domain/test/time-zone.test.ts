import { describe, expect, it } from 'vitest';
import {
  defaultTimeZoneOf,
  fold,
  localDateOf,
  PROVINCE_TIME_ZONES,
  regionDecider,
  timeZoneOfRegion,
  wallClockOf,
  type RegionEvent,
} from '../src/index';
import { spec } from './spec';

const given = spec(regionDecider);
const registered = (code: string, name: string): RegionEvent => ({
  type: 'RegionRegistered',
  data: { code, level: 'kabupaten', provinceCode: code.slice(0, 2), name, codeEdition: '2025' },
});
const badung = registered('51.03', 'Badung');

describe('province time zones', () => {
  it('covers the 38 provinces', () => {
    expect(Object.keys(PROVINCE_TIME_ZONES)).toHaveLength(38);
  });

  it.each([
    ['11', 'WIB'], // Aceh
    ['31', 'WIB'], // DKI Jakarta
    ['36', 'WIB'], // Banten
    ['61', 'WIB'], // Kalimantan Barat
    ['62', 'WIB'], // Kalimantan Tengah
    ['63', 'WITA'], // Kalimantan Selatan
    ['64', 'WITA'], // Kalimantan Timur
    ['65', 'WITA'], // Kalimantan Utara
    ['51', 'WITA'], // Bali
    ['52', 'WITA'], // NTB
    ['53', 'WITA'], // NTT
    ['71', 'WITA'], // Sulawesi Utara
    ['76', 'WITA'], // Sulawesi Barat
    ['81', 'WIT'], // Maluku
    ['82', 'WIT'], // Maluku Utara
    ['91', 'WIT'], // Papua
    ['96', 'WIT'], // Papua Barat Daya
  ] as const)('province %s is %s', (code, zone) => {
    expect(defaultTimeZoneOf(code)).toBe(zone);
  });

  it('a kabupaten or kota takes its province zone', () => {
    expect(defaultTimeZoneOf('18.04')).toBe('WIB');
    expect(defaultTimeZoneOf('51.03')).toBe('WITA');
    expect(defaultTimeZoneOf('94.71')).toBe('WIT');
  });
});

describe('wall clock of an instant', () => {
  // 01:00 WIB on 5 March = 18:00 UTC on 4 March.
  const instant = '2026-03-04T18:00:00.000Z';

  it('an event at 01:00 WIB on 5 March is on 5 March in a WIB pemda', () => {
    expect(wallClockOf(instant, 'WIB')).toEqual({ date: '2026-03-05', time: '01.00', zone: 'WIB' });
  });

  it('the same instant is 5 March 02:00 in a WITA pemda and 03:00 in a WIT pemda', () => {
    expect(wallClockOf(instant, 'WITA')).toEqual({
      date: '2026-03-05',
      time: '02.00',
      zone: 'WITA',
    });
    expect(wallClockOf(new Date(instant), 'WIT')?.time).toBe('03.00');
  });

  it('reads offsets written in the text, not the machine zone', () => {
    expect(wallClockOf('2026-03-05T01:00:00+07:00', 'WIB')?.date).toBe('2026-03-05');
    expect(wallClockOf('2026-12-31T16:59:00Z', 'WIB')).toMatchObject({
      date: '2026-12-31',
      time: '23.59',
    });
    expect(wallClockOf('2026-12-31T17:00:00Z', 'WIB')?.date).toBe('2027-01-01');
  });

  it('an unreadable instant gives null', () => {
    expect(wallClockOf('kemarin', 'WIB')).toBeNull();
  });

  it('a date-only text is a calendar date and is kept; a timestamp is read in the zone', () => {
    expect(localDateOf('2026-03-04', 'WIT')).toBe('2026-03-04');
    expect(localDateOf(instant, 'WIB')).toBe('2026-03-05');
    expect(localDateOf('2026-03-04T16:00:00Z', 'WIB')).toBe('2026-03-04');
  });
});

describe('pemda time zone setting', () => {
  it('defaults from the province code until the pemda chooses', () => {
    expect(timeZoneOfRegion(fold(regionDecider, [badung]))).toBe('WITA');
    expect(timeZoneOfRegion(fold(regionDecider, [registered('18.04', 'Lampung Timur')]))).toBe(
      'WIB',
    );
    expect(timeZoneOfRegion(fold(regionDecider, [registered('82.01', 'Halmahera Barat')]))).toBe(
      'WIT',
    );
  });

  it('records the chosen zone with the one it replaces; the same choice again writes nothing', () => {
    const chosen: RegionEvent = {
      type: 'TimeZoneConfigured',
      data: { code: '51.03', previousTimeZone: 'WITA', timeZone: 'WIB' },
    };
    given([badung])
      .when({ type: 'ConfigureTimeZone', code: '51.03', timeZone: 'WIB' })
      .then([chosen]);
    given([badung, chosen])
      .when({ type: 'ConfigureTimeZone', code: '51.03', timeZone: 'WIB' })
      .then([]);
    expect(timeZoneOfRegion(fold(regionDecider, [badung, chosen]))).toBe('WIB');
  });

  it('refuses an unknown zone and an unregistered region, naming the field', () => {
    given([badung])
      .when({ type: 'ConfigureTimeZone', code: '51.03', timeZone: 'UTC' as never })
      .thenFails('invalid_time_zone', ['timeZone']);
    given([])
      .when({ type: 'ConfigureTimeZone', code: '51.03', timeZone: 'WIB' })
      .thenFails('region_not_found', ['code']);
  });
});
