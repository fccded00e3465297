// Carries comparison figures recorded under a bare local code (`cmp-IKU-4-2024`) into their
// owner's stream (`cmp-<opd id>:IKU-4-2024`) with new events, never rewriting the old ones:
// ComparisonCarriedOver in the owner's stream, ComparisonCarriedTo on the old stream. The owner
// is the one legacyComparisonOwners names; a figure that names no OPD, or several, is reported
// and left where it is (the read-time fallback keeps showing it as before). Running it again
// writes nothing.
import {
  carryOutcome,
  comparisonDecider,
  comparisonStreamId,
  legacyComparisonOwners,
  opdIndicatorKey,
  regionOfOpdId,
  type CarryOverComparisonCommand,
  type ComparisonEvent,
  type ComparisonScope,
  type ComparisonState,
  type MarkComparisonCarriedCommand,
} from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';
import type { CommandContext } from '../actor';
import { executeBatch, type CommandExecutor } from '../executor';
import type { UseCase } from '../use-case';
import {
  legacyFigures,
  realizationsByCorrelation,
  type LegacyFigure,
} from '../queries/legacy-comparisons';
import { catalogCodesFor } from './realizations';

/** Where the old figure's events were written: the carried events say the same. */
interface Placed {
  provinceCode: string;
  regionCode: string | null;
}
export type CarryOverComparisonInput = Omit<CarryOverComparisonCommand, 'type' | 'actor'> & Placed;
export type MarkComparisonCarriedInput = Omit<MarkComparisonCarriedCommand, 'type' | 'actor'> &
  Placed;

type ComparisonUseCase<I, C> = UseCase<I, C, ComparisonEvent, ComparisonState>;
const placed = (i: Placed) => ({ provinceCode: i.provinceCode, regionCode: i.regionCode });

export const carryOverComparison: ComparisonUseCase<
  CarryOverComparisonInput,
  CarryOverComparisonCommand
> = {
  name: 'CarryOverComparison',
  permission: 'catalog.manage',
  decider: comparisonDecider,
  streamType: 'comparison',
  streamId: (i) => comparisonStreamId(opdIndicatorKey(i.opdId, i.indicatorCode), i.year),
  target: placed,
  toCommand: ({ provinceCode: _p, regionCode: _r, ...i }, _l, actor) => ({
    type: 'CarryOverComparison',
    ...i,
    actor: actor.userId,
  }),
};

export const markComparisonCarried: ComparisonUseCase<
  MarkComparisonCarriedInput,
  MarkComparisonCarriedCommand
> = {
  name: 'MarkComparisonCarried',
  permission: 'catalog.manage',
  decider: comparisonDecider,
  streamType: 'comparison',
  streamId: (i) => comparisonStreamId(i.indicatorKey, i.year),
  target: placed,
  toCommand: ({ provinceCode: _p, regionCode: _r, ...i }, _l, actor) => ({
    type: 'MarkComparisonCarried',
    ...i,
    actor: actor.userId,
  }),
};

export interface CarriedFigure {
  opdId: string;
  /** The bare local code it was recorded under. */
  indicatorCode: string;
  /** The key it is read under now: `<opd id>:<local code>`. */
  indicatorKey: string;
  year: number;
  scope: ComparisonScope;
  code: string;
  value: string;
  source: string;
  fromStreamId: string;
  fromEventId: string;
}

export type CarryOverSkip =
  /** The metadata names no OPD: typed by a province user outside an import. */
  | 'no_owner'
  /** The metadata names several OPDs (an import of several OPDs' realizations). */
  | 'several_owners'
  /** The owner has a figure of that scope recorded under its own key: the newer one stays. */
  | 'superseded';

export interface UncarriedFigure extends Omit<CarriedFigure, 'opdId' | 'indicatorKey'> {
  reason: CarryOverSkip;
  /** The OPDs the metadata names (one for `superseded`, several for `several_owners`). */
  owners: string[];
}

export interface CarryOverReport {
  dryRun: boolean;
  /** Carried over by this run (or, in a dry run, that would be). */
  carried: CarriedFigure[];
  /** Left where they are, with the reason. */
  uncarried: UncarriedFigure[];
  /** Carried over by an earlier run (one stopped before marking it gets its marker now). */
  alreadyCarried: number;
  /** Events appended by this run (0 in a dry run, and on a second run). */
  eventsWritten: number;
}

interface Planned {
  figure: LegacyFigure;
  owner: string;
  /** The owner's stream holds it already (an earlier run stopped before marking it). */
  inOwnerStream: boolean;
}

const describe = (f: LegacyFigure) => ({
  indicatorCode: f.event.data.indicatorKey,
  year: f.event.data.year,
  scope: f.event.data.scope,
  code: f.event.data.code,
  value: f.event.data.value,
  source: f.event.data.source,
  fromStreamId: f.streamId,
  fromEventId: f.eventId,
});

/** The figure's province: its owner's, else the province it was recorded for. */
const provinceOf = (f: LegacyFigure, owner: string | null): string =>
  owner !== null ? regionOfOpdId(owner).slice(0, 2) : f.event.data.code || f.provinceCode;

export async function carryOverComparisons(
  executor: CommandExecutor,
  store: EventStore,
  o: { provinceCode?: string; dryRun: boolean; context: () => CommandContext },
): Promise<CarryOverReport> {
  const loader = executor.loader;
  const catalog = new Set(await catalogCodesFor(loader, 'national', ''));
  const report: CarryOverReport = {
    dryRun: o.dryRun,
    carried: [],
    uncarried: [],
    alreadyCarried: 0,
    eventsWritten: 0,
  };
  const inProvince = (f: LegacyFigure, owner: string | null) =>
    o.provinceCode === undefined || provinceOf(f, owner) === o.provinceCode;
  const indexes = new Map<number, Map<string, Set<string>>>();
  const planned: Planned[] = [];
  for (const streamId of await store.streamIds('comparison', 'cmp-')) {
    const { events } = await store.readStream(streamId);
    const { indicatorKey: key, pending, carried } = legacyFigures(events);
    // The OPD's own streams and the catalog's hold no old figures.
    if (key === null || key.includes(':') || catalog.has(key)) continue;
    for (const opdId of carried.values())
      if (o.provinceCode === undefined || regionOfOpdId(opdId).slice(0, 2) === o.provinceCode)
        report.alreadyCarried++;
    for (const f of pending) {
      const year = f.event.data.year;
      const index = indexes.get(year) ?? (await realizationsByCorrelation(store, year));
      indexes.set(year, index);
      const owners = legacyComparisonOwners(f.origin, index);
      if (owners.length !== 1) {
        if (inProvince(f, null))
          report.uncarried.push({
            ...describe(f),
            reason: owners.length === 0 ? 'no_owner' : 'several_owners',
            owners,
          });
        continue;
      }
      const owner = owners[0]!;
      if (!inProvince(f, owner)) continue;
      const target = comparisonStreamId(opdIndicatorKey(owner, key), year);
      const { state } = await loader.load(comparisonDecider, target);
      const outcome = carryOutcome(state, f.eventId, f.event.data);
      if (outcome === 'superseded')
        report.uncarried.push({ ...describe(f), reason: 'superseded', owners });
      else planned.push({ figure: f, owner, inOwnerStream: outcome === 'already_carried' });
    }
  }
  for (const p of planned)
    if (p.inOwnerStream) report.alreadyCarried++;
    else
      report.carried.push({
        ...describe(p.figure),
        opdId: p.owner,
        indicatorKey: opdIndicatorKey(p.owner, p.figure.event.data.indicatorKey),
      });
  if (!o.dryRun) report.eventsWritten = await write(executor, store, planned, o.context);
  return report;
}

/** One batch per owner stream (its figures in their order), then one per old stream's markers. */
async function write(
  executor: CommandExecutor,
  store: EventStore,
  planned: readonly Planned[],
  context: () => CommandContext,
): Promise<number> {
  const group = <K>(key: (p: Planned) => string, step: (p: Planned) => K) => {
    const out = new Map<string, K[]>();
    for (const p of planned) out.set(key(p), [...(out.get(key(p)) ?? []), step(p)]);
    return [...out.values()];
  };
  let written = 0;
  const run = async <I, C>(useCase: ComparisonUseCase<I, C>, inputs: I[]) => {
    if (inputs.length === 0) return;
    const steps = inputs.map((input) => ({ useCase, input }));
    written += (await executeBatch(store, executor.loader, steps, context())).eventCount;
  };
  const where = (f: LegacyFigure) => ({ provinceCode: f.provinceCode, regionCode: f.regionCode });
  for (const inputs of group(
    (p) => `${p.owner}\u0000${p.figure.streamId}`,
    (p): CarryOverComparisonInput => ({
      opdId: p.owner,
      indicatorCode: p.figure.event.data.indicatorKey,
      year: p.figure.event.data.year,
      fromStreamId: p.figure.streamId,
      fromEventId: p.figure.eventId,
      figure: {
        scope: p.figure.event.data.scope,
        code: p.figure.event.data.code,
        value: p.figure.event.data.value,
        source: p.figure.event.data.source,
      },
      ...where(p.figure),
    }),
  ))
    await run(carryOverComparison, inputs);
  for (const inputs of group(
    (p) => p.figure.streamId,
    (p): MarkComparisonCarriedInput => ({
      indicatorKey: p.figure.event.data.indicatorKey,
      year: p.figure.event.data.year,
      fromEventId: p.figure.eventId,
      opdId: p.owner,
      ...where(p.figure),
    }),
  ))
    await run(markComparisonCarried, inputs);
  return written;
}
