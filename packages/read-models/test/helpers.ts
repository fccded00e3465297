import { randomUUID } from 'node:crypto';
import type { Sql } from '@sakip/db';
import type { EventMetadata, EventStore, NewEvent } from '@sakip/event-store';
import type { Logger } from '../src';

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Logger that records lines (to assert poison events are reported loudly). */
export function recordingLogger(): Logger & {
  lines: { level: string; msg: string; obj: Record<string, unknown> }[];
} {
  const lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj }),
  };
}

export function meta(provinceCode: string | null, regionCode: string | null = null): EventMetadata {
  const commandId = randomUUID();
  return {
    actor: {
      userId: 'tester',
      role: 'province_admin',
      scope: { level: 'province', code: provinceCode ?? 'ID' },
    },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    provinceCode,
    regionCode,
    decree: null,
  };
}

export async function appendRaw(
  store: EventStore,
  streamId: string,
  expectedVersion: number,
  events: NewEvent[],
  provinceCode: string | null = '18',
): Promise<number[]> {
  const m = meta(provinceCode);
  const r = await store.append({
    streamId,
    streamType: 'test',
    expectedVersion,
    events,
    metadata: m,
    payload: { id: m.commandId },
  });
  return r.globalPositions;
}

/** Polls until `check` returns true (the feed waits for the cluster-wide xmin, so never assume). */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function count(sql: Sql, table: string, where = 'true'): Promise<number> {
  const [r] = await sql.unsafe<{ n: number }[]>(
    `select count(*)::int as n from "${table}" where ${where}`,
  );
  return r?.n ?? 0;
}

/** All rows of a table in a stable order, as JSON text per row (row-for-row comparison). */
export async function dump(sql: Sql, table: string, orderBy: string): Promise<string[]> {
  const rows = await sql.unsafe<{ j: string }[]>(
    `select row_to_json(t)::text as j from "${table}" t order by ${orderBy}`,
  );
  return rows.map((r) => r.j);
}
