import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  indicatorPrecision,
  parseIndonesianNumber,
  roundForDisplay,
} from '../../src/measurement';

describe('formatDecimal shows a stored value with every digit', () => {
  it.each([
    ['825.273', '825,273', '825.273'],
    ['0.5', '0,5', '0.5'],
    ['1200.87', '1.200,87', '1,200.87'],
    ['1500000', '1.500.000', '1,500,000'],
    ['-3.2', '-3,2', '-3.2'],
    ['32', '32', '32'],
    ['0.000125', '0,000125', '0.000125'],
  ])('%s → %s (id) / %s (en)', (value, id, en) => {
    expect(formatDecimal(value)).toBe(id);
    expect(formatDecimal(value, { style: 'en' })).toBe(en);
  });

  it('rounds half-up only a value longer than the places asked for, never pads', () => {
    expect(formatDecimal('33.33333333333333333333333333333333333333', { maxPlaces: 2 })).toBe(
      '33,33',
    );
    expect(formatDecimal('116.6666666', { maxPlaces: 2 })).toBe('116,67');
    expect(formatDecimal('825.273', { maxPlaces: 3 })).toBe('825,273');
    expect(formatDecimal('32', { maxPlaces: 2 })).toBe('32');
    expect(formatDecimal('2.999', { maxPlaces: 2 })).toBe('3');
    expect(formatDecimal('-0.001', { maxPlaces: 2 })).toBe('0');
  });

  it('gives null for what is not a decimal', () => {
    expect(formatDecimal('abc')).toBeNull();
    expect(roundForDisplay('1,5', 2)).toBeNull();
  });

  it('what it shows reads back as the same value (property)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat({ max: 8 }))
      .map(([neg, digits, scale]) => {
        const s = digits.toString().padStart(scale + 1, '0');
        const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
        return (neg ? '-' : '') + text;
      });
    fc.assert(
      fc.property(decimal, (v) => {
        const shown = formatDecimal(v);
        const back = parseIndonesianNumber(shown ?? '');
        expect(back.ok && back.value).toBe(roundForDisplay(v, null));
      }),
    );
  });
});

describe('indicatorPrecision', () => {
  it.each([
    [['825.273', '800'], 3],
    [['30', '32.5'], 2],
    [[null, '12'], 2],
    [['0.000125'], 6],
    // A division result does not widen the precision: it is rounded to the written values'.
    [['75', '33.33333333333333333333333333333333333333'], 2],
    [['825.273', '916.9700000001'], 3],
  ] as const)('%j → %i decimals', (values, places) => {
    expect(indicatorPrecision(values)).toBe(places);
  });
});
