import type { RecordedEvent } from '@sakip/event-store';
import type { TableNames } from '../types';

/** Physical table of a logical one (throws on a typo rather than writing to "undefined"). */
export function tbl(tables: TableNames, name: string): string {
  const t = tables[name];
  if (!t) throw new Error(`read-models: no table ${name}`);
  return t;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The acting user recorded in the metadata, null when missing. */
export const actorOf = (e: Pick<RecordedEvent, 'metadata'>): string | null =>
  str((e.metadata.actor as { userId?: unknown } | undefined)?.userId);

export const json = (v: unknown): string => JSON.stringify(v);

/** DDL suffix for tables LIST-partitioned by province (ADR 7). */
export const PARTITIONED = 'partition by list (province_code)';
