// Budget (pagu) per program / kegiatan / sub kegiatan through the planning-budgeting stages
// of one OPD and one fiscal year: Renja murni → RKA → DPA pengesahan → DPA pergeseran (0..n)
// → DPA perubahan. Each stage is recorded whole, as the document says, never patched.
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId } from '../opds/opd-id';
import {
  moneyText,
  requireIsoDate,
  requireMoney,
  requireText,
  requireYear,
  sameDecimal,
} from './checks';

export const BUDGET_STAGES = [
  'renja_murni',
  'rka',
  'dpa_pengesahan',
  'dpa_pergeseran',
  'dpa_perubahan',
] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];

/** Only pergeseran (budget shifts within the DPA) may happen several times a year. */
export const REPEATABLE_STAGES: readonly BudgetStage[] = ['dpa_pergeseran'];

export const FUNDING_SOURCES = [
  'APBD',
  'DAU',
  'DAK_FISIK',
  'DAK_NON_FISIK',
  'DBH',
  'BANKEU_PROVINSI',
  'APBN',
  'LAINNYA',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface BudgetLine {
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  /** Rupiah, canonical decimal text ("1250000000.50"). */
  amount: string;
  fundingSource: FundingSource;
}

/** Renstra/Renja codes in force, supplied by the application. */
export interface KnownBudgetCodes {
  programCodes: readonly string[];
  kegiatanCodes: readonly string[];
  subKegiatanCodes: readonly string[];
}

export type BudgetCommand = {
  type: 'RecordBudgetStage';
  opdId: string;
  year: number;
  stage: BudgetStage;
  documentRef: string;
  date: string;
  lines: BudgetLine[];
  known: KnownBudgetCodes;
};

export interface BudgetStageRecord {
  stage: BudgetStage;
  /** 1, 2, … for dpa_pergeseran; null for the other stages. */
  sequence: number | null;
  documentRef: string;
  date: string;
  lines: BudgetLine[];
}

export type BudgetEvent = {
  type: 'BudgetStageRecorded';
  data: { opdId: string; year: number } & BudgetStageRecord;
};

export interface BudgetState {
  opdId: string | null;
  year: number | null;
  /** In the order recorded, which is also stage order. */
  stages: BudgetStageRecord[];
}

export const budgetStreamId = (opdId: string, year: number): string => `budget-${opdId}-${year}`;

/**
 * A line is identified by its codes and funding source: one sub kegiatan may be paid partly from
 * DAU and partly from DAK, which are two lines, but not twice from DAU.
 */
export const budgetLineKey = (
  l: Pick<BudgetLine, 'programCode' | 'kegiatanCode' | 'subKegiatanCode' | 'fundingSource'>,
): string =>
  [l.programCode, l.kegiatanCode ?? '-', l.subKegiatanCode ?? '-', l.fundingSource].join('|');

const rank = (stage: BudgetStage): number => BUDGET_STAGES.indexOf(stage);

function checkLines(command: BudgetCommand): BudgetLine[] {
  if (!Array.isArray(command.lines) || command.lines.length === 0) {
    fail(
      'budget_no_lines',
      'Dokumen anggaran harus memuat paling sedikit satu baris',
      'A budget document needs at least one line',
      ['lines'],
    );
  }
  const known = {
    program: new Set(command.known.programCodes),
    kegiatan: new Set(command.known.kegiatanCodes),
    sub: new Set(command.known.subKegiatanCodes),
  };
  const seen = new Set<string>();
  return command.lines.map((line, i) => {
    const at = (field?: string): (string | number)[] =>
      field ? ['lines', i, field] : ['lines', i];
    const programCode = requireText(
      line.programCode,
      at('programCode'),
      'Kode program',
      'Program code',
    );
    const kegiatanCode =
      line.kegiatanCode === null
        ? null
        : requireText(line.kegiatanCode, at('kegiatanCode'), 'Kode kegiatan', 'Kegiatan code');
    const subKegiatanCode =
      line.subKegiatanCode === null
        ? null
        : requireText(
            line.subKegiatanCode,
            at('subKegiatanCode'),
            'Kode sub kegiatan',
            'Sub kegiatan code',
          );
    if (!known.program.has(programCode)) {
      fail(
        'budget_unknown_program',
        `Program ${programCode} tidak ada dalam Renstra/Renja`,
        `Program ${programCode} is not in the Renstra/Renja`,
        at('programCode'),
      );
    }
    if (kegiatanCode !== null && !known.kegiatan.has(kegiatanCode)) {
      fail(
        'budget_unknown_kegiatan',
        `Kegiatan ${kegiatanCode} tidak ada dalam Renstra/Renja`,
        `Kegiatan ${kegiatanCode} is not in the Renstra/Renja`,
        at('kegiatanCode'),
      );
    }
    if (subKegiatanCode !== null && kegiatanCode === null) {
      // A sub kegiatan always sits under a kegiatan; a line without it cannot be rolled up.
      fail(
        'budget_missing_kegiatan',
        `Sub kegiatan ${subKegiatanCode} harus disertai kode kegiatan`,
        `Sub kegiatan ${subKegiatanCode} needs its kegiatan code`,
        at('kegiatanCode'),
      );
    }
    if (subKegiatanCode !== null && !known.sub.has(subKegiatanCode)) {
      fail(
        'budget_unknown_sub_kegiatan',
        `Sub kegiatan ${subKegiatanCode} tidak ada dalam Renstra/Renja`,
        `Sub kegiatan ${subKegiatanCode} is not in the Renstra/Renja`,
        at('subKegiatanCode'),
      );
    }
    if (!(FUNDING_SOURCES as readonly string[]).includes(line.fundingSource)) {
      fail(
        'budget_invalid_funding_source',
        `Sumber dana "${String(line.fundingSource)}" tidak dikenal`,
        `Funding source "${String(line.fundingSource)}" is unknown`,
        at('fundingSource'),
      );
    }
    requireMoney(line.amount, at('amount'));
    const normalised: BudgetLine = {
      programCode,
      kegiatanCode,
      subKegiatanCode,
      amount: moneyText(line.amount),
      fundingSource: line.fundingSource,
    };
    const key = budgetLineKey(normalised);
    if (seen.has(key)) {
      fail(
        'budget_duplicate_line',
        `Baris ${i + 1} mengulang baris sebelumnya (${key})`,
        `Line ${i + 1} repeats an earlier line (${key})`,
        at(),
      );
    }
    seen.add(key);
    return normalised;
  });
}

/** Same document content: reference, date and lines (in any order, amounts compared as numbers). */
function sameRecord(
  a: Omit<BudgetStageRecord, 'sequence'>,
  b: Omit<BudgetStageRecord, 'sequence'>,
): boolean {
  if (
    a.stage !== b.stage ||
    a.documentRef !== b.documentRef ||
    a.date !== b.date ||
    a.lines.length !== b.lines.length
  )
    return false;
  const amounts = new Map(b.lines.map((l) => [budgetLineKey(l), l.amount]));
  return a.lines.every((l) => {
    const other = amounts.get(budgetLineKey(l));
    return other !== undefined && sameDecimal(l.amount, other);
  });
}

export const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  initialState: { opdId: null, year: null, stages: [] },

  decide(command, state) {
    if (!isOpdId(command.opdId))
      fail(
        'invalid_opd_id',
        `ID OPD "${command.opdId}" tidak valid`,
        `OPD id "${command.opdId}" is invalid`,
        ['opdId'],
      );
    const year = requireYear(command.year, ['year']);
    if (state.opdId !== null && state.opdId !== command.opdId) {
      fail(
        'stream_mismatch',
        `Anggaran ini milik ${state.opdId}`,
        `This budget belongs to ${state.opdId}`,
        ['opdId'],
      );
    }
    if (state.year !== null && state.year !== year)
      fail(
        'stream_mismatch',
        `Anggaran ini untuk tahun ${state.year}`,
        `This budget is for ${state.year}`,
        ['year'],
      );
    if (!(BUDGET_STAGES as readonly string[]).includes(command.stage)) {
      fail(
        'budget_invalid_stage',
        `Tahap anggaran "${String(command.stage)}" tidak dikenal`,
        `Budget stage "${String(command.stage)}" is unknown`,
        ['stage'],
      );
    }
    const documentRef = requireText(
      command.documentRef,
      ['documentRef'],
      'Nomor dokumen',
      'Document reference',
    );
    const date = requireIsoDate(command.date, ['date']);
    const lines = checkLines(command);
    const candidate = { stage: command.stage, documentRef, date, lines };

    // Re-importing a document already recorded changes nothing, whatever came after it.
    if (state.stages.some((s) => sameRecord(s, candidate))) return [];

    const repeatable = REPEATABLE_STAGES.includes(command.stage);
    const same = state.stages.filter((s) => s.stage === command.stage);
    if (!repeatable && same.length > 0) {
      fail(
        'budget_stage_already_recorded',
        `Tahap ${command.stage} sudah dicatat dengan isi berbeda; gunakan pergeseran atau perubahan`,
        `Stage ${command.stage} is already recorded with different content; record a pergeseran or perubahan`,
        ['stage'],
      );
    }
    if (repeatable && same.some((s) => s.documentRef === documentRef)) {
      fail(
        'budget_document_conflict',
        `Dokumen ${documentRef} sudah dicatat dengan isi berbeda`,
        `Document ${documentRef} is already recorded with different content`,
        ['documentRef'],
      );
    }
    const latest = state.stages.at(-1);
    if (latest && rank(command.stage) < rank(latest.stage)) {
      fail(
        'budget_stage_backwards',
        `Tahap ${command.stage} tidak dapat dicatat setelah ${latest.stage}`,
        `Stage ${command.stage} cannot be recorded after ${latest.stage}`,
        ['stage'],
      );
    }
    const sequence = repeatable ? same.length + 1 : null;
    return [
      { type: 'BudgetStageRecorded', data: { opdId: command.opdId, year, ...candidate, sequence } },
    ];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'BudgetStageRecorded': {
        const { opdId, year, ...record } = event.data;
        return { opdId, year, stages: [...state.stages, record] };
      }
    }
  },
};
