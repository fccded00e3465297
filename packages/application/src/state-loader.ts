import { parseEvent } from '@sakip/contracts';
import { fold, type Decider, type DomainEvent } from '@sakip/domain';
import type { EventStore, RecordedEvent } from '@sakip/event-store';

export interface LoadedState<S> {
  state: S;
  version: number;
}

type AnyDecider = Decider<never, DomainEvent, unknown>;
/**
 * Stored events (upcast by the store) parsed with their schemas: a payload that does not match
 * is an InvalidEventError naming the event and field, never folded as if it were right. The
 * stream's decider folds its own event types, the only ones its streams hold.
 */
export const asDomain = <E extends DomainEvent>(events: readonly RecordedEvent[]): E[] =>
  events.map((e) => parseEvent(e) as E);

/**
 * Folds streams through a decider's evolve. With a cache, a stream's folded state is kept and
 * only the events after its version are read: events are immutable, so a state at version n
 * stays true, and every load still reads the tail (writes never use a stale version).
 */
export class StateLoader {
  private readonly cache = new Map<AnyDecider, Map<string, LoadedState<unknown>>>();
  private size = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: { cacheSize?: number } = {},
  ) {}

  async load<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
  ): Promise<LoadedState<S>> {
    const cached = this.cached(decider, streamId);
    const { version, events } = await this.store.readStream(streamId, cached?.version ?? 0);
    return this.remember(decider, streamId, cached, events, version);
  }

  /** Ids of the streams of a type whose id starts with `prefix`. */
  streamIds(streamType: string, prefix: string): Promise<string[]> {
    return this.store.streamIds(streamType, prefix);
  }

  /** Many streams of one kind in one round trip (dashboards). */
  async loadMany<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamIds: readonly string[],
  ): Promise<Map<string, LoadedState<S>>> {
    const from = streamIds.map((streamId) => ({
      streamId,
      cached: this.cached(decider, streamId),
    }));
    // Versions first (one indexed query): only streams that exist and moved since the cache are read.
    const versions = await this.store.streamVersions(streamIds);
    const stale = from.filter((f) => (versions.get(f.streamId) ?? 0) > (f.cached?.version ?? 0));
    const tails = await this.store.readStreams(
      stale.map((f) => ({ streamId: f.streamId, afterVersion: f.cached?.version ?? 0 })),
    );
    const out = new Map<string, LoadedState<S>>();
    for (const f of from) {
      const events = tails.get(f.streamId) ?? [];
      out.set(
        f.streamId,
        this.remember(
          decider,
          f.streamId,
          f.cached,
          events,
          events.at(-1)?.streamVersion ?? f.cached?.version ?? 0,
        ),
      );
    }
    return out;
  }

  private cached<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
  ): LoadedState<S> | undefined {
    return this.cache.get(decider as unknown as AnyDecider)?.get(streamId) as
      LoadedState<S> | undefined;
  }

  private remember<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    cached: LoadedState<S> | undefined,
    events: readonly RecordedEvent[],
    version: number,
  ): LoadedState<S> {
    const loaded = {
      state: events.length
        ? asDomain<E>(events).reduce(decider.evolve, cached?.state ?? decider.initialState)
        : (cached?.state ?? fold(decider, [])),
      version,
    };
    const max = this.options.cacheSize ?? 0;
    if (max > 0 && events.length > 0) {
      const key = decider as unknown as AnyDecider;
      const byStream = this.cache.get(key) ?? new Map<string, LoadedState<unknown>>();
      this.cache.set(key, byStream);
      if (!byStream.has(streamId)) this.size++;
      byStream.delete(streamId); // re-insert: Map order doubles as recency
      byStream.set(streamId, loaded);
      if (this.size > max) this.evictOldest();
    }
    return loaded;
  }

  private evictOldest(): void {
    for (const byStream of this.cache.values()) {
      const oldest = byStream.keys().next();
      if (!oldest.done) {
        byStream.delete(oldest.value);
        this.size--;
        return;
      }
    }
  }
}
