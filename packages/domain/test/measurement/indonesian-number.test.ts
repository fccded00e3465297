import { describe, expect, it } from 'vitest';
import {
  formatIndonesianDate,
  formatIndonesianNumber,
  formatIndonesianPercent,
  parseIndonesianDate,
  parseIndonesianNumber,
} from '../../src/measurement';

describe('parseIndonesianNumber', () => {
  it.each([
    // [text, canonical value, percent]
    ['887,43', '887.43', false],
    ['1.200,87', '1200.87', false],
    ['30%', '30', true],
    ['12,5 %', '12.5', true],
    ['-3,2', '-3.2', false],
    ['−3,2', '-3.2', false], // unicode minus
    ['+4', '4', false],
    ['1.200', '1200', false], // dot + exactly 3 digits = thousands
    ['1.500.000', '1500000', false],
    ['Rp 1.500.000', '1500000', false],
    ['Rp1.500.000,50', '1500000.5', false],
    ['Rp. 250.000', '250000', false],
    ['-Rp 5.000', '-5000', false],
    ['1200.5', '1200.5', false], // single dot, not 3 digits: dot-decimal (spreadsheet export)
    ['3.14', '3.14', false],
    ['1.2345', '1.2345', false],
    ['0.500', '0.5', false], // leading "0" group is never thousands
    ['-0.500', '-0.5', false],
    ['0,5', '0.5', false],
    ['825,273', '825.273', false],
    ['825.273', '825273', false], // Indonesian reading: a dot and three digits group thousands
    ['- 3,2', '-3.2', false], // space after the sign
    ['\u00a01.200,87\u00a0', '1200.87', false], // no-break spaces around
    ['  75  ', '75', false],
    ['0,00', '0', false],
    ['-0', '0', false],
    ['007', '7', false],
    ['33,3333%', '33.3333', true],
  ])('%s → %s (percent %s)', (text, value, percent) => {
    expect(parseIndonesianNumber(text)).toEqual({ ok: true, value, percent });
  });

  it.each([
    ['abc'],
    ['1,200.50'], // English grouping
    ['1.20.000'], // malformed groups
    ['1.2000,5'],
    ['1,2,3'],
    ['12,'],
    [',5'],
    ['1.200.'],
    ['Rp 10%'],
    ['12 345'], // a space inside the number is a typo, never a separator
    ['1 200,87'],
    ['0.500.000'],
    ['--5'],
    ['%'],
  ])('rejects %s with a bilingual message', (text) => {
    const r = parseIndonesianNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_number');
      expect(r.error.message).toBe(`Angka tidak valid / invalid number: '${text}'`);
    }
  });

  it('reports empty input separately', () => {
    const r = parseIndonesianNumber('   ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('empty');
  });
});

describe('formatIndonesianNumber', () => {
  it.each([
    ['1200.87', 2, '1.200,87'],
    ['1500000', 0, '1.500.000'],
    ['1500000', 2, '1.500.000,00'],
    ['33.3333333333', 2, '33,33'],
    ['116.666666', 2, '116,67'],
    ['-1234567.891', 2, '-1.234.567,89'],
    ['999.995', 2, '1.000,00'],
    ['0.5', 0, '1'],
    ['12', 0, '12'],
    [887.43, 2, '887,43'],
  ])('%s with %i places → %s', (value, places, expected) => {
    expect(formatIndonesianNumber(value, places)).toBe(expected);
  });

  it('formats percents', () => {
    expect(formatIndonesianPercent('33.33333', 2)).toBe('33,33%');
  });

  it.each([['1.200,87'], ['887,43'], ['1.500.000'], ['-3,20'], ['0,05'], ['12.345.678,9']])(
    'round-trips %s through parse → format',
    (text) => {
      const parsed = parseIndonesianNumber(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const places = text.includes(',') ? (text.split(',')[1] ?? '').length : 0;
      expect(formatIndonesianNumber(parsed.value, places)).toBe(text);
    },
  );
});

describe('Indonesian dates', () => {
  it.each([
    ['2024-02-15', '15 Februari 2024'],
    ['2024-01-01', '1 Januari 2024'],
    ['2024-02-29', '29 Februari 2024'], // leap year
    ['2023-05-31', '31 Mei 2023'],
    ['2025-08-17', '17 Agustus 2025'],
    ['2024-12-31', '31 Desember 2024'],
  ])('%s ↔ %s', (iso, text) => {
    expect(formatIndonesianDate(iso)).toBe(text);
    expect(parseIndonesianDate(text)).toEqual({ ok: true, value: iso });
  });

  it('parses month names case-insensitively', () => {
    expect(parseIndonesianDate('5 maret 2024')).toEqual({ ok: true, value: '2024-03-05' });
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['2024-04-31'], ['15/02/2024'], ['2024-2-15']])(
    'formatIndonesianDate rejects %s',
    (iso) => {
      expect(() => formatIndonesianDate(iso)).toThrow(/Tanggal tidak valid \/ invalid date/);
    },
  );

  it.each([['30 Februari 2024'], ['15 February 2024'], ['15 Februari'], ['abc']])(
    'parseIndonesianDate rejects %s',
    (text) => {
      expect(parseIndonesianDate(text).ok).toBe(false);
    },
  );
});
