import { randomUUID } from 'node:crypto';
import type {
  AppendRequest,
  EventMetadata,
  EventStore,
  FeedCheckpoint,
  NewEvent,
  RecordedEvent,
} from '../src';

export function meta(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = randomUUID();
  return {
    actor: { userId: 'user-1', role: 'admin', scope: { level: 'province', code: '31' } },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    provinceCode: '31',
    regionCode: '3171',
    decree: null,
    ...overrides,
  };
}

export function events(n: number, type = 'Tested'): NewEvent[] {
  return Array.from({ length: n }, (_, i) => ({ type, data: { i } }));
}

export function req(
  streamId: string,
  expectedVersion: number,
  evs: NewEvent[],
  m = meta(),
  payload?: unknown,
): AppendRequest {
  return {
    streamId,
    streamType: 'test',
    expectedVersion,
    events: evs,
    metadata: m,
    payload: payload ?? { streamId, evs },
  };
}

export function streamName(prefix = 's'): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * Reads the feed until `want` events matched `keep`. The feed stops at the cluster-wide snapshot
 * xmin, so an unrelated open transaction elsewhere on the server can delay events briefly: poll.
 */
export async function drainFeed(
  store: EventStore,
  opts: {
    after: FeedCheckpoint | null;
    limit: number;
    want: number;
    keep?: (e: RecordedEvent) => boolean;
    provinceCodes?: string[];
  },
): Promise<{ events: RecordedEvent[]; checkpoint: FeedCheckpoint | null; batches: number }> {
  const keep = opts.keep ?? (() => true);
  const seen: RecordedEvent[] = [];
  let checkpoint = opts.after;
  let batches = 0;
  const deadline = Date.now() + 10_000;
  while (seen.length < opts.want) {
    const page = await store.readFeed({
      after: checkpoint,
      limit: opts.limit,
      provinceCodes: opts.provinceCodes,
    });
    if (page.events.length > opts.limit) throw new Error('page larger than limit');
    batches += page.events.length > 0 ? 1 : 0;
    seen.push(...page.events.filter(keep));
    checkpoint = page.checkpoint;
    if (page.events.length === 0) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { events: seen, checkpoint, batches };
}

/** Checkpoint at the current end of the readable feed (reads until an empty page). */
export async function feedEnd(store: EventStore): Promise<FeedCheckpoint | null> {
  // Everything this database holds must be behind the returned checkpoint. The feed only reads
  // below the cluster-wide xmin, so another test's open transaction (in any database) can hold it
  // back for a while: keep reading until the newest event has come through.
  const head = await store.headPosition();
  let checkpoint: FeedCheckpoint | null = null;
  let seenHead = head === 0;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await store.readFeed({ after: checkpoint, limit: 1000 });
    if (page.events.some((e) => e.globalPosition === head)) seenHead = true;
    if (page.events.length === 0) {
      if (seenHead) return checkpoint;
      if (Date.now() > deadline) throw new Error(`feed did not reach position ${head}`);
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    checkpoint = page.checkpoint;
  }
}
