import { describe, expect, it } from 'vitest';
import { realizationWarnings, type Period } from '../../src/realizations';
import type { Indicator } from '../../src/plans/types';
import { koperasiSehat } from './fixtures';

type Ind = Pick<Indicator, 'satuan' | 'formula' | 'rollup'>;
const plain: Ind = { satuan: 'unit', formula: null, rollup: 'last' };
const hist = (...values: string[]) => values.map((value, i) => ({ year: 2020 + i, value }));
const codes = (args: {
  indicator?: Ind;
  history?: { year: number; value: string | null }[];
  value: string | null;
  quarters?: Partial<Record<Period, string | null>>;
}) =>
  realizationWarnings({
    indicator: args.indicator ?? plain,
    history: args.history ?? [],
    value: args.value,
    quarters: args.quarters ?? {},
  }).map((w) => w.code);

describe('realizationWarnings', () => {
  it.each<[string, Parameters<typeof codes>[0], string[]]>([
    [
      'a typo in the thousands (1000 vs ~100)',
      { history: hist('100', '110', '105', '95'), value: '1000' },
      ['outside_history'],
    ],
    ['a normal year', { history: hist('100', '110', '105', '95'), value: '108' }, []],
    [
      'beyond mean ± 3·s (mean 11, s 1 → 15)',
      { history: hist('10', '12', '11'), value: '15' },
      ['outside_history'],
    ],
    ['inside mean ± 3·s (13.9)', { history: hist('10', '12', '11'), value: '13.9' }, []],
    ['below mean − 3·s', { history: hist('10', '12', '11'), value: '7.9' }, ['outside_history']],
    [
      'a flat history has no spread: only the 3× max rule applies',
      { history: hist('5', '5', '5'), value: '6' },
      [],
    ],
    [
      'one previous year: > 3× the max',
      { history: hist('100'), value: '301' },
      ['outside_history'],
    ],
    ['one previous year: within 3× the max', { history: hist('100'), value: '300' }, []],
    ['no history', { value: '1000000' }, []],
    [
      'blank history values are ignored',
      { history: [{ year: 2021, value: null }, ...hist('100')], value: '50' },
      [],
    ],
    [
      '% ratio over 100',
      { indicator: { satuan: '%', formula: koperasiSehat, rollup: 'last' }, value: '101' },
      ['percent_over_100'],
    ],
    [
      '% ratio of exactly 100',
      { indicator: { satuan: '%', formula: koperasiSehat, rollup: 'last' }, value: '100' },
      [],
    ],
    [
      '"persen" counts as %',
      { indicator: { satuan: 'Persen', formula: koperasiSehat, rollup: 'last' }, value: '120' },
      ['percent_over_100'],
    ],
    [
      'a % growth rate may exceed 100',
      {
        indicator: {
          satuan: '%',
          formula: { kind: 'growth', initial: 'a', final: 'b' },
          rollup: 'last',
        },
        value: '150',
      },
      [],
    ],
    [
      'quarters that do not add up to the year (sum rule)',
      {
        indicator: { ...plain, rollup: 'sum' },
        value: '11',
        quarters: { TW1: '1', TW2: '2', TW3: '3', TW4: '4' },
      },
      ['quarters_do_not_add_up'],
    ],
    [
      'quarters that add up ("10.00" = 10)',
      {
        indicator: { ...plain, rollup: 'sum' },
        value: '10.00',
        quarters: { TW1: '1', TW2: '2', TW3: '3', TW4: '4' },
      },
      [],
    ],
    [
      'a missing quarter is not flagged',
      {
        indicator: { ...plain, rollup: 'sum' },
        value: '11',
        quarters: { TW1: '1', TW2: '2', TW3: '3' },
      },
      [],
    ],
    [
      'the last rule does not add quarters',
      {
        indicator: { ...plain, rollup: 'last' },
        value: '11',
        quarters: { TW1: '1', TW2: '2', TW3: '3', TW4: '4' },
      },
      [],
    ],
    ['no value, no warning', { history: hist('1', '2', '3'), value: null }, []],
  ])('%s', (_n, args, expected) => expect(codes(args)).toEqual(expected));

  it('gives both languages, Indonesian numbers in the Indonesian message', () => {
    const [w] = realizationWarnings({
      indicator: { ...plain, rollup: 'sum' },
      history: [],
      value: '1500.5',
      quarters: { TW1: '1', TW2: '2', TW3: '3', TW4: '4' },
    });
    expect(w?.messageId).toContain('1.500,50');
    expect(w?.messageEn).toContain('1500.5');
  });
});
