import { describe, expect, it } from 'vitest';
import { Dec, toDecimalString, toFixedString, tryDecimal } from '../../src/measurement';

describe('decimal', () => {
  it.each([
    // [expression, expected exact string]
    ['0.1 + 0.2', () => new Dec('0.1').plus('0.2'), '0.3'],
    ['0.3 / 0.1', () => new Dec('0.3').div('0.1'), '3'],
    ['1.1 × 3', () => new Dec('1.1').times(3), '3.3'],
    ['number input 0.1 + 0.2', () => new Dec(0.1).plus(0.2), '0.3'],
  ])('%s is exact', (_label, f, expected) => {
    expect(toDecimalString(f())).toBe(expected);
  });

  it.each([
    ['116.6666666666666666666666666666666666667', 2, '116.67'],
    ['33.335', 2, '33.34'], // half-up, not banker's
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['-0.001', 2, '0.00'], // no "-0.00"
    ['1200', 2, '1200.00'],
  ])('toFixedString(%s, %i) = %s', (v, places, expected) => {
    expect(toFixedString(v, places)).toBe(expected);
  });

  it.each([['abc'], ['1e5'], ['1.200,5'], [''], [Number.NaN], [Number.POSITIVE_INFINITY], [{}]])(
    'tryDecimal rejects %s',
    (v) => {
      expect(tryDecimal(v)).toBeNull();
    },
  );

  it('keeps 40 significant digits', () => {
    expect(toDecimalString(new Dec(1).div(3))).toBe('0.' + '3'.repeat(40));
  });
});
