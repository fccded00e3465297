import type { RecordedEvent } from '@sakip/event-store';
import { provinceKey } from '../tables';
import type { Projection, TableNames, TransactionSql } from '../types';

/** Every event, one row, partitioned by province ('00' = national). */
interface AuditRow {
  province_code: string;
  global_position: number;
  event_id: string;
  recorded_at: string;
  stream_id: string;
  stream_version: number;
  type: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_scope: string | null;
  decree_number: string | null;
  region_code: string | null;
  summary: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function decreeNumber(e: RecordedEvent): string | null {
  const d = e.data;
  const info = d.info as { number?: unknown } | undefined;
  return (
    str(e.metadata.decree?.number) ??
    (e.type === 'DecreeEnacted' ? str(d.number) : null) ??
    str(info?.number)
  );
}

/** Short human summary: type plus the identifying fields the event carries. */
export function summarize(e: RecordedEvent): string {
  const d = e.data;
  let detail: string;
  switch (e.type) {
    case 'RegionRenamed':
    case 'OpdRenamed':
      detail = `${str(d.code) ?? str(d.opdId) ?? ''}: ${str(d.previousName) ?? '?'} → ${str(d.name) ?? '?'}`;
      break;
    case 'OpdMerged':
      detail = `${str(d.opdId) ?? ''} → ${str(d.intoOpdId) ?? '?'}`;
      break;
    default: {
      const info = d.info as { title?: unknown } | undefined;
      const bits = [d.code, d.opdId, d.decreeId, d.number, d.name, d.title, info?.title]
        .map(str)
        .filter((b) => b !== null);
      detail = [...new Set(bits)].join(' · ');
    }
  }
  const s = detail ? `${e.type}: ${detail}` : e.type;
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

export function auditRow(e: RecordedEvent): AuditRow {
  const actor = e.metadata.actor as RecordedEvent['metadata']['actor'] | undefined;
  return {
    province_code: provinceKey(e),
    global_position: e.globalPosition,
    event_id: e.eventId,
    recorded_at: e.recordedAt,
    stream_id: e.streamId,
    stream_version: e.streamVersion,
    type: e.type,
    actor_user_id: str(actor?.userId),
    actor_role: str(actor?.role),
    actor_scope: actor?.scope ? `${actor.scope.level}:${actor.scope.code}` : null,
    decree_number: decreeNumber(e),
    region_code: e.regionCode,
    summary: summarize(e),
  };
}

async function insertRows(tx: TransactionSql, table: string, rows: AuditRow[]): Promise<void> {
  // One statement per batch: the rows travel as one JSON parameter.
  await tx.unsafe(
    `insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::text::json)`,
    [JSON.stringify(rows)],
  );
}

export const auditLogProjection: Projection = {
  name: 'audit_log',
  version: 1,
  handles: ['*'],
  tables: ['audit_log'],
  partitionedTables: ['audit_log'],

  async setup(tx: TransactionSql, tables: TableNames) {
    const t = tables.audit_log;
    await tx.unsafe(`
      create table "${t}" (
        province_code   text not null,
        global_position bigint not null,
        event_id        uuid not null,
        recorded_at     timestamptz not null,
        stream_id       text not null,
        stream_version  bigint not null,
        type            text not null,
        actor_user_id   text,
        actor_role      text,
        actor_scope     text,
        decree_number   text,
        region_code     text,
        summary         text not null,
        primary key (province_code, global_position)
      ) partition by list (province_code)`);
  },

  async apply(tx, event, tables) {
    await insertRows(tx, tables.audit_log!, [auditRow(event)]);
  },

  async applyBatch(tx, events, tables) {
    await insertRows(tx, tables.audit_log!, events.map(auditRow));
  },
};
