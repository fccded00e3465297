import type { Sql, TransactionSql } from '@sakip/db';
import type { EventMetadata, RecordedEvent } from './types';

/** Pool or transaction: appends can be part of a caller's transaction (e.g. with an outbox). */
export type Queryable = Sql | TransactionSql;

export interface EventRow {
  global_position: number;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
  province_code: string | null;
  region_code: string | null;
}

/** Column list shared by stream and feed reads; xid8 is cast to text for TS. */
export const eventColumns = (a = ''): string =>
  `${a}global_position, ${a}transaction_id::text as transaction_id, ${a}stream_id, ${a}stream_version,
  ${a}event_id, ${a}type, ${a}schema_version, ${a}data, ${a}metadata, ${a}recorded_at, ${a}province_code, ${a}region_code`;
export const EVENT_COLUMNS = eventColumns();

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const recordedAt = row.recorded_at.toISOString();
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: { ...row.metadata, recordedAt },
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    recordedAt,
    provinceCode: row.province_code,
    regionCode: row.region_code,
  };
}
