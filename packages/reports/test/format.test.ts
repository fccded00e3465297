import { describe, expect, it } from 'vitest';
import { date, num } from '../src/format';

describe('LKjIP number text', () => {
  it.each([
    ['825.273', '825,273'], // a PK target with three decimals is printed as written
    ['912.4', '912,40'],
    ['1200', '1.200'],
    ['0.5', '0,50'],
    ['33.3333333333333333333333333333333333333', '33,33'], // a division result
  ])('%s → %s', (value, text) => expect(num(value)).toBe(text));
});

describe('LKjIP dates', () => {
  it('a calendar date is printed as it is', () => {
    expect(date('2026-03-04')).toBe('4 Maret 2026');
    expect(date('2026-03-04', 'WIT')).toBe('4 Maret 2026');
  });

  it('a timestamp is read on the pemda clock: 01:00 WIB on 5 March is 5 March', () => {
    expect(date('2026-03-04T18:00:00.000Z', 'WIB')).toBe('5 Maret 2026');
    expect(date('2026-03-04T15:30:00.000Z', 'WITA')).toBe('4 Maret 2026');
    expect(date('2026-03-04T15:30:00.000Z', 'WIT')).toBe('5 Maret 2026');
  });
});
