// Angka pembanding: the province's and the nation's value of an indicator for a year, with
// their source (BPS, kementerian), shown next to the daerah's realization in the LKjIP.
// One stream per indicator key and year. The key is a province catalog code (every OPD mapped to
// it shares the figures) or one OPD's own indicator, `<opd id>:<local code>`: local codes such as
// IKU-4 repeat in every OPD, so a bare local code would show one OPD's figures in another's report.
// Figures recorded under a bare local code before keys were qualified stay in their streams;
// readers attribute them to an OPD (see the application's ComparisonQueries).
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId, regionOfOpdId } from '../opds/opd-id';
import { isCanonicalDecimal, toDecimalString } from '../measurement';
import { requireText, requireYear } from '../budgets/checks';

export type ComparisonScope = 'province' | 'national';

export type ComparisonCommand = {
  type: 'RecordComparison';
  scope: ComparisonScope;
  /** Two-digit province code ("18"); '' for national. */
  code: string;
  /** A catalog code, or the OPD's local indicator code when `opdId` is given. */
  indicatorKey: string;
  /** The OPD whose own indicator the figures belong to; null for a catalog indicator. */
  opdId: string | null;
  /**
   * Catalog codes a figure without an OPD may belong to (the province's catalog; every
   * province's for a national figure), supplied by the application.
   */
  catalogCodes: readonly string[];
  year: number;
  value: string;
  source: string;
  actor: string;
};

export interface ComparisonFigure {
  scope: ComparisonScope;
  code: string;
  value: string;
  source: string;
  /** 1 for the first figure recorded for this scope and code, +1 on each change. */
  revision: number;
}

export type ComparisonEvent = {
  type: 'ComparisonRecorded';
  data: { indicatorKey: string; year: number; actor: string } & ComparisonFigure;
};

export interface ComparisonState {
  indicatorKey: string | null;
  year: number | null;
  /** Keyed by comparisonKey(scope, code). */
  figures: Record<string, ComparisonFigure>;
}

export const comparisonStreamId = (indicatorKey: string, year: number): string =>
  `cmp-${indicatorKey}-${year}`;

/** Key of one OPD's own indicator: its figures are that OPD's only. */
export const opdIndicatorKey = (opdId: string, indicatorCode: string): string =>
  `${opdId}:${indicatorCode}`;

/** The key figures are recorded under: the OPD's own indicator, or the catalog code. */
export const comparisonIndicatorKey = (opdId: string | null, indicatorKey: string): string =>
  opdId === null ? indicatorKey : opdIndicatorKey(opdId, indicatorKey);

/** Checks who the figures belong to and gives the key they are recorded under. */
function ownerKey(command: ComparisonCommand, indicatorKey: string, code: string): string {
  if (command.opdId === null || command.opdId === undefined) {
    if (!command.catalogCodes.includes(indicatorKey)) {
      const where =
        command.scope === 'province'
          ? { id: `katalog provinsi ${code}`, en: `province ${code}'s catalog` }
          : { id: 'katalog provinsi mana pun', en: 'any province catalog' };
      fail(
        'comparison_not_in_catalog',
        `Kunci indikator "${indicatorKey}" tidak ada di ${where.id}; angka pembanding indikator milik OPD sendiri memerlukan id OPD`,
        `Indicator key "${indicatorKey}" is not in ${where.en}; figures of an OPD's own indicator need the OPD id`,
        ['indicatorKey'],
      );
    }
    return indicatorKey;
  }
  const opdId = command.opdId.trim();
  if (!isOpdId(opdId))
    fail('invalid_opd_id', `ID OPD "${opdId}" tidak valid`, `OPD id "${opdId}" is invalid`, [
      'opdId',
    ]);
  const province = regionOfOpdId(opdId).slice(0, 2);
  if (command.scope === 'province' && code !== province)
    fail(
      'comparison_other_province',
      `Angka provinsi ${code} tidak dapat dicatat untuk ${opdId} (provinsi ${province})`,
      `A figure of province ${code} cannot be recorded for ${opdId} (province ${province})`,
      ['code'],
    );
  return opdIndicatorKey(opdId, indicatorKey);
}
export const comparisonKey = (scope: ComparisonScope, code: string): string =>
  scope === 'national' ? 'national' : `province:${code}`;

export const comparisonFor = (
  state: ComparisonState,
  scope: ComparisonScope,
  code = '',
): ComparisonFigure | null => state.figures[comparisonKey(scope, code)] ?? null;

export const comparisonDecider: Decider<ComparisonCommand, ComparisonEvent, ComparisonState> = {
  initialState: { indicatorKey: null, year: null, figures: {} },

  decide(command, state) {
    if (command.scope !== 'province' && command.scope !== 'national') {
      fail(
        'invalid_scope',
        `Cakupan "${String(command.scope)}" tidak dikenal (province, national)`,
        `Unknown scope "${String(command.scope)}" (province, national)`,
        ['scope'],
      );
    }
    const code = typeof command.code === 'string' ? command.code.trim() : '';
    if (command.scope === 'province' && !/^\d{2}$/.test(code))
      fail(
        'invalid_province_code',
        `Kode provinsi "${code}" harus 2 angka`,
        `Province code "${code}" must be 2 digits`,
        ['code'],
      );
    if (command.scope === 'national' && code !== '')
      fail(
        'invalid_national_code',
        'Angka nasional tidak memakai kode wilayah',
        'National figures take no region code',
        ['code'],
      );
    const indicatorKey = ownerKey(
      command,
      requireText(command.indicatorKey, ['indicatorKey'], 'Kode indikator', 'Indicator key'),
      code,
    );
    const year = requireYear(command.year, ['year']);
    const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
    const raw = typeof command.value === 'string' ? command.value.trim() : '';
    if (!isCanonicalDecimal(raw))
      fail(
        'comparison_invalid_value',
        `Nilai pembanding "${raw}" bukan angka desimal (gunakan titik)`,
        `Comparison value "${raw}" is not a decimal (use a point)`,
        ['value'],
      );
    const source = requireText(
      command.source,
      ['source'],
      'Sumber data pembanding',
      'Comparison source',
    );
    if (
      state.indicatorKey !== null &&
      (state.indicatorKey !== indicatorKey || state.year !== year)
    ) {
      fail(
        'comparison_wrong_stream',
        `Angka pembanding ini milik ${state.indicatorKey} / ${state.year}`,
        `These comparison figures belong to ${state.indicatorKey} / ${state.year}`,
        ['indicatorKey'],
      );
    }
    const value = toDecimalString(raw);
    const current = comparisonFor(state, command.scope, code);
    if (current && current.value === value && current.source === source) return [];
    return [
      {
        type: 'ComparisonRecorded',
        data: {
          indicatorKey,
          year,
          actor,
          scope: command.scope,
          code,
          value,
          source,
          revision: (current?.revision ?? 0) + 1,
        },
      },
    ];
  },

  evolve(state, event) {
    const { indicatorKey, year, scope, code, value, source, revision } = event.data;
    return {
      indicatorKey,
      year,
      figures: {
        ...state.figures,
        [comparisonKey(scope, code)]: { scope, code, value, source, revision },
      },
    };
  },
};
