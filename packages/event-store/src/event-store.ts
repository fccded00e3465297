import { IdempotencyConflictError, mapAppendError } from './errors';
import { countFeedLag, readFeedRows } from './feed';
import { canonicalHash, eventIdFor } from './ids';
import {
  EVENT_COLUMNS,
  eventColumns,
  toRecordedEvent,
  type EventRow,
  type Queryable,
} from './rows';
import type { UpcasterRegistry } from './upcasters';
import type { AppendRequest, AppendResult, FeedCheckpoint, RecordedEvent } from './types';

interface AppendRow {
  stream_id: string;
  next_version: number;
  global_positions: number[];
  event_ids: string[];
  transaction_id: string;
  replayed: boolean;
}

export interface EventStoreOptions {
  upcasters?: UpcasterRegistry;
}

export class EventStore {
  private readonly upcasters: UpcasterRegistry | undefined;

  constructor(
    private readonly sql: Queryable,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters;
  }

  /**
   * One round trip to es_append(), which checks idempotency and the expected version and
   * inserts all events atomically. Event ids derive from the command id, so a retry of the same
   * command produces the same ids.
   */
  async append(req: AppendRequest): Promise<AppendResult> {
    if (req.events.length === 0) throw new Error('append: at least one event is required');
    if (!Number.isInteger(req.expectedVersion) || req.expectedVersion < 0) {
      throw new Error(`append: invalid expected version ${req.expectedVersion}`);
    }
    const { metadata } = req;
    const events = req.events.map((e, i) => ({
      event_id: eventIdFor(metadata.commandId, i),
      type: e.type,
      schema_version: e.schemaVersion ?? 1,
      data: e.data,
      metadata,
    }));
    let row: AppendRow | undefined;
    try {
      // Events travel as text cast to jsonb so the driver does not JSON-encode them twice.
      const rows = await this.sql<{ r: AppendRow }[]>`
        select es_append(${req.streamId}::text, ${req.streamType}::text, ${req.expectedVersion}::bigint,
                         ${metadata.provinceCode}::text, ${metadata.regionCode}::text, ${metadata.commandId}::uuid,
                         ${canonicalHash(req.payload)}::text, ${JSON.stringify(events)}::text::jsonb) as r`;
      row = rows[0]?.r;
    } catch (err) {
      throw mapAppendError(err, req.streamId, req.expectedVersion, metadata.commandId);
    }
    if (!row) throw new Error('append: es_append returned no row');
    return {
      streamId: row.stream_id,
      nextExpectedVersion: Number(row.next_version),
      globalPositions: row.global_positions.map(Number),
      eventIds: row.event_ids,
      replayed: row.replayed,
    };
  }

  /**
   * The stored result of a command already appended, as a replay; null when the id is new.
   * A different payload under the same id is an IdempotencyConflictError.
   */
  async findCommand(commandId: string, payload: unknown): Promise<AppendResult | null> {
    const rows = await this.sql<{ payload_hash: string; result: AppendRow | null }[]>`
      select payload_hash, result from commands where command_id = ${commandId}::uuid`;
    const row = rows[0];
    if (!row || !row.result) return null;
    if (row.payload_hash !== canonicalHash(payload)) throw new IdempotencyConflictError(commandId);
    return {
      streamId: row.result.stream_id,
      nextExpectedVersion: Number(row.result.next_version),
      globalPositions: row.result.global_positions.map(Number),
      eventIds: row.result.event_ids,
      replayed: true,
    };
  }

  /** Stream ids of one type starting with a prefix (e.g. every realization stream of an OPD). */
  async streamIds(streamType: string, prefix: string): Promise<string[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.sql<{ stream_id: string }[]>`
      select stream_id from streams where stream_type = ${streamType} and stream_id like ${like} order by stream_id`;
    return rows.map((r) => r.stream_id);
  }

  /** Whole stream in version order, upcasted. Missing stream → version 0, no events. */
  async readStream(
    streamId: string,
    afterVersion = 0,
  ): Promise<{ version: number; events: RecordedEvent[] }> {
    const rows = await this.sql.unsafe<EventRow[]>(
      `select ${EVENT_COLUMNS} from events where stream_id = $1 and stream_version > $2 order by stream_version`,
      [streamId, afterVersion],
    );
    const events = rows.map((r) => this.upcast(toRecordedEvent(r)));
    // Events are immutable and streams.version always equals the last stream_version.
    return { version: events.at(-1)?.streamVersion ?? afterVersion, events };
  }

  /** Current versions of many streams in one indexed query (missing streams are left out). */
  async streamVersions(streamIds: readonly string[]): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const rows = await this.sql<{ stream_id: string; version: number }[]>`
      select stream_id, version from streams where stream_id = any(${streamIds as string[]}::text[])`;
    return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
  }

  /**
   * Many streams in one round trip, each from its own version on: dashboards fold a hundred
   * realization streams per request, and a cache only needs the tail of each.
   */
  async readStreams(
    from: readonly { streamId: string; afterVersion: number }[],
  ): Promise<Map<string, RecordedEvent[]>> {
    const out = new Map<string, RecordedEvent[]>(from.map((f) => [f.streamId, []]));
    if (from.length === 0) return out;
    const rows = await this.sql.unsafe<EventRow[]>(
      // LATERAL: one index range scan per stream. A plain join lets the planner hash-join
      // against the whole events table, which grows with the province (150 ms at 500k events).
      `select ${eventColumns('e.')}
         from unnest($1::text[], $2::bigint[]) as c(stream_id, after_version)
         cross join lateral (
           select * from events x where x.stream_id = c.stream_id and x.stream_version > c.after_version order by x.stream_version
         ) e
        order by e.stream_id, e.stream_version`,
      [from.map((f) => f.streamId), from.map((f) => f.afterVersion)],
    );
    for (const r of rows) out.get(r.stream_id)?.push(this.upcast(toRecordedEvent(r)));
    return out;
  }

  /** Next batch of the gap-safe global feed (see feed.ts). */
  async readFeed(opts: {
    after: FeedCheckpoint | null;
    limit: number;
    provinceCodes?: string[];
  }): Promise<{ events: RecordedEvent[]; checkpoint: FeedCheckpoint | null }> {
    const rows = await readFeedRows(this.sql, opts.after, opts.limit, opts.provinceCodes);
    const events = rows.map((r) => this.upcast(toRecordedEvent(r)));
    const last = events.at(-1);
    return {
      events,
      checkpoint: last
        ? { transactionId: last.transactionId, position: last.globalPosition }
        : opts.after,
    };
  }

  async headPosition(): Promise<number> {
    const [row] = await this.sql<
      { p: number }[]
    >`select coalesce(max(global_position), 0)::bigint as p from events`;
    return row?.p ?? 0;
  }

  feedLag(checkpoint: FeedCheckpoint | null): Promise<number> {
    return countFeedLag(this.sql, checkpoint);
  }

  private upcast(e: RecordedEvent): RecordedEvent {
    return this.upcasters ? this.upcasters.upcast(e) : e;
  }
}
