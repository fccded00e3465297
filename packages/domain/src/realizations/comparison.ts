// Angka pembanding: the province's and the nation's value of an indicator for a year, with
// their source (BPS, kementerian), shown next to the daerah's realization in the LKjIP.
// One stream per indicator key and year. The key is a province catalog code (every OPD mapped to
// it shares the figures) or one OPD's own indicator, `<opd id>:<local code>`: local codes such as
// IKU-4 repeat in every OPD, so a bare local code would show one OPD's figures in another's report.
// Figures recorded under a bare local code before keys were qualified stay in their streams;
// readers attribute them to an OPD (see the application's ComparisonQueries) until they are
// carried over: a ComparisonCarriedOver in the owner's stream, and a ComparisonCarriedTo marker
// on the old stream so that no figure is carried twice (the old events are never changed).
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId, regionOfOpdId } from '../opds/opd-id';
import { isCanonicalDecimal, toDecimalString } from '../measurement';
import { requireText, requireYear } from '../budgets/checks';

export type ComparisonScope = 'province' | 'national';

export type ComparisonCommand =
  RecordComparisonCommand | CarryOverComparisonCommand | MarkComparisonCarriedCommand;

export type RecordComparisonCommand = {
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

/** Puts an old bare-key figure into its owner's stream `cmp-<opd id>:<local code>-<year>`. */
export type CarryOverComparisonCommand = {
  type: 'CarryOverComparison';
  opdId: string;
  /** The OPD's local indicator code: the old stream's bare key. */
  indicatorCode: string;
  year: number;
  fromStreamId: string;
  fromEventId: string;
  figure: Pick<ComparisonFigure, 'scope' | 'code' | 'value' | 'source'>;
  actor: string;
};

/** Marks an old bare-key figure, on its own stream, as carried over to one OPD. */
export type MarkComparisonCarriedCommand = {
  type: 'MarkComparisonCarried';
  /** The bare key of the old stream. */
  indicatorKey: string;
  year: number;
  fromEventId: string;
  opdId: string;
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

type FigureData = { indicatorKey: string; year: number; actor: string } & ComparisonFigure;

export type ComparisonEvent =
  | { type: 'ComparisonRecorded'; data: FigureData }
  | {
      type: 'ComparisonCarriedOver';
      /** An old bare-key figure in its owner's stream; `fromEventId` is the old event. */
      data: FigureData & { fromStreamId: string; fromEventId: string };
    }
  | {
      type: 'ComparisonCarriedTo';
      /** On the old bare-key stream: its event `fromEventId` now lives in `toStreamId`. */
      data: {
        indicatorKey: string;
        year: number;
        actor: string;
        fromEventId: string;
        opdId: string;
        toStreamId: string;
      };
    };

export interface ComparisonState {
  indicatorKey: string | null;
  year: number | null;
  /** Keyed by comparisonKey(scope, code). */
  figures: Record<string, ComparisonFigure>;
  /** Per figure key: recorded under this stream's key, or carried over from an old stream. */
  origins: Record<string, 'recorded' | 'carried'>;
  /** Old bare-key events carried into this stream, by event id. */
  carriedFrom: Record<string, true>;
  /** On an old bare-key stream: its events carried over, event id → the OPD they went to. */
  carriedTo: Record<string, string>;
}

/**
 * What carrying an old figure into an owner's stream would do: nothing when it is there already,
 * nothing when the owner has a figure of that scope recorded under its own key (the newer key
 * wins, as readers have always preferred it), else carry it.
 */
export function carryOutcome(
  state: ComparisonState,
  fromEventId: string,
  figure: Pick<ComparisonFigure, 'scope' | 'code'>,
): 'carry' | 'already_carried' | 'superseded' {
  if (state.carriedFrom[fromEventId]) return 'already_carried';
  if (state.origins[comparisonKey(figure.scope, figure.code)] === 'recorded') return 'superseded';
  return 'carry';
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
function ownerKey(command: RecordComparisonCommand, indicatorKey: string, code: string): string {
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
  const opdId = requireOpdId(command.opdId);
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

function requireStream(state: ComparisonState, indicatorKey: string, year: number): void {
  if (state.indicatorKey !== null && (state.indicatorKey !== indicatorKey || state.year !== year))
    fail(
      'comparison_wrong_stream',
      `Angka pembanding ini milik ${state.indicatorKey} / ${state.year}`,
      `These comparison figures belong to ${state.indicatorKey} / ${state.year}`,
      ['indicatorKey'],
    );
}

function requireOpdId(raw: string): string {
  const opdId = typeof raw === 'string' ? raw.trim() : '';
  if (!isOpdId(opdId))
    fail('invalid_opd_id', `ID OPD "${opdId}" tidak valid`, `OPD id "${opdId}" is invalid`, [
      'opdId',
    ]);
  return opdId;
}

function decideCarryOver(
  command: CarryOverComparisonCommand,
  state: ComparisonState,
): ComparisonEvent[] {
  const opdId = requireOpdId(command.opdId);
  const code = requireText(
    command.indicatorCode,
    ['indicatorCode'],
    'Kode indikator',
    'Indicator code',
  );
  const indicatorKey = opdIndicatorKey(opdId, code);
  const year = requireYear(command.year, ['year']);
  requireStream(state, indicatorKey, year);
  const fromStreamId = requireText(
    command.fromStreamId,
    ['fromStreamId'],
    'Stream asal',
    'Source stream',
  );
  if (fromStreamId !== comparisonStreamId(code, year))
    fail(
      'comparison_carry_wrong_source',
      `Angka ${fromStreamId} bukan angka lama indikator ${code} tahun ${year}`,
      `Figures of ${fromStreamId} are not the old figures of indicator ${code} in ${year}`,
      ['fromStreamId'],
    );
  const fromEventId = requireText(
    command.fromEventId,
    ['fromEventId'],
    'Event asal',
    'Source event',
  );
  if (carryOutcome(state, fromEventId, command.figure) !== 'carry') return [];
  const { scope, code: where, value, source } = command.figure;
  const current = comparisonFor(state, scope, where);
  return [
    {
      type: 'ComparisonCarriedOver',
      data: {
        indicatorKey,
        year,
        actor: requireText(command.actor, ['actor'], 'Pengguna', 'Actor'),
        scope,
        code: where,
        value,
        source,
        revision: (current?.revision ?? 0) + 1,
        fromStreamId,
        fromEventId,
      },
    },
  ];
}

function decideMarkCarried(
  command: MarkComparisonCarriedCommand,
  state: ComparisonState,
): ComparisonEvent[] {
  const opdId = requireOpdId(command.opdId);
  const year = requireYear(command.year, ['year']);
  if (state.indicatorKey === null)
    fail(
      'comparison_not_found',
      `Tidak ada angka pembanding ${command.indicatorKey} tahun ${year}`,
      `No comparison figures of ${command.indicatorKey} in ${year}`,
      ['indicatorKey'],
    );
  requireStream(state, command.indicatorKey, year);
  if (command.indicatorKey.includes(':'))
    fail(
      'comparison_not_bare_key',
      `${command.indicatorKey} sudah kunci milik satu OPD; hanya angka lama berkunci kode lokal yang dipindahkan`,
      `${command.indicatorKey} is already one OPD's key; only old figures under a bare local code are carried over`,
      ['indicatorKey'],
    );
  const already = state.carriedTo[command.fromEventId];
  if (already === opdId) return [];
  if (already !== undefined)
    fail(
      'comparison_already_carried',
      `Angka pembanding ini sudah dipindahkan ke ${already}`,
      `This comparison figure was already carried over to ${already}`,
      ['opdId'],
    );
  return [
    {
      type: 'ComparisonCarriedTo',
      data: {
        indicatorKey: command.indicatorKey,
        year,
        actor: requireText(command.actor, ['actor'], 'Pengguna', 'Actor'),
        fromEventId: command.fromEventId,
        opdId,
        toStreamId: comparisonStreamId(opdIndicatorKey(opdId, command.indicatorKey), year),
      },
    },
  ];
}

export const comparisonDecider: Decider<ComparisonCommand, ComparisonEvent, ComparisonState> = {
  initialState: {
    indicatorKey: null,
    year: null,
    figures: {},
    origins: {},
    carriedFrom: {},
    carriedTo: {},
  },

  decide(command, state) {
    if (command.type === 'CarryOverComparison') return decideCarryOver(command, state);
    if (command.type === 'MarkComparisonCarried') return decideMarkCarried(command, state);
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
    requireStream(state, indicatorKey, year);
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
    if (event.type === 'ComparisonCarriedTo') {
      const { indicatorKey, year, fromEventId, opdId } = event.data;
      return {
        ...state,
        indicatorKey,
        year,
        carriedTo: { ...state.carriedTo, [fromEventId]: opdId },
      };
    }
    const { indicatorKey, year, scope, code, value, source, revision } = event.data;
    const key = comparisonKey(scope, code);
    const carried = event.type === 'ComparisonCarriedOver';
    return {
      ...state,
      indicatorKey,
      year,
      figures: { ...state.figures, [key]: { scope, code, value, source, revision } },
      origins: { ...state.origins, [key]: carried ? 'carried' : 'recorded' },
      carriedFrom: carried
        ? { ...state.carriedFrom, [event.data.fromEventId]: true }
        : state.carriedFrom,
    };
  },
};
