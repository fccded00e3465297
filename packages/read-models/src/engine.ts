import type { EventStore, FeedCheckpoint, RecordedEvent } from '@sakip/event-store';
import { setMaxListeners } from 'node:events';
import type { ReservedSql } from 'postgres';
import { applyEvents, handlesEvent } from './apply';
import { errorText, jsonLogger } from './logger';
import {
  activeVersion,
  ensureActiveVersion,
  PartitionManager,
  provinceKey,
  tableNames,
} from './tables';
import type { Logger, PoisonPolicy, Projection, Sql, TransactionSql } from './types';

export const EVENTS_CHANNEL = 'sakip_events';
export const NATIONAL_PARTITION = '00';

/** Events at or below `target` not yet behind the checkpoint (in this partition's provinces). */
async function unreadBefore(
  sql: Sql,
  after: FeedCheckpoint | null,
  target: number,
  provinces: string[] | undefined,
): Promise<boolean> {
  const from = after ?? { transactionId: '0', position: 0 };
  const [row] = await sql<{ found: boolean }[]>`
    select exists (
      select 1 from events
       where global_position <= ${target}
         and (transaction_id, global_position) > (${from.transactionId}::xid8, ${from.position}::bigint)
         ${provinces ? sql`and province_code = any(${provinces}::text[])` : sql``}
    ) as found`;
  return row?.found ?? false;
}
export const ALL_PARTITION = '*';

export interface RunProjectionOptions {
  sql: Sql;
  store: EventStore;
  projection: Projection;
  /** Province codes ('00' = events without a province); undefined = one worker over the whole feed ('*'). */
  partitions?: readonly string[];
  batchSize?: number;
  policy?: PoisonPolicy;
  signal?: AbortSignal;
  /** Run this version (rebuild); default: the active version (created on first start). */
  version?: number;
  /** Return once the feed is drained instead of waiting for new events. */
  untilCaughtUp?: boolean;
  /** Poll fallback when no NOTIFY arrives (the feed also waits for the cluster-wide xmin). */
  pollIntervalMs?: number;
  logger?: Logger;
  /** Called after each committed batch (tests, metrics). */
  onBatch?: (info: { partition: string; applied: number; checkpoint: FeedCheckpoint }) => void;
}

export type StopReason = 'aborted' | 'stopped' | 'switched' | 'caught_up';

export interface PartitionResult {
  partition: string;
  reason: StopReason;
  applied: number;
  checkpoint: FeedCheckpoint;
  error?: string;
}

export interface RunResult {
  name: string;
  version: number;
  partitions: PartitionResult[];
}

export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(projection: string, version: number, partition: string, expected: FeedCheckpoint) {
    super(
      `checkpoint of ${projection} v${version} [${partition}] moved away from (${expected.transactionId}, ${expected.position}): ` +
        'another worker wrote it; this batch was rolled back',
    );
  }
}

interface CheckpointRow {
  transaction_id: string;
  position: number;
  state: 'running' | 'stopped';
  last_error: string | null;
}

/** Wakes waiting loops on NOTIFY sakip_events, on abort or after a timeout (poll fallback). */
class Waker {
  private readonly waiters = new Set<() => void>();
  notify(): void {
    for (const w of [...this.waiters]) w();
  }
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}

const lockKey = (name: string, version: number, partition: string): string =>
  `${name}:${version}:${partition}`;

export async function loadCheckpoint(
  sql: Sql | TransactionSql,
  name: string,
  version: number,
  partition: string,
): Promise<(FeedCheckpoint & { state: string; lastError: string | null }) | null> {
  const [row] = await sql<CheckpointRow[]>`
    select transaction_id::text as transaction_id, position, state, last_error from projection_checkpoints
     where name = ${name} and version = ${version} and partition = ${partition}`;
  return row
    ? {
        transactionId: row.transaction_id,
        position: row.position,
        state: row.state,
        lastError: row.last_error,
      }
    : null;
}

/** Compare-and-set; 0 rows = someone else moved the checkpoint → throw (rolls the batch back). */
export async function casCheckpoint(
  tx: TransactionSql,
  key: { name: string; version: number; partition: string },
  from: FeedCheckpoint,
  to: FeedCheckpoint,
  state: { state: 'running' | 'stopped'; error: string | null },
): Promise<void> {
  const rows = await tx`
    update projection_checkpoints
       set transaction_id = ${to.transactionId}::xid8, position = ${to.position}, state = ${state.state},
           last_error = ${state.error}, updated_at = now()
     where name = ${key.name} and version = ${key.version} and partition = ${key.partition}
       and transaction_id = ${from.transactionId}::xid8 and position = ${from.position}`;
  if (rows.count !== 1)
    throw new CheckpointConflictError(key.name, key.version, key.partition, from);
}

/**
 * Feed path. One loop per partition, each under a session advisory lock on
 * (name, version, partition) (a second process stands by), reading the gap-safe feed after its
 * checkpoint and committing read-model writes, dead letters and the CAS'd checkpoint in one
 * transaction per batch.
 */
export async function runProjection(o: RunProjectionOptions): Promise<RunResult> {
  const logger = o.logger ?? jsonLogger;
  const { sql, projection } = o;
  const fixedVersion = o.version !== undefined;
  const version = o.version ?? (await ensureActiveVersion(sql, projection));
  const partitions =
    o.partitions && o.partitions.length > 0 ? [...new Set(o.partitions)] : [ALL_PARTITION];
  const waker = new Waker();
  if (o.signal) setMaxListeners(0, o.signal);
  const listener = await sql.listen(EVENTS_CHANNEL, () => waker.notify());
  const lockConn = await sql.reserve();
  // untilCaughtUp: everything appended before this call counts, even behind an open transaction.
  const caughtUpTarget = o.untilCaughtUp ? await o.store.headPosition() : 0;
  try {
    const results = await Promise.all(
      partitions.map((p) =>
        runPartition({ ...o, logger, version, fixedVersion, waker, lockConn, caughtUpTarget }, p),
      ),
    );
    return { name: projection.name, version, partitions: results };
  } finally {
    lockConn.release();
    await listener.unlisten().catch(() => {});
  }
}

interface PartitionContext extends RunProjectionOptions {
  logger: Logger;
  version: number;
  fixedVersion: boolean;
  waker: Waker;
  lockConn: ReservedSql;
  caughtUpTarget: number;
}

async function runPartition(c: PartitionContext, partition: string): Promise<PartitionResult> {
  const { sql, store, projection, version, logger, signal } = c;
  const name = projection.name;
  const batchSize = c.batchSize ?? 1000;
  const policy = c.policy ?? 'stop';
  const pollMs = c.pollIntervalMs ?? 500;
  const tables = tableNames(projection, version);
  const partitionsMgr = new PartitionManager(sql, logger);
  const key = { name, version, partition };
  const log = { projection: name, version, partition };
  let checkpoint: FeedCheckpoint = { transactionId: '0', position: 0 };
  let applied = 0;
  const done = (reason: StopReason, error?: string): PartitionResult => ({
    partition,
    reason,
    applied,
    checkpoint,
    ...(error ? { error } : {}),
  });

  let lastSwitchCheck = Date.now();
  const switched = async (force: boolean): Promise<boolean> => {
    if (c.fixedVersion) return false;
    if (!force && Date.now() - lastSwitchCheck < 2000) return false;
    lastSwitchCheck = Date.now();
    const active = await activeVersion(sql, name);
    if (active !== version) {
      logger.info({ ...log, active }, 'active version changed; leaving this version');
      return true;
    }
    return false;
  };

  // One worker per (name, version, partition): the others stand by on the lock.
  const [k1, k2] = [`sakip:projection`, lockKey(name, version, partition)];
  let warned = false;
  for (;;) {
    const [row] = await c.lockConn<
      { ok: boolean }[]
    >`select pg_try_advisory_lock(hashtext(${k1}), hashtext(${k2})) as ok`;
    if (row?.ok) break;
    if (!warned) logger.info(log, 'another worker holds this projection partition; standing by');
    warned = true;
    if (signal?.aborted) return done('aborted');
    if (await switched(true)) return done('switched');
    await c.waker.wait(1000, signal);
  }
  try {
    await initCheckpoint(sql, key);
    const loaded = await loadCheckpoint(sql, name, version, partition);
    if (!loaded) throw new Error(`no checkpoint row for ${k2}`);
    checkpoint = { transactionId: loaded.transactionId, position: loaded.position };
    let wasStopped = loaded.state === 'stopped';
    if (wasStopped)
      logger.warn(
        { ...log, lastError: loaded.lastError },
        'projection was stopped on a poison event; retrying it',
      );
    logger.info({ ...log, checkpoint }, 'projection partition started');

    const provinceFilter =
      partition === ALL_PARTITION || partition === NATIONAL_PARTITION ? undefined : [partition];
    const inPartition = (e: RecordedEvent): boolean =>
      partition === ALL_PARTITION ||
      partition !== NATIONAL_PARTITION ||
      provinceKey(e) === NATIONAL_PARTITION;

    for (;;) {
      if (signal?.aborted) return done('aborted');
      const page = await store.readFeed({
        after: checkpoint,
        limit: batchSize,
        provinceCodes: provinceFilter,
      });
      if (page.events.length === 0 || !page.checkpoint) {
        // Caught up means: nothing written before this run started is still unread. An empty page
        // alone is not enough: an open transaction anywhere on the server holds the gap-safe feed back.
        if (
          c.untilCaughtUp &&
          !(await unreadBefore(sql, checkpoint, c.caughtUpTarget, provinceFilter))
        )
          return done('caught_up');
        if (c.untilCaughtUp) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        if (await switched(true)) return done('switched');
        await c.waker.wait(pollMs, signal);
        continue;
      }
      const handled = page.events.filter((e) => handlesEvent(projection, e) && inPartition(e));
      await partitionsMgr.ensure(projection, tables, handled.map(provinceKey));
      const from = checkpoint;
      const next = page.checkpoint;
      const outcome = await sql.begin(async (tx) => {
        const r = await applyEvents(tx, handled, {
          projection,
          version,
          partition,
          tables,
          policy,
          logger,
        });
        let to = next;
        if (r.stoppedAt) {
          const i = page.events.indexOf(r.stoppedAt);
          const prev = i > 0 ? page.events[i - 1] : undefined;
          to = prev ? { transactionId: prev.transactionId, position: prev.globalPosition } : from;
        }
        await casCheckpoint(tx, key, from, to, {
          state: r.stoppedAt ? 'stopped' : 'running',
          error: r.error,
        });
        if (wasStopped && !r.stoppedAt) {
          await tx`update projection_dead_letters set status = 'resolved'
                    where name = ${name} and version = ${version} and partition = ${partition} and status = 'blocking'`;
        }
        return { r, to };
      });
      checkpoint = outcome.to;
      applied += outcome.r.applied;
      c.onBatch?.({ partition, applied: outcome.r.applied, checkpoint });
      if (outcome.r.stoppedAt) {
        return done('stopped', outcome.r.error ?? 'poison event');
      }
      wasStopped = false;
      if (await switched(false)) return done('switched');
    }
  } catch (err) {
    logger.error({ ...log, err: errorText(err) }, 'projection partition failed');
    throw err;
  } finally {
    await c.lockConn`select pg_advisory_unlock(hashtext(${k1}), hashtext(${k2}))`.catch(() => {});
  }
}

/**
 * Creates the checkpoint row if missing. A province partition starts where the version's '*'
 * checkpoint is (everything up to it is applied for every province, e.g. after a rebuild).
 * '*' and province partitions of one version must not both advance.
 */
async function initCheckpoint(
  sql: Sql,
  key: { name: string; version: number; partition: string },
): Promise<void> {
  if (key.partition === ALL_PARTITION) {
    const others = await sql<{ partition: string; position: number }[]>`
      select partition, position from projection_checkpoints
       where name = ${key.name} and version = ${key.version} and partition <> '*' and partition not like 'kafka:%'`;
    if (others.length > 0) {
      throw new Error(
        `${key.name} v${key.version} is run per province (${others.map((r) => r.partition).join(', ')}); ` +
          'refusing to run the whole feed (*) on the same version',
      );
    }
    await sql`insert into projection_checkpoints (name, version, partition) values (${key.name}, ${key.version}, '*')
              on conflict do nothing`;
    return;
  }
  await sql`
    insert into projection_checkpoints (name, version, partition, transaction_id, position)
    select ${key.name}, ${key.version}, ${key.partition},
           coalesce((select transaction_id from projection_checkpoints where name = ${key.name} and version = ${key.version} and partition = '*'), '0'::xid8),
           coalesce((select position from projection_checkpoints where name = ${key.name} and version = ${key.version} and partition = '*'), 0)
    on conflict do nothing`;
}
