import type { RecordedEvent } from '@sakip/event-store';
import { provinceKey } from '../tables';
import type { ProjectedEvent, Projection, TableNames, TransactionSql } from '../types';

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

const decreeInfo = (e: ProjectedEvent) =>
  e.type === 'DecreeDrafted' || e.type === 'DecreeEdited' ? e.data.info : null;

function decreeNumber(e: ProjectedEvent): string | null {
  return (
    str(e.metadata.decree?.number) ??
    (e.type === 'DecreeEnacted' ? str(e.data.number) : null) ??
    str(decreeInfo(e)?.number)
  );
}

/** Short human summary: type plus the identifying fields the event carries. */
export function summarize(e: ProjectedEvent): string {
  let detail: string;
  switch (e.type) {
    case 'RegionRenamed':
      detail = `${e.data.code}: ${str(e.data.previousName) ?? '?'} → ${str(e.data.name) ?? '?'}`;
      break;
    case 'OpdRenamed':
      detail = `${e.data.opdId}: ${str(e.data.previousName) ?? '?'} → ${str(e.data.name) ?? '?'}`;
      break;
    case 'OpdMerged':
      detail = `${e.data.opdId} → ${str(e.data.intoOpdId) ?? '?'}`;
      break;
    default: {
      // Every other type alike, by the identifying field names it happens to carry.
      const d: Readonly<Record<string, unknown>> = { ...e.data };
      const bits = [d.code, d.opdId, d.decreeId, d.number, d.name, d.title, decreeInfo(e)?.title]
        .map(str)
        .filter((b) => b !== null);
      detail = [...new Set(bits)].join(' · ');
    }
  }
  const s = detail ? `${e.type}: ${detail}` : e.type;
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

export function auditRow(e: ProjectedEvent): AuditRow {
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
