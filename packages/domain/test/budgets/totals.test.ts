import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  budgetDecider,
  budgetStageTotals,
  type BudgetEvent,
  type BudgetLine,
  type BudgetStageTotal,
} from '../../src/budgets';

const opdId = '18.04-DISKOPERINDAG';
const line = (
  programCode: string,
  amount: string,
  fundingSource: BudgetLine['fundingSource'] = 'DAU',
  sub: string | null = null,
): BudgetLine => ({
  programCode,
  kegiatanCode: sub ? 'KEG-1.1' : null,
  subKegiatanCode: sub,
  amount,
  fundingSource,
});
const ev = (
  stage: BudgetEvent['data']['stage'],
  lines: BudgetLine[],
  sequence: number | null = null,
): BudgetEvent => ({
  type: 'BudgetStageRecorded',
  data: {
    opdId,
    year: 2024,
    stage,
    sequence,
    documentRef: `${stage}-${sequence ?? 0}`,
    date: '2024-01-02',
    lines,
  },
});

describe('budgetStageTotals', () => {
  it.each<[string, BudgetLine[], string, Record<string, string>]>([
    [
      '0.1 + 0.2 rupiah is exactly 0.3',
      [line('PRG-1', '0.1'), line('PRG-1', '0.2', 'DAK_FISIK')],
      '0.3',
      { 'PRG-1': '0.3' },
    ],
    [
      'sen add up across programs',
      [line('PRG-1', '1250000000.50'), line('PRG-2', '0.50')],
      '1250000001',
      { 'PRG-1': '1250000000.5', 'PRG-2': '0.5' },
    ],
    [
      'beyond float precision',
      [line('PRG-1', '9007199254740993'), line('PRG-1', '0.01', 'APBN')],
      '9007199254740993.01',
      { 'PRG-1': '9007199254740993.01' },
    ],
    [
      'zero lines count',
      [line('PRG-1', '0'), line('PRG-2', '0.00')],
      '0',
      { 'PRG-1': '0', 'PRG-2': '0' },
    ],
    [
      'program total sums its sub kegiatan lines',
      [
        line('PRG-1', '100', 'DAU', 'SUB-1.1.1'),
        line('PRG-1', '200', 'DAU', 'SUB-1.1.2'),
        line('PRG-2', '5'),
      ],
      '305',
      { 'PRG-1': '300', 'PRG-2': '5' },
    ],
  ])('%s', (_name, lines, total, byProgram) => {
    const [t] = budgetStageTotals(fold(budgetDecider, [ev('rka', lines)]));
    expect(t?.total).toBe(total);
    expect(t?.byProgram).toEqual(byProgram);
  });

  it('gives one entry per recorded stage, each pergeseran separately', () => {
    const state = fold(budgetDecider, [
      ev('dpa_pengesahan', [line('PRG-1', '1000'), line('PRG-2', '500')]),
      ev('dpa_pergeseran', [line('PRG-1', '900'), line('PRG-2', '600')], 1),
      ev('dpa_pergeseran', [line('PRG-1', '800.25'), line('PRG-2', '700')], 2),
    ]);
    expect(budgetStageTotals(state)).toEqual<BudgetStageTotal[]>([
      {
        stage: 'dpa_pengesahan',
        sequence: null,
        documentRef: 'dpa_pengesahan-0',
        total: '1500',
        byProgram: { 'PRG-1': '1000', 'PRG-2': '500' },
      },
      {
        stage: 'dpa_pergeseran',
        sequence: 1,
        documentRef: 'dpa_pergeseran-1',
        total: '1500',
        byProgram: { 'PRG-1': '900', 'PRG-2': '600' },
      },
      {
        stage: 'dpa_pergeseran',
        sequence: 2,
        documentRef: 'dpa_pergeseran-2',
        total: '1500.25',
        byProgram: { 'PRG-1': '800.25', 'PRG-2': '700' },
      },
    ]);
  });

  it('is empty before any stage', () =>
    expect(budgetStageTotals(budgetDecider.initialState)).toEqual([]));
});
