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
export const EVENT_COLUMNS = `global_position, transaction_id::text as transaction_id, stream_id, stream_version,
  event_id, type, schema_version, data, metadata, recorded_at, province_code, region_code`;

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
