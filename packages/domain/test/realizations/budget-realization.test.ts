import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  budgetSpendingStreamId,
  spendingDecider,
  spentFor,
  type SpendingCommand,
  type SpendingEvent,
  type SpendingLine,
} from '../../src/realizations';
import { spec } from '../spec';
import { opdId } from './fixtures';

const given = spec(spendingDecider);
const line = (
  programCode: string,
  kegiatanCode: string | null,
  subKegiatanCode: string | null,
  amount: string,
): SpendingLine => ({ programCode, kegiatanCode, subKegiatanCode, amount });
const cmd = (
  period: SpendingCommand['period'],
  lines: SpendingLine[],
  extra: Partial<SpendingCommand> = {},
): SpendingCommand => ({
  type: 'RecordSpending',
  opdId,
  year: 2024,
  period,
  lines,
  actor: 'user-operator',
  ...extra,
});
const recorded = (
  period: SpendingEvent['data']['period'],
  lines: SpendingLine[],
): SpendingEvent => ({
  type: 'SpendingRecorded',
  data: { opdId, year: 2024, period, lines, actor: 'user-operator' },
});

const tw1 = [
  line('2.17.02', '2.17.02.2.01', null, '150000000'),
  line('2.17.03', null, null, '25000000.50'),
];
const tw2 = [
  line('2.17.02', '2.17.02.2.01', null, '200000000'),
  line('2.17.02', '2.17.02.2.02', null, '50000000'),
];

describe('budget spending (per-period amounts)', () => {
  it('names the stream per OPD and year', () =>
    expect(budgetSpendingStreamId(opdId, 2024)).toBe('spend-18.04-DISKOPERINDAG-2024'));
  it('records a quarter', () =>
    given([])
      .when(cmd('TW1', tw1))
      .then([recorded('TW1', tw1)]));
  it('the same lines again (other order, "30" = "30.00") change nothing', () =>
    given([recorded('TW1', tw1)])
      .when(cmd('TW1', [tw1[1]!, { ...tw1[0]!, amount: '150000000.00' }]))
      .then([]));
  it('re-recording a quarter replaces its lines', () => {
    const fixed = [line('2.17.02', '2.17.02.2.01', null, '140000000')];
    given([recorded('TW1', tw1)])
      .when(cmd('TW1', fixed))
      .then([recorded('TW1', fixed)]);
  });
  it('year-to-date spending is the sum of the periods', () => {
    const s = fold(spendingDecider, [recorded('TW1', tw1), recorded('TW2', tw2)]);
    expect(spentFor(s, { programCode: '2.17.02' })).toBe('400000000');
    expect(spentFor(s, { programCode: '2.17.02', kegiatanCode: '2.17.02.2.01' })).toBe('350000000');
    expect(spentFor(s, { programCode: '2.17.03' })).toBe('25000000.5');
    expect(spentFor(s, { programCode: '9.99' })).toBe('0');
  });
  it.each<[string, SpendingLine[], string, (string | number)[]]>([
    [
      'a negative amount',
      [line('2.17.02', null, null, '-1')],
      'negative_amount',
      ['lines', 0, 'amount'],
    ],
    [
      'Indonesian grouping',
      [line('2.17.02', null, null, '1.500.000')],
      'invalid_amount',
      ['lines', 0, 'amount'],
    ],
    [
      'more than 2 decimals',
      [line('2.17.02', null, null, '1.505')],
      'amount_precision',
      ['lines', 0, 'amount'],
    ],
    ['no program code', [line(' ', null, null, '1')], 'required', ['lines', 0, 'programCode']],
    [
      'a sub kegiatan without its kegiatan',
      [line('2.17.02', null, '2.17.02.2.01.0001', '1')],
      'spending_sub_without_kegiatan',
      ['lines', 0, 'kegiatanCode'],
    ],
    [
      'a duplicate line',
      [line('2.17.02', null, null, '1'), line('2.17.02', null, null, '2')],
      'spending_duplicate_line',
      ['lines', 1],
    ],
    [
      'a program line next to its kegiatan lines',
      [line('2.17.02', null, null, '1'), line('2.17.02', '2.17.02.2.01', null, '2')],
      'spending_mixed_levels',
      ['lines', 0],
    ],
    [
      'a kegiatan line next to its sub kegiatan lines',
      [
        line('2.17.02', '2.17.02.2.01', '2.17.02.2.01.0001', '1'),
        line('2.17.02', '2.17.02.2.01', null, '2'),
      ],
      'spending_mixed_levels',
      ['lines', 1],
    ],
  ])('refuses %s', (_n, lines, code, path) =>
    given([]).when(cmd('TW1', lines)).thenFails(code, path),
  );
  it('refuses codes not in force when they are supplied', () =>
    given([])
      .when(
        cmd('TW1', tw1, {
          known: {
            programCodes: ['2.17.02'],
            kegiatanCodes: ['2.17.02.2.01'],
            subKegiatanCodes: [],
          },
        }),
      )
      .thenFails('spending_unknown_code', ['lines', 1, 'programCode']));
  it('refuses mixing a yearly total with quarters', () => {
    given([recorded('TW1', tw1)])
      .when(cmd('YEAR', tw1))
      .thenFails('spending_mixed_periods', ['period']);
    given([recorded('YEAR', tw1)])
      .when(cmd('TW2', tw2))
      .thenFails('spending_mixed_periods', ['period']);
  });
  it('refuses bad header fields and another stream', () => {
    given([])
      .when(cmd('TW5' as 'TW1', tw1))
      .thenFails('invalid_period', ['period']);
    given([])
      .when(cmd('TW1', tw1, { opdId: 'DINAS' }))
      .thenFails('invalid_opd_id', ['opdId']);
    given([recorded('TW1', tw1)])
      .when(cmd('TW2', tw2, { year: 2025 }))
      .thenFails('spending_wrong_stream', ['opdId']);
  });
});
