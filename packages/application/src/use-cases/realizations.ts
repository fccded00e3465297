import {
  catalogDecider,
  catalogStreamId,
  comparisonDecider,
  comparisonIndicatorKey,
  comparisonStreamId,
  DEFAULT_MEASUREMENT_SETTINGS,
  fail,
  narrativeDecider,
  narrativeStreamId,
  realizationDecider,
  realizationStreamId,
  regionDecider,
  regionOfOpdId,
  regionStreamId,
  spendingDecider,
  budgetSpendingStreamId,
  type ComparisonCommand,
  type ComparisonEvent,
  type ComparisonState,
  type Indicator,
  type MeasurementSettings,
  type NarrativeCommand,
  type NarrativeEvent,
  type NarrativeState,
  type RealizationCommand,
  type RealizationEvent,
  type RealizationState,
  type SpendingCommand,
  type SpendingEvent,
  type SpendingState,
} from '@sakip/domain';
import type {
  CorrectRealizationInput,
  LockYearInput,
  MeasurementSettingsInput,
  RecordComparisonInput,
  RecordNarrativeInput,
  RecordRealizationInput,
  RecordSpendingInput,
  ReturnRealizationInput,
  SubmitRealizationInput,
  VerifyRealizationInput,
} from '@sakip/contracts';
import type { Actor } from '../actor';
import { requireBinding } from '../executor';
import type { StateLoader } from '../state-loader';
import type { UseCase } from '../use-case';
import { codesAt, requirePlanInForce } from './plan-in-force';
import { opdTarget, regionTarget } from './targets';

type RealizationUseCase<I> = UseCase<I, RealizationCommand, RealizationEvent, RealizationState>;
type OnEntry = { opdId: string; indicatorCode: string; year: number };

/** The pemda an OPD belongs to decides how it measures (the kabupaten, or the province for provincial OPDs). */
export async function measurementSettingsFor(
  loader: StateLoader,
  opdId: string,
): Promise<MeasurementSettings> {
  const region = regionOfOpdId(opdId);
  const { state } = await loader.load(regionDecider, regionStreamId(region));
  return state.registered ? state.settings : DEFAULT_MEASUREMENT_SETTINGS;
}

export async function indicatorInForce(
  loader: StateLoader,
  opdId: string,
  code: string,
  year: number,
): Promise<Indicator> {
  const plan = await requirePlanInForce(loader, opdId, year);
  const indicator = plan.indicators[code];
  if (!indicator)
    fail(
      'indicator_not_found',
      `Indikator ${code} tidak berlaku pada ${year}`,
      `Indicator ${code} is not in force in ${year}`,
      ['indicatorCode'],
    );
  return indicator;
}

function realizationUseCase<I extends OnEntry>(
  name: string,
  permission: RealizationUseCase<I>['permission'],
  toCommand: RealizationUseCase<I>['toCommand'],
  extra: Partial<RealizationUseCase<I>> = {},
): RealizationUseCase<I> {
  return {
    name,
    permission,
    decider: realizationDecider,
    streamType: 'realization',
    streamId: (i) => realizationStreamId(i.opdId, i.indicatorCode, i.year),
    target: (i) => opdTarget(i.opdId),
    toCommand,
    ...extra,
  };
}

/** What a recorded or corrected value carries: the entry and the indicator in force (its formula). */
async function entryFields(
  i: RecordRealizationInput | CorrectRealizationInput,
  loader: StateLoader,
  actor: Actor,
) {
  const indicator = await indicatorInForce(loader, i.opdId, i.indicatorCode, i.year);
  return {
    value: i.value,
    inputs: i.inputs,
    formula: indicator.formula,
    evidence: i.evidence,
    note: i.note,
    actor: actor.userId,
    indicator,
  };
}

export const recordRealization = realizationUseCase<RecordRealizationInput>(
  'RecordRealization',
  'realization.submit',
  async (i, loader, actor) => ({
    type: 'RecordRealization',
    opdId: i.opdId,
    indicatorCode: i.indicatorCode,
    year: i.year,
    period: i.period,
    ...(await entryFields(i, loader, actor)),
  }),
);

export const correctRealization = realizationUseCase<CorrectRealizationInput>(
  'CorrectRealization',
  'realization.submit',
  async (i, loader, actor) => ({
    type: 'CorrectRealization',
    period: i.period,
    reason: i.reason,
    ...(await entryFields(i, loader, actor)),
  }),
);

export const submitRealization = realizationUseCase<SubmitRealizationInput>(
  'SubmitRealization',
  'realization.submit',
  (i, _l, actor) => ({ type: 'SubmitRealization', period: i.period, actor: actor.userId }),
);

/** The head verifies first; the Inspektorat second where the pemda requires it. */
const byLevel = {
  authorize: (
    actor: Parameters<typeof requireBinding>[0],
    i: { opdId: string; level: 'head' | 'inspector' },
  ) =>
    requireBinding(
      actor,
      i.level === 'head' ? 'realization.verify' : 'realization.inspect',
      opdTarget(i.opdId),
      i.level === 'head' ? 'VerifyRealization (kepala)' : 'VerifyRealization (inspektorat)',
    ),
};

export const verifyRealization = realizationUseCase<VerifyRealizationInput>(
  'VerifyRealization',
  'realization.verify',
  async (i, loader, actor) => ({
    type: 'VerifyRealization',
    period: i.period,
    level: i.level,
    inspectorRequired: (await measurementSettingsFor(loader, i.opdId)).inspectorRequired,
    actor: actor.userId,
  }),
  byLevel,
);

export const returnRealization = realizationUseCase<ReturnRealizationInput>(
  'ReturnRealization',
  'realization.verify',
  (i, _l, actor) => ({
    type: 'ReturnRealization',
    period: i.period,
    level: i.level,
    reason: i.reason,
    actor: actor.userId,
  }),
  byLevel,
);

export const lockYear = realizationUseCase<LockYearInput>(
  'LockYear',
  'realization.lock',
  async (i, loader, actor) => {
    const indicator = await indicatorInForce(loader, i.opdId, i.indicatorCode, i.year);
    return {
      type: 'LockYear',
      actor: actor.userId,
      requiredPeriods:
        indicator.dataPeriod === 'quarterly' ? ['TW1', 'TW2', 'TW3', 'TW4'] : undefined,
    };
  },
);

export const recordNarrative: UseCase<
  RecordNarrativeInput,
  NarrativeCommand,
  NarrativeEvent,
  NarrativeState
> = {
  name: 'RecordNarrative',
  permission: 'realization.submit',
  decider: narrativeDecider,
  streamType: 'narrative',
  streamId: (i) => narrativeStreamId(i.opdId, i.sasaranCode, i.year),
  target: (i) => opdTarget(i.opdId),
  async toCommand(i, loader, actor) {
    const plan = await requirePlanInForce(loader, i.opdId, i.year);
    if (!plan.elements[i.sasaranCode])
      fail(
        'element_not_found',
        `Sasaran ${i.sasaranCode} tidak ada`,
        `Sasaran ${i.sasaranCode} does not exist`,
        ['sasaranCode'],
      );
    return {
      type: 'RecordNarrative',
      opdId: i.opdId,
      sasaranCode: i.sasaranCode,
      year: i.year,
      faktorPendukung: i.faktorPendukung,
      faktorPenghambat: i.faktorPenghambat,
      solusi: i.solusi,
      actor: actor.userId,
    };
  },
};

export const recordSpending: UseCase<
  RecordSpendingInput,
  SpendingCommand,
  SpendingEvent,
  SpendingState
> = {
  name: 'RecordSpending',
  permission: 'realization.submit',
  decider: spendingDecider,
  streamType: 'spending',
  streamId: (i) => budgetSpendingStreamId(i.opdId, i.year),
  target: (i) => opdTarget(i.opdId),
  async toCommand(i, loader, actor) {
    const plan = await requirePlanInForce(loader, i.opdId, i.year);
    return {
      type: 'RecordSpending',
      opdId: i.opdId,
      year: i.year,
      period: i.period,
      lines: i.lines,
      actor: actor.userId,
      known: {
        programCodes: codesAt(plan, 'program'),
        kegiatanCodes: codesAt(plan, 'kegiatan'),
        subKegiatanCodes: codesAt(plan, 'sub_kegiatan'),
      },
    };
  },
};

/**
 * Catalog codes a comparison figure without an OPD may belong to: the province's catalog, or
 * for a national figure every province's (a national value is the same whichever asks).
 */
export async function catalogCodesFor(
  loader: StateLoader,
  scope: 'province' | 'national',
  code: string,
): Promise<string[]> {
  const ids =
    scope === 'province' ? [catalogStreamId(code)] : await loader.streamIds('catalog', 'catalog-');
  const catalogs = await loader.loadMany(catalogDecider, ids);
  return [...catalogs.values()].flatMap((c) => Object.keys(c.state.indicators));
}

/** Province and national figures: recorded by province admins (the province's data office). */
export const recordComparison: UseCase<
  RecordComparisonInput,
  ComparisonCommand,
  ComparisonEvent,
  ComparisonState
> = {
  name: 'RecordComparison',
  permission: 'catalog.manage',
  decider: comparisonDecider,
  streamType: 'comparison',
  streamId: (i) => comparisonStreamId(comparisonIndicatorKey(i.opdId, i.indicatorKey), i.year),
  target: (i) =>
    i.scope === 'province' ? regionTarget(i.code) : { provinceCode: '', regionCode: null },
  async toCommand(i, loader, actor) {
    // An OPD's own indicator must be one of its indicators in force that year.
    if (i.opdId !== null) {
      const plan = await requirePlanInForce(loader, i.opdId, i.year);
      if (!plan.indicators[i.indicatorKey])
        fail(
          'indicator_not_found',
          `Indikator ${i.indicatorKey} tidak berlaku di ${i.opdId} pada ${i.year}`,
          `Indicator ${i.indicatorKey} is not in force in ${i.opdId} in ${i.year}`,
          ['indicatorKey'],
        );
    }
    return {
      type: 'RecordComparison',
      scope: i.scope,
      code: i.code,
      indicatorKey: i.indicatorKey,
      opdId: i.opdId,
      catalogCodes: i.opdId === null ? await catalogCodesFor(loader, i.scope, i.code) : [],
      year: i.year,
      value: i.value,
      source: i.source,
      actor: actor.userId,
    };
  },
};

export const configureMeasurement: UseCase<
  MeasurementSettingsInput,
  Parameters<typeof regionDecider.decide>[0],
  Parameters<typeof regionDecider.evolve>[1],
  Parameters<typeof regionDecider.evolve>[0]
> = {
  name: 'ConfigureMeasurement',
  permission: 'pemda.configure',
  decider: regionDecider,
  streamType: 'region',
  streamId: (i) => regionStreamId(i.code),
  target: (i) => regionTarget(i.code),
  toCommand: (i) => ({
    type: 'ConfigureMeasurement',
    code: i.code,
    settings: {
      ...i.settings,
      predikatScale: i.settings.predikatScale as MeasurementSettings['predikatScale'],
    },
  }),
};
