import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  budgetDecider,
  budgetStreamId,
  latestBudget,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLine,
  type BudgetStage,
} from '../../src/budgets';
import { spec } from '../spec';

const given = spec(budgetDecider);
const opdId = '18.04-DISKOPERINDAG';
const known = {
  programCodes: ['PRG-1', 'PRG-2'],
  kegiatanCodes: ['KEG-1.1', 'KEG-2.1'],
  subKegiatanCodes: ['SUB-1.1.1', 'SUB-1.1.2'],
};
const lines: BudgetLine[] = [
  {
    programCode: 'PRG-1',
    kegiatanCode: 'KEG-1.1',
    subKegiatanCode: 'SUB-1.1.1',
    amount: '750000000',
    fundingSource: 'DAU',
  },
  {
    programCode: 'PRG-1',
    kegiatanCode: 'KEG-1.1',
    subKegiatanCode: 'SUB-1.1.1',
    amount: '250000000.50',
    fundingSource: 'DAK_NON_FISIK',
  },
  {
    programCode: 'PRG-2',
    kegiatanCode: null,
    subKegiatanCode: null,
    amount: '300000000',
    fundingSource: 'APBD',
  },
];
const record = (
  stage: BudgetStage,
  documentRef: string,
  extra: Partial<BudgetCommand> = {},
): BudgetCommand => ({
  type: 'RecordBudgetStage',
  opdId,
  year: 2024,
  stage,
  documentRef,
  date: '2024-01-02',
  lines,
  known,
  ...extra,
});
const recorded = (
  stage: BudgetStage,
  documentRef: string,
  sequence: number | null = null,
  extra: Partial<BudgetEvent['data']> = {},
): BudgetEvent => ({
  type: 'BudgetStageRecorded',
  data: { opdId, year: 2024, stage, documentRef, date: '2024-01-02', lines, sequence, ...extra },
});
const renja = recorded('renja_murni', 'Renja 2024');
const rka = recorded('rka', 'RKA 2024');
const dpa = recorded('dpa_pengesahan', 'DPA No. 1.01/2024');
const shiftLines: BudgetLine[] = [
  { ...lines[0]!, amount: '700000000' },
  lines[1]!,
  { ...lines[2]!, amount: '350000000' },
];
const shift1 = recorded('dpa_pergeseran', 'DPA Pergeseran I/2024', 1, { lines: shiftLines });

describe('budget decider', () => {
  it('names the stream per OPD and year', () =>
    expect(budgetStreamId(opdId, 2024)).toBe('budget-18.04-DISKOPERINDAG-2024'));

  it('records the stages in order', () => {
    given([]).when(record('renja_murni', 'Renja 2024')).then([renja]);
    given([renja]).when(record('rka', 'RKA 2024')).then([rka]);
    given([renja, rka]).when(record('dpa_pengesahan', 'DPA No. 1.01/2024')).then([dpa]);
  });

  it('may skip stages (an import may start at the DPA)', () =>
    given([]).when(record('dpa_pengesahan', 'DPA No. 1.01/2024')).then([dpa]));

  it('numbers each pergeseran', () => {
    given([renja, rka, dpa])
      .when(record('dpa_pergeseran', 'DPA Pergeseran I/2024', { lines: shiftLines }))
      .then([shift1]);
    given([renja, rka, dpa, shift1])
      .when(record('dpa_pergeseran', 'DPA Pergeseran II/2024'))
      .then([recorded('dpa_pergeseran', 'DPA Pergeseran II/2024', 2)]);
    given([dpa, shift1])
      .when(record('dpa_perubahan', 'DPPA No. 1.01/2024'))
      .then([recorded('dpa_perubahan', 'DPPA No. 1.01/2024')]);
  });

  it('re-recording an identical document changes nothing, even after later stages (lines in any order, "0.50" = "0.5")', () => {
    given([renja]).when(record('renja_murni', 'Renja 2024')).then([]);
    given([renja, rka, dpa, shift1])
      .when(
        record('renja_murni', 'Renja 2024', {
          lines: [lines[2]!, lines[0]!, { ...lines[1]!, amount: '250000000.5' }],
        }),
      )
      .then([]);
    given([renja, rka, dpa, shift1])
      .when(record('dpa_pergeseran', 'DPA Pergeseran I/2024', { lines: shiftLines }))
      .then([]);
  });

  it('refuses going backwards', () => {
    given([renja, rka])
      .when(record('renja_murni', 'Renja 2024 (revisi)'))
      .thenFails('budget_stage_already_recorded', ['stage']);
    given([dpa]).when(record('rka', 'RKA 2024')).thenFails('budget_stage_backwards', ['stage']);
    given([dpa, shift1])
      .when(record('dpa_pengesahan', 'DPA No. 1.01/2024', { date: '2024-01-03' }))
      .thenFails('budget_stage_already_recorded', ['stage']);
    given([dpa, recorded('dpa_perubahan', 'DPPA')])
      .when(record('dpa_pergeseran', 'DPA Pergeseran III/2024'))
      .thenFails('budget_stage_backwards', ['stage']);
  });

  it('refuses recording a non-repeatable stage twice with different content', () => {
    given([renja, rka, dpa])
      .when(record('dpa_pengesahan', 'DPA No. 1.01/2024', { lines: shiftLines }))
      .thenFails('budget_stage_already_recorded', ['stage']);
    given([renja])
      .when(record('renja_murni', 'Renja 2024', { date: '2024-02-01' }))
      .thenFails('budget_stage_already_recorded', ['stage']);
  });

  it('refuses the same pergeseran document with different content', () =>
    given([dpa, shift1])
      .when(record('dpa_pergeseran', 'DPA Pergeseran I/2024'))
      .thenFails('budget_document_conflict', ['documentRef']));

  it('refuses unknown program, kegiatan and sub kegiatan codes', () => {
    const one = (l: Partial<BudgetLine>) =>
      record('rka', 'RKA 2024', { lines: [lines[2]!, { ...lines[0]!, ...l }] });
    given([])
      .when(one({ programCode: 'PRG-9' }))
      .thenFails('budget_unknown_program', ['lines', 1, 'programCode']);
    given([])
      .when(one({ kegiatanCode: 'KEG-9' }))
      .thenFails('budget_unknown_kegiatan', ['lines', 1, 'kegiatanCode']);
    given([])
      .when(one({ subKegiatanCode: 'SUB-9' }))
      .thenFails('budget_unknown_sub_kegiatan', ['lines', 1, 'subKegiatanCode']);
    given([])
      .when(one({ kegiatanCode: null }))
      .thenFails('budget_missing_kegiatan', ['lines', 1, 'kegiatanCode']);
  });

  it('refuses duplicate line keys, naming the line', () =>
    given([])
      .when(record('rka', 'RKA 2024', { lines: [...lines, { ...lines[0]!, amount: '1' }] }))
      .thenFails('budget_duplicate_line', ['lines', 3]));

  it('refuses invalid amounts and funding sources', () => {
    const amount = (a: string) =>
      record('rka', 'RKA 2024', { lines: [{ ...lines[0]!, amount: a }] });
    given([]).when(amount('-1')).thenFails('negative_amount', ['lines', 0, 'amount']);
    given([]).when(amount('0.001')).thenFails('amount_precision', ['lines', 0, 'amount']);
    given([]).when(amount('Rp 1.000')).thenFails('invalid_amount', ['lines', 0, 'amount']);
    given([]).when(amount('1e9')).thenFails('invalid_amount', ['lines', 0, 'amount']);
    given([])
      .when(
        record('rka', 'RKA 2024', {
          lines: [{ ...lines[0]!, fundingSource: 'PAD' as BudgetLine['fundingSource'] }],
        }),
      )
      .thenFails('budget_invalid_funding_source', ['lines', 0, 'fundingSource']);
  });

  it('refuses bad header fields and a command for another stream', () => {
    given([])
      .when(record('rka', 'RKA 2024', { lines: [] }))
      .thenFails('budget_no_lines', ['lines']);
    given([]).when(record('rka', ' ')).thenFails('required', ['documentRef']);
    given([])
      .when(record('rka', 'RKA', { date: '2024-13-01' }))
      .thenFails('invalid_date', ['date']);
    given([])
      .when(record('rka', 'RKA', { opdId: 'diskoperindag' }))
      .thenFails('invalid_opd_id', ['opdId']);
    given([])
      .when(record('rka', 'RKA', { year: 24 }))
      .thenFails('invalid_year', ['year']);
    given([])
      .when(record('pagu' as BudgetStage, 'RKA'))
      .thenFails('budget_invalid_stage', ['stage']);
    given([renja])
      .when(record('rka', 'RKA', { year: 2025 }))
      .thenFails('stream_mismatch', ['year']);
    given([renja])
      .when(record('rka', 'RKA', { opdId: '18.04-DISDIK' }))
      .thenFails('stream_mismatch', ['opdId']);
  });

  it('latestBudget is the pagu in force', () => {
    expect(latestBudget(budgetDecider.initialState)).toBeNull();
    const latest = latestBudget(fold(budgetDecider, [renja, rka, dpa, shift1]));
    expect(latest?.stage).toBe('dpa_pergeseran');
    expect(latest?.sequence).toBe(1);
    expect(latest?.lines).toEqual(shiftLines);
  });
});
