import type { Sql, TransactionSql } from '@sakip/db';
import type { SakipEvent } from '@sakip/contracts';
import type { RecordedEvent } from '@sakip/event-store';

/**
 * A stored event whose data the engine parsed with the event's schema: checking `type` narrows
 * `data` to that event's payload, so projections read fields without casts.
 */
export type ProjectedEvent = Omit<RecordedEvent, 'type' | 'data'> & SakipEvent;

/** Logical table name → physical table of one version (e.g. audit_log → rm_audit_log_v2). */
export type TableNames = Readonly<Record<string, string>>;

/**
 * A projection: a name, a version, the event types it handles and an evolve (apply) that turns
 * one event into SQL on its own tables. The engine owns transactions, checkpoints, locks,
 * partitions and dead letters; a projection never commits.
 */
export interface Projection {
  readonly name: string;
  /** Lowest table version this code needs; rebuild() creates max(active + 1, version). */
  readonly version: number;
  /** Event types handled; ['*'] = every event. Others only advance the checkpoint. */
  readonly handles: readonly string[];
  /** Logical tables; the one named like the projection maps to rm_<name>_v<version>. */
  readonly tables: readonly string[];
  /**
   * Logical tables LIST-partitioned by their `province_code` column. The engine creates the
   * partition of a province ('00' = national) before the first event of that province.
   */
  readonly partitionedTables?: readonly string[];
  /** Creates this version's (empty) tables. Runs once, in a transaction. */
  setup(sql: TransactionSql, tables: TableNames): Promise<void>;
  /** Applies one event. Throwing marks the event poison (dead letter, then stop or skip). */
  apply(tx: TransactionSql, event: ProjectedEvent, tables: TableNames): Promise<void>;
  /**
   * Optional fast path: applies a batch (in feed order) with set-based SQL. Must have the same
   * effect as apply() over the events in order. If it throws, the engine rolls it back and
   * replays the batch event by event with apply() to isolate the poison event.
   */
  applyBatch?(
    tx: TransactionSql,
    events: readonly ProjectedEvent[],
    tables: TableNames,
  ): Promise<void>;
}

export type PoisonPolicy = 'stop' | 'skip';

export interface Logger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export type { Sql, TransactionSql };
