// Figures recorded under a bare local code (`cmp-IKU-4-2024`) before comparison keys named
// their owner. One reading of them serves both the read-time fallback (ComparisonQueries) and
// the carry-over into the owner's stream: the old figures not carried over yet, and the index
// of imports that says whose they are (legacyComparisonOwners in the domain).
import type { ComparisonEvent, LegacyFigureOrigin } from '@sakip/domain';
import type { EventStore, RecordedEvent } from '@sakip/event-store';
import { asDomain } from '../state-loader';

type Recorded = Extract<ComparisonEvent, { type: 'ComparisonRecorded' }>;

/** An old bare-key figure, with what its metadata says about its owner. */
export interface LegacyFigure {
  eventId: string;
  streamId: string;
  event: Recorded;
  origin: LegacyFigureOrigin;
  provinceCode: string;
  regionCode: string | null;
}

/**
 * An old stream's key and its ComparisonRecorded events not carried over yet; `carried` maps
 * each carried event to the OPD it went to.
 */
export function legacyFigures(events: readonly RecordedEvent[]): {
  indicatorKey: string | null;
  pending: LegacyFigure[];
  carried: Map<string, string>;
} {
  const parsed = asDomain<ComparisonEvent>(events);
  const carried = new Map<string, string>();
  for (const e of parsed)
    if (e.type === 'ComparisonCarriedTo') carried.set(e.data.fromEventId, e.data.opdId);
  const pending: LegacyFigure[] = [];
  events.forEach((raw, i) => {
    const event = parsed[i]!;
    if (event.type !== 'ComparisonRecorded' || carried.has(raw.eventId)) return;
    pending.push({
      eventId: raw.eventId,
      streamId: raw.streamId,
      event,
      origin: {
        correlationId: raw.metadata.correlationId,
        actorScope: raw.metadata.actor.scope,
      },
      provinceCode: raw.provinceCode ?? '',
      regionCode: raw.regionCode,
    });
  });
  return { indicatorKey: parsed[0]?.data.indicatorKey ?? null, pending, carried };
}

/**
 * Which OPDs' realizations of `year` each correlation id (one import, one command) recorded:
 * every OPD's, or only `opdId`'s when the question is about one OPD.
 */
export async function realizationsByCorrelation(
  store: Pick<EventStore, 'streamIds' | 'readStreams'>,
  year: number,
  opdId?: string,
): Promise<Map<string, Set<string>>> {
  const ids = (
    await store.streamIds('realization', opdId === undefined ? 'real-' : `real-${opdId}-`)
  ).filter((id) => id.endsWith(`-${year}`));
  const streams = await store.readStreams(ids.map((streamId) => ({ streamId, afterVersion: 0 })));
  const index = new Map<string, Set<string>>();
  for (const events of streams.values())
    for (const e of events) {
      if (e.type !== 'RealizationRecorded') continue;
      const owner = (e.data as { opdId?: unknown }).opdId;
      if (typeof owner !== 'string' || (opdId !== undefined && owner !== opdId)) continue;
      const set = index.get(e.metadata.correlationId) ?? new Set<string>();
      set.add(owner);
      index.set(e.metadata.correlationId, set);
    }
  return index;
}
