import { EVENT_COLUMNS, type EventRow, type Queryable } from './rows';
import type { FeedCheckpoint } from './types';

/*
 * Gap-safe global feed. global_position is taken at INSERT time but becomes visible at COMMIT,
 * so a reader going by position alone could pass over a slow transaction's events forever.
 * Instead we order by (transaction_id, global_position) and only read transactions below the
 * snapshot's xmin: every transaction there has finished, so nothing can appear behind the
 * checkpoint later.
 */

const START: FeedCheckpoint = { transactionId: '0', position: 0 };

// ORDER BY names events.* explicitly: the select list aliases transaction_id::text as
// transaction_id, and ordering by that text alias would seq-scan and sort the whole remainder.

export async function readFeedRows(
  sql: Queryable,
  after: FeedCheckpoint | null,
  limit: number,
  provinceCodes?: string[],
): Promise<EventRow[]> {
  const from = after ?? START;
  const snapshot = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';
  const afterCheckpoint = '(transaction_id, global_position) > ($1::xid8, $2::bigint)';
  if (provinceCodes?.length === 1) {
    // One province (a projector partition): equality plus this ORDER BY walks
    // events_province_feed_idx in order and stops at LIMIT, whatever the table statistics say.
    return sql.unsafe<EventRow[]>(
      `select ${EVENT_COLUMNS} from events
        where province_code = $4 and ${snapshot} and ${afterCheckpoint}
        order by events.province_code, events.transaction_id, events.global_position
        limit $3`,
      [from.transactionId, from.position, limit, provinceCodes[0] ?? null],
    );
  }
  const byProvince = provinceCodes !== undefined;
  return sql.unsafe<EventRow[]>(
    `select ${EVENT_COLUMNS} from events
      where ${snapshot} and ${afterCheckpoint}
        ${byProvince ? 'and province_code = any($4::text[])' : ''}
      order by events.transaction_id, events.global_position
      limit $3`,
    byProvince
      ? [from.transactionId, from.position, limit, provinceCodes]
      : [from.transactionId, from.position, limit],
  );
}

/** Events already readable but after the checkpoint. Exact count over the feed index. */
export async function countFeedLag(sql: Queryable, after: FeedCheckpoint | null): Promise<number> {
  const from = after ?? START;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::bigint as n from events
     where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       and (transaction_id, global_position) > (${from.transactionId}::xid8, ${from.position}::bigint)`;
  return row?.n ?? 0;
}
