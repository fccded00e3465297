import { describe, expect, it } from 'vitest';
import {
  computeCapaian,
  displayCapaian,
  type CapaianInput,
  type CapaianSettings,
} from '../../src/measurement';

describe('computeCapaian: computable', () => {
  it.each<[string, CapaianInput, Partial<CapaianSettings>, string, string]>([
    // [label, input, settings, exact, display (2 places)]
    [
      'higher: 80 / 100',
      { polarity: 'higher_better', target: '100', realization: '80' },
      {},
      '80',
      '80.00',
    ],
    [
      'higher: over-achievement not capped',
      { polarity: 'higher_better', target: '100', realization: '120' },
      {},
      '120',
      '120.00',
    ],
    [
      'higher: 0.3 / 0.1 exactly',
      { polarity: 'higher_better', target: '0.1', realization: '0.3' },
      {},
      '300',
      '300.00',
    ],
    [
      'higher: 25 / 75',
      { polarity: 'higher_better', target: '75', realization: '25' },
      {},
      '33.33333333333333333333333333333333333333',
      '33.33',
    ],
    [
      'higher: R = 0 is a real 0%',
      { polarity: 'higher_better', target: '10', realization: '0' },
      {},
      '0',
      '0.00',
    ],
    // (2·3 − 2,5) / 3 × 100 = 3,5 / 3 × 100 = 116,666…
    [
      'lower: T=3 R=2.5',
      { polarity: 'lower_better', target: '3', realization: '2.5' },
      {},
      '116.6666666666666666666666666666666666667',
      '116.67',
    ],
    // (6 − 7) / 3 × 100 = −33,3 → floored at 0
    [
      'lower: T=3 R=7 floored',
      { polarity: 'lower_better', target: '3', realization: '7' },
      {},
      '0',
      '0.00',
    ],
    [
      'lower: R = T',
      { polarity: 'lower_better', target: '3', realization: '3' },
      {},
      '100',
      '100.00',
    ],
    ['lower: R = 2T', { polarity: 'lower_better', target: '3', realization: '6' }, {}, '0', '0.00'],
    [
      'lower: R = 0',
      { polarity: 'lower_better', target: '3', realization: '0' },
      {},
      '200',
      '200.00',
    ],
    // inverse ratio: T / R × 100 = 3 / 2,5 × 100 = 120
    [
      'lower inverse: T=3 R=2.5',
      { polarity: 'lower_better', target: '3', realization: '2.5' },
      { lowerIsBetterMethod: 'inverse_ratio' },
      '120',
      '120.00',
    ],
    // 3 / 7 × 100 = 42,857…
    [
      'lower inverse: T=3 R=7',
      { polarity: 'lower_better', target: '3', realization: '7' },
      { lowerIsBetterMethod: 'inverse_ratio' },
      '42.85714285714285714285714285714285714286',
      '42.86',
    ],
    [
      'range: inside',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '3.1' },
      {},
      '100',
      '100.00',
    ],
    [
      'range: at min',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '2' },
      {},
      '100',
      '100.00',
    ],
    [
      'range: at max',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '4' },
      {},
      '100',
      '100.00',
    ],
    // below: 1,5 / 2 × 100 = 75
    [
      'range: below min',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '1.5' },
      {},
      '75',
      '75.00',
    ],
    // above: (2·4 − 5) / 4 × 100 = 75
    [
      'range: above max',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '5' },
      {},
      '75',
      '75.00',
    ],
    [
      'range: far above max floored',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: '9' },
      {},
      '0',
      '0.00',
    ],
    [
      'range: point target',
      { polarity: 'range', target: { min: '3', max: '3' }, realization: '3' },
      {},
      '100',
      '100.00',
    ],
    [
      'numbers as input',
      { polarity: 'higher_better', target: 3, realization: 2.5 },
      {},
      '83.33333333333333333333333333333333333333',
      '83.33',
    ],
  ])('%s', (_label, input, settings, exact, display) => {
    const r = computeCapaian(input, settings);
    expect(r).toEqual({ computable: true, value: exact });
    if (r.computable) expect(displayCapaian(r.value)).toBe(display);
  });
});

describe('computeCapaian: not computable (never 0)', () => {
  it.each<[string, CapaianInput, Partial<CapaianSettings>, string]>([
    [
      'T = 0 higher',
      { polarity: 'higher_better', target: '0', realization: '5' },
      {},
      'target_zero',
    ],
    ['T = 0 lower', { polarity: 'lower_better', target: 0, realization: '5' }, {}, 'target_zero'],
    [
      'T = 0 lower inverse',
      { polarity: 'lower_better', target: '0', realization: '5' },
      { lowerIsBetterMethod: 'inverse_ratio' },
      'target_zero',
    ],
    [
      'R missing',
      { polarity: 'higher_better', target: '100', realization: null },
      {},
      'no_realization',
    ],
    [
      'R undefined',
      { polarity: 'lower_better', target: '3', realization: undefined },
      {},
      'no_realization',
    ],
    [
      'R blank',
      { polarity: 'higher_better', target: '100', realization: '' },
      {},
      'no_realization',
    ],
    ['T missing', { polarity: 'higher_better', target: null, realization: '5' }, {}, 'no_target'],
    [
      'both missing → target first',
      { polarity: 'higher_better', target: null, realization: null },
      {},
      'no_target',
    ],
    [
      'T garbage',
      { polarity: 'higher_better', target: 'abc', realization: '5' },
      {},
      'invalid_target',
    ],
    [
      'R garbage',
      { polarity: 'higher_better', target: '5', realization: '1.200,5' },
      {},
      'invalid_realization',
    ],
    [
      'inverse with R = 0',
      { polarity: 'lower_better', target: '3', realization: '0' },
      { lowerIsBetterMethod: 'inverse_ratio' },
      'realization_zero',
    ],
    ['range missing', { polarity: 'range', target: null, realization: '3' }, {}, 'no_target'],
    [
      'range max missing',
      { polarity: 'range', target: { min: '2', max: null }, realization: '3' },
      {},
      'no_target',
    ],
    [
      'range min > max',
      { polarity: 'range', target: { min: '5', max: '4' }, realization: '3' },
      {},
      'invalid_target',
    ],
    [
      'range R missing',
      { polarity: 'range', target: { min: '2', max: '4' }, realization: null },
      {},
      'no_realization',
    ],
    [
      'range max 0, R above',
      { polarity: 'range', target: { min: '-1', max: '0' }, realization: '3' },
      {},
      'target_zero',
    ],
    [
      'range min 0, R below',
      { polarity: 'range', target: { min: '0', max: '1' }, realization: '-3' },
      {},
      'target_zero',
    ],
  ])('%s → %s', (_label, input, settings, reason) => {
    const r = computeCapaian(input, settings);
    expect(r.computable).toBe(false);
    if (!r.computable) {
      expect(r.reason).toBe(reason);
      expect(r.message).toContain(' / ');
    }
  });
});
