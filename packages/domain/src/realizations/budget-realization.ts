// Realisasi anggaran (spending) of one OPD and fiscal year, per program / kegiatan / sub
// kegiatan and period.
//
// Amounts are PER PERIOD, not cumulative: TW2 holds what was spent in April–June only, so the
// year-to-date figure is a plain sum and a late correction of TW1 does not ripple into TW2..4.
// A pemda that only has the yearly figure records it under 'YEAR'; a year is recorded either
// by quarters or as 'YEAR', never both (that would count the money twice).
// Each period is recorded whole (all its lines) and replaces the previous lines of that period.
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId } from '../opds/opd-id';
import { Dec, sumDecimals, toDecimalString } from '../measurement';
import { moneyText, requireMoney, requireText, requireYear } from '../budgets/checks';
import type { KnownBudgetCodes } from '../budgets/budget.decider';
import { isPeriod, periodName, PERIODS, QUARTER_PERIODS, type Period } from './periods';

export interface SpendingLine {
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  /** Rupiah spent in this period, canonical decimal text, ≥ 0, at most 2 decimals. */
  amount: string;
}

export type SpendingCommand = {
  type: 'RecordSpending';
  opdId: string;
  year: number;
  period: Period;
  lines: SpendingLine[];
  actor: string;
  /** Codes in force (optional): when given, unknown codes are refused. */
  known?: KnownBudgetCodes;
};

export type SpendingEvent = {
  type: 'SpendingRecorded';
  data: { opdId: string; year: number; period: Period; lines: SpendingLine[]; actor: string };
};

export interface SpendingState {
  opdId: string | null;
  year: number | null;
  periods: Partial<Record<Period, SpendingLine[]>>;
}

export const budgetSpendingStreamId = (opdId: string, year: number): string =>
  `spend-${opdId}-${year}`;

function optionalCode(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

const lineKey = (l: Pick<SpendingLine, 'programCode' | 'kegiatanCode' | 'subKegiatanCode'>) =>
  `${l.programCode}|${l.kegiatanCode ?? ''}|${l.subKegiatanCode ?? ''}`;

function checkLines(
  lines: readonly SpendingLine[],
  known: KnownBudgetCodes | undefined,
): SpendingLine[] {
  if (!Array.isArray(lines))
    fail(
      'spending_no_lines',
      'Rincian realisasi anggaran wajib diisi',
      'Spending lines are required',
      ['lines'],
    );
  const seen = new Set<string>();
  const out = lines.map((l, i) => {
    const programCode = requireText(
      l.programCode,
      ['lines', i, 'programCode'],
      'Kode program',
      'Program code',
    );
    const kegiatanCode = optionalCode(l.kegiatanCode);
    const subKegiatanCode = optionalCode(l.subKegiatanCode);
    if (subKegiatanCode !== null && kegiatanCode === null) {
      fail(
        'spending_sub_without_kegiatan',
        'Sub kegiatan harus disertai kode kegiatannya',
        'A sub kegiatan needs its kegiatan code',
        ['lines', i, 'kegiatanCode'],
      );
    }
    if (known) {
      const check = (
        code: string | null,
        list: readonly string[],
        field: string,
        id: string,
        en: string,
      ) => {
        if (code !== null && !list.includes(code))
          fail(
            'spending_unknown_code',
            `${id} ${code} tidak ada dalam dokumen yang berlaku`,
            `${en} ${code} is not in the documents in force`,
            ['lines', i, field],
          );
      };
      check(programCode, known.programCodes, 'programCode', 'Program', 'Program');
      check(kegiatanCode, known.kegiatanCodes, 'kegiatanCode', 'Kegiatan', 'Kegiatan');
      check(
        subKegiatanCode,
        known.subKegiatanCodes,
        'subKegiatanCode',
        'Sub kegiatan',
        'Sub kegiatan',
      );
    }
    requireMoney(l.amount, ['lines', i, 'amount']);
    const line = { programCode, kegiatanCode, subKegiatanCode, amount: moneyText(l.amount) };
    if (seen.has(lineKey(line)))
      fail(
        'spending_duplicate_line',
        `Baris ${lineKey(line)} tercantum lebih dari sekali`,
        `Line ${lineKey(line)} is listed more than once`,
        ['lines', i],
      );
    seen.add(lineKey(line));
    return line;
  });
  // A program line next to one of its kegiatan lines (or a kegiatan next to its sub kegiatan)
  // would count the same money twice in every total.
  out.forEach((l, i) => {
    const finer = out.some(
      (o) =>
        o !== l &&
        o.programCode === l.programCode &&
        (l.kegiatanCode === null
          ? o.kegiatanCode !== null
          : o.kegiatanCode === l.kegiatanCode &&
            l.subKegiatanCode === null &&
            o.subKegiatanCode !== null),
    );
    if (finer)
      fail(
        'spending_mixed_levels',
        `Baris ${lineKey(l)} juga dirinci di tingkat bawahnya; isi di satu tingkat saja`,
        `Line ${lineKey(l)} is also broken down below it; record one level only`,
        ['lines', i],
      );
  });
  return out;
}

function sameLines(a: readonly SpendingLine[], b: readonly SpendingLine[]): boolean {
  if (a.length !== b.length) return false;
  const amounts = new Map(b.map((l) => [lineKey(l), new Dec(l.amount)]));
  return a.every((l) => amounts.get(lineKey(l))?.equals(new Dec(l.amount)) ?? false);
}

/** Year-to-date spending of a program (optionally one kegiatan / sub kegiatan), all periods. */
export function spentFor(
  state: SpendingState,
  filter: { programCode: string; kegiatanCode?: string; subKegiatanCode?: string },
): string {
  const lines = PERIODS.flatMap((p) => state.periods[p] ?? []).filter(
    (l) =>
      l.programCode === filter.programCode &&
      (filter.kegiatanCode === undefined || l.kegiatanCode === filter.kegiatanCode) &&
      (filter.subKegiatanCode === undefined || l.subKegiatanCode === filter.subKegiatanCode),
  );
  return toDecimalString(sumDecimals(lines.map((l) => new Dec(l.amount))));
}

export const spendingDecider: Decider<SpendingCommand, SpendingEvent, SpendingState> = {
  initialState: { opdId: null, year: null, periods: {} },

  decide(command, state) {
    if (!isOpdId(command.opdId))
      fail(
        'invalid_opd_id',
        `ID OPD "${command.opdId}" tidak valid`,
        `OPD id "${command.opdId}" is invalid`,
        ['opdId'],
      );
    const year = requireYear(command.year, ['year']);
    if (!isPeriod(command.period))
      fail(
        'invalid_period',
        `Periode "${String(command.period)}" tidak dikenal (${PERIODS.join(', ')})`,
        `Unknown period "${String(command.period)}" (${PERIODS.join(', ')})`,
        ['period'],
      );
    const period = command.period;
    const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
    if (state.opdId !== null && (state.opdId !== command.opdId || state.year !== year)) {
      fail(
        'spending_wrong_stream',
        `Realisasi anggaran ini milik ${state.opdId} / ${state.year}`,
        `This spending belongs to ${state.opdId} / ${state.year}`,
        ['opdId'],
      );
    }
    const quarterly = QUARTER_PERIODS.some((q) => state.periods[q] !== undefined);
    if (
      (period === 'YEAR' && quarterly) ||
      (period !== 'YEAR' && state.periods.YEAR !== undefined)
    ) {
      fail(
        'spending_mixed_periods',
        period === 'YEAR'
          ? 'Realisasi anggaran tahun ini sudah diisi per triwulan'
          : `Realisasi anggaran tahun ini sudah diisi tahunan; ${periodName(period).id} tidak dapat ditambahkan`,
        period === 'YEAR'
          ? 'This year is already recorded by quarter'
          : `This year is already recorded as a yearly total; ${periodName(period).en} cannot be added`,
        ['period'],
      );
    }
    const lines = checkLines(command.lines, command.known);
    const current = state.periods[period];
    if (current && sameLines(current, lines)) return [];
    return [
      { type: 'SpendingRecorded', data: { opdId: command.opdId, year, period, lines, actor } },
    ];
  },

  evolve(state, event) {
    const { opdId, year, period, lines } = event.data;
    return { opdId, year, periods: { ...state.periods, [period]: lines } };
  },
};
