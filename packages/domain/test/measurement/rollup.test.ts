import { describe, expect, it } from 'vitest';
import {
  rollupQuarters,
  type Quarter,
  type QuarterValues,
  type RollupOptions,
  type RollupRule,
} from '../../src/measurement';

describe('rollupQuarters', () => {
  it.each<[string, QuarterValues, RollupRule, RollupOptions, string, Quarter[], Quarter[]]>([
    // [label, values, rule, options, value, quartersUsed, missingQuarters]
    ['sum complete', { 1: '3', 2: '4', 3: '5', 4: '6' }, 'sum', {}, '18', [1, 2, 3, 4], []],
    ['sum 0.1 + 0.2', { 1: '0.1', 2: '0.2', 3: '0', 4: '0' }, 'sum', {}, '0.3', [1, 2, 3, 4], []],
    [
      'sum with Q3 missing (not treated as 0, reported)',
      { 1: '3', 2: '4', 4: '6' },
      'sum',
      {},
      '13',
      [1, 2, 4],
      [3],
    ],
    [
      'last complete',
      { 1: '20', 2: '25', 3: '30', 4: '33.33' },
      'last',
      {},
      '33.33',
      [1, 2, 3, 4],
      [],
    ],
    [
      'last: Q4 missing → Q3 value',
      { 1: '20', 2: '25', 3: '30', 4: null },
      'last',
      {},
      '30',
      [1, 2, 3],
      [4],
    ],
    [
      'last: 0 is a value',
      { 1: '20', 2: '25', 3: '30', 4: '0' },
      'last',
      {},
      '0',
      [1, 2, 3, 4],
      [],
    ],
    [
      'average complete',
      { 1: '70', 2: '80', 3: '90', 4: '100' },
      'average',
      {},
      '85',
      [1, 2, 3, 4],
      [],
    ],
    ['average of present only', { 1: '70', 3: '90' }, 'average', {}, '80', [1, 3], [2, 4]],
    [
      'average exact',
      { 1: '1', 2: '1', 3: '2' },
      'average',
      { throughQuarter: 3 },
      '1.333333333333333333333333333333333333333',
      [1, 2, 3],
      [],
    ],
    ['mid-year (through TW II)', { 1: '3', 2: '4' }, 'sum', { throughQuarter: 2 }, '7', [1, 2], []],
    ['numbers accepted', { 1: 1, 2: 2, 3: 3, 4: 4 }, 'sum', {}, '10', [1, 2, 3, 4], []],
  ])('%s', (_label, values, rule, options, value, quartersUsed, missingQuarters) => {
    expect(rollupQuarters(values, rule, options)).toEqual({
      ok: true,
      value,
      rule,
      quartersUsed,
      missingQuarters,
      complete: missingQuarters.length === 0,
    });
  });

  it.each<[string, QuarterValues, RollupRule, RollupOptions, string, string | undefined]>([
    ['no values', {}, 'sum', {}, 'insufficient_data', undefined],
    ['all blank', { 1: '', 2: null }, 'last', {}, 'insufficient_data', undefined],
    [
      'require all, TW III missing',
      { 1: '3', 2: '4', 4: '6' },
      'sum',
      { requireAllQuarters: true },
      'insufficient_data',
      'TW III',
    ],
    ['garbage in TW II', { 1: '3', 2: 'abc' }, 'sum', {}, 'invalid_input', 'TW II'],
  ])('%s → %s', (_label, values, rule, options, code, input) => {
    const r = rollupQuarters(values, rule, options);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.input).toBe(input);
      expect(r.error.message).toContain(' / ');
    }
  });
});
