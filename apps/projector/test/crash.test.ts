import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore } from '@sakip/event-store';
import { projectionStatus, rebuildProjection, type Logger } from '@sakip/read-models';
import { generateEvents } from '@sakip/read-models/testing';
import { count, dump, eventually, exited, spawnProjector } from './helpers';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ max: 8 });
});
afterAll(async () => {
  await db?.drop();
});

/** Events at or before the checkpoint of a projection (feed order), to check batches are atomic. */
async function eventsUpToCheckpoint(name: string): Promise<{ checkpointed: number; rows: number }> {
  const [c] = await db.sql<{ n: number }[]>`
    select count(*)::int as n from events e, projection_checkpoints c
     where c.name = ${name} and c.version = 1 and c.partition = '*'
       and (e.transaction_id, e.global_position) <= (c.transaction_id, c.position)`;
  return { checkpointed: c?.n ?? 0, rows: await count(db.sql, 'rm_audit_log_v1') };
}

describe('projector process', () => {
  it('SIGKILL mid-run over 20,000 events, restart: read models equal a fresh rebuild row for row', async () => {
    const store = new EventStore(db.sql);
    const { appended } = await generateEvents(store, {
      total: 20_000,
      streamSize: 100,
      concurrency: 4,
    });
    expect(appended).toBe(20_000);
    // The test compares audit_log; the other projections only slow the child process down.
    const env = {
      DATABASE_URL: db.url,
      PROJECTOR_BATCH_SIZE: '400',
      DATABASE_POOL_MAX: '4',
      PROJECTOR_PROJECTIONS: 'audit_log,opd_tree',
    };

    const first = spawnProjector(env);
    await eventually(
      async () => (await count(db.sql, 'rm_audit_log_v1')) >= 4000,
      90_000,
      'first rows',
      5,
    ).catch((err: Error) => {
      first.kill('SIGKILL');
      throw new Error(`${err.message}\n${first.output()}`);
    });
    first.kill('SIGKILL');
    expect((await exited(first)).signal).toBe('SIGKILL');
    // Whatever was in flight was rolled back with its checkpoint: rows = events up to the checkpoint.
    const atKill = await eventsUpToCheckpoint('audit_log');
    expect(atKill.rows).toBe(atKill.checkpointed);
    expect(atKill.rows).toBeLessThan(appended);

    const second = spawnProjector(env);
    try {
      await eventually(
        async () => {
          const s = await projectionStatus(db.sql);
          return (
            s.length >= 2 &&
            s.every((r) => r.lag === 0) &&
            (await count(db.sql, 'rm_audit_log')) === appended
          );
        },
        60_000,
        'caught up after restart',
      );
    } finally {
      second.kill('SIGTERM');
    }
    const end = await exited(second);
    expect(end, second.output()).toEqual({ code: 0, signal: null });

    const v1 = {
      audit: await dump(db.sql, 'rm_audit_log_v1', 'global_position'),
      opds: await dump(db.sql, 'rm_opd_tree_opds_v1', 'province_code, opd_id'),
      regions: await dump(db.sql, 'rm_opd_tree_regions_v1', 'province_code, code'),
    };
    expect(v1.audit).toHaveLength(appended);
    await rebuildProjection(db.sql, store, 'audit_log', { logger: quiet });
    await rebuildProjection(db.sql, store, 'opd_tree', { logger: quiet });
    expect(await dump(db.sql, 'rm_audit_log_v2', 'global_position')).toEqual(v1.audit);
    expect(await dump(db.sql, 'rm_opd_tree_opds_v2', 'province_code, opd_id')).toEqual(v1.opds);
    expect(await dump(db.sql, 'rm_opd_tree_regions_v2', 'province_code, code')).toEqual(v1.regions);
    expect(await count(db.sql, 'projection_dead_letters')).toBe(0);
  }, 120_000);
});
