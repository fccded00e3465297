import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore } from '@sakip/event-store';
import {
  auditLogProjection,
  opdTreeProjection,
  projectionStatus,
  rebuildProjection,
  runProjection,
} from '../src';
import { generateEvents } from '../src/testing';
import { appendRaw, count, dump, eventually, quietLogger, recordingLogger } from './helpers';

let db: TestDatabase;
let store: EventStore;
beforeAll(async () => {
  db = await createTestDatabase({ max: 12 });
  store = new EventStore(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

const opd = (id: string, name: string) => ({
  type: 'OpdRegistered',
  data: { opdId: id, regionCode: '18.04', provinceCode: '18', code: id, name },
});

describe('poison events', () => {
  it("policy 'skip': dead-lettered with the error, logged, the projector goes on", async () => {
    await appendRaw(store, 'opd-A', 0, [opd('A', 'Dinas A')]);
    await appendRaw(store, 'opd-BAD', 0, [
      { type: 'OpdRegistered', data: { opdId: 'BAD', regionCode: '18.04', code: 'X' } },
    ]); // no name
    await appendRaw(store, 'opd-B', 0, [
      opd('B', 'Dinas B'),
      {
        type: 'UnitAdded',
        data: { opdId: 'B', code: 'U1', name: 'Bidang', kind: 'bidang', parentCode: null },
      },
    ]);
    const logger = recordingLogger();
    const r = await runProjection({
      sql: db.sql,
      store,
      projection: opdTreeProjection,
      policy: 'skip',
      untilCaughtUp: true,
      logger,
      batchSize: 100,
    });
    expect(r.partitions[0]?.reason).toBe('caught_up');
    expect(
      await dump(db.sql, 'rm_opd_tree_opds', 'opd_id').then((rows) =>
        rows.map((j) => (JSON.parse(j) as { opd_id: string }).opd_id),
      ),
    ).toEqual(['A', 'B']);
    const dl =
      await db.sql`select type, error, status from projection_dead_letters where name = 'opd_tree'`;
    expect(dl).toHaveLength(1);
    // Refused by the engine's schema parse, before the projection sees it, naming the fields.
    expect(dl[0]?.error).toMatch(/OpdRegistered v1 event data does not match its schema/);
    expect(dl[0]?.error).toMatch(/data\.provinceCode: .*data\.name: /);
    expect(dl[0]?.status).toBe('skipped');
    expect(logger.lines.some((l) => l.level === 'error' && /SKIPPED/.test(l.msg))).toBe(true);
    const s = (await projectionStatus(db.sql)).find((x) => x.name === 'opd_tree');
    expect(s).toMatchObject({ state: 'running', deadLetters: 1, lag: 0 });
  });

  it("policy 'stop': dead-lettered, the projection stops before it and status shows it", async () => {
    const logger = recordingLogger();
    // audit_log is fresh: a dedicated projection whose apply rejects one event.
    const strict = {
      ...auditLogProjection,
      name: 'audit_strict',
      handles: ['UserDisabled'],
      tables: ['audit_strict'],
      partitionedTables: ['audit_strict'],
      setup: (tx: Parameters<typeof auditLogProjection.setup>[0], t: Record<string, string>) =>
        auditLogProjection.setup(tx, { audit_log: t.audit_strict ?? '' }),
      apply: async (
        tx: Parameters<typeof auditLogProjection.apply>[0],
        e: Parameters<typeof auditLogProjection.apply>[1],
        t: Record<string, string>,
      ) => {
        if (e.type === 'UserDisabled' && e.data.username === 'poison')
          throw new Error('cannot project Poison');
        await auditLogProjection.apply(tx, e, { audit_log: t.audit_strict ?? '' });
      },
      applyBatch: undefined,
    };
    const [poisonPos] = await appendRaw(store, 'p-1', 0, [
      { type: 'UserDisabled', data: { username: 'poison', reason: 'test' } },
    ]);
    await appendRaw(store, 'p-2', 0, [
      { type: 'UserDisabled', data: { username: 'fine', reason: 'test' } },
    ]);
    const r = await runProjection({
      sql: db.sql,
      store,
      projection: strict,
      policy: 'stop',
      untilCaughtUp: true,
      logger,
      batchSize: 100,
    });
    expect(r.partitions[0]?.reason).toBe('stopped');
    expect(r.partitions[0]?.error).toMatch(/cannot project Poison/);
    const s = (await projectionStatus(db.sql)).find((x) => x.name === 'audit_strict');
    expect(s?.state).toBe('stopped');
    expect(s?.lastError).toMatch(/cannot project Poison/);
    expect(s?.deadLetters).toBe(1);
    expect(s?.position).toBeLessThan(poisonPos ?? 0);
    expect(s?.lag).toBeGreaterThan(0);
    const [dl] =
      await db.sql`select status, global_position from projection_dead_letters where name = 'audit_strict'`;
    expect(dl).toMatchObject({ status: 'blocking', global_position: poisonPos });
    expect(logger.lines.some((l) => l.level === 'error' && /STOPPED/.test(l.msg))).toBe(true);
    // Restarting retries the poison event and stops again (never silently passes it).
    const again = await runProjection({
      sql: db.sql,
      store,
      projection: strict,
      policy: 'stop',
      untilCaughtUp: true,
      logger: quietLogger,
    });
    expect(again.partitions[0]?.reason).toBe('stopped');
  });
});

describe('concurrency', () => {
  it('concurrent writers and a long open transaction: no event skipped', async () => {
    const before = await store.headPosition();
    const ac = new AbortController();
    const run = runProjection({
      sql: db.sql,
      store,
      projection: auditLogProjection,
      // The malformed OpdRegistered of the first test does not parse: dead-lettered, skipped.
      policy: 'skip',
      batchSize: 200,
      signal: ac.signal,
      logger: quietLogger,
      pollIntervalMs: 50,
    });
    // Stopped and awaited when the test ends, even when it fails, before afterAll ends the pool.
    let slow: Promise<unknown> = Promise.resolve();
    onTestFinished(async () => {
      ac.abort();
      await Promise.allSettled([run, slow]);
    });
    // A writer holds a transaction open (its positions are low) while others append and commit.
    slow = db.sql.begin(async (tx) => {
      await new EventStore(tx).append({
        streamId: 'slow-1',
        streamType: 'test',
        expectedVersion: 0,
        events: [{ type: 'UserDisabled', data: { username: 'slow', reason: 'slow writer' } }],
        metadata: {
          actor: { userId: 'u', role: 'r', scope: { level: 'national', code: 'ID' } },
          commandId: crypto.randomUUID(),
          correlationId: 'c',
          causationId: 'c',
          provinceCode: '18',
          regionCode: null,
        },
        payload: { slow: 1 },
      });
      await new Promise((r) => setTimeout(r, 1500));
    });
    const { appended } = await generateEvents(store, {
      total: 2000,
      streamSize: 20,
      concurrency: 4,
      tag: 'conc',
    });
    await slow;
    const total = (await store.headPosition()) - before;
    expect(total).toBe(appended + 1);
    const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from events`;
    await eventually(
      async () => (await count(db.sql, 'rm_audit_log')) === (all?.n ?? 0) - 1,
      20_000,
      'all events projected',
    );
    ac.abort();
    await run;
    expect(await count(db.sql, 'rm_audit_log', `stream_id = 'slow-1'`)).toBe(1);
    expect(await count(db.sql, 'projection_dead_letters', `name = 'audit_log'`)).toBe(1);
  });

  it('rebuild while writes continue: the old version serves until the switch, the new one catches up and matches', async () => {
    const ac = new AbortController();
    const runner = (async () => {
      // The projector loop: restarts on the new version after the switch.
      for (;;) {
        const r = await runProjection({
          sql: db.sql,
          store,
          projection: opdTreeProjection,
          batchSize: 300,
          signal: ac.signal,
          logger: quietLogger,
          pollIntervalMs: 50,
        });
        if (!r.partitions.some((p) => p.reason === 'switched')) return r;
      }
    })();
    let writing = true;
    let writer: Promise<void> = Promise.resolve();
    // The runner and the writer run in the background: whatever happens below (a failed
    // expectation, a timeout under load), both are stopped and awaited when the test ends, so
    // none of their queries outlives the pool that afterAll ends (CONNECTION_ENDED).
    onTestFinished(async () => {
      writing = false;
      ac.abort();
      await Promise.allSettled([writer, runner]);
    });
    await generateEvents(store, { total: 3000, streamSize: 30, tag: 'rb0' });
    writer = (async () => {
      for (let i = 0; writing; i++)
        await generateEvents(store, {
          total: 300,
          streamSize: 30,
          concurrency: 2,
          tag: `rbw${i}`,
        });
    })();
    const served: number[] = [];
    const before =
      (
        await db.sql<
          { version: number }[]
        >`select version from projection_versions where name = 'opd_tree' and status = 'active'`
      )[0]?.version ?? 0;
    const result = await rebuildProjection(db.sql, store, 'opd_tree', {
      logger: quietLogger,
      batchSize: 500,
      policy: 'skip', // the malformed OpdRegistered of the first test is in the feed
      beforeSwitch: async (v) => {
        const [row] = await db.sql<
          { status: string }[]
        >`select status from projection_versions where name = 'opd_tree' and version = ${v}`;
        expect(row?.status).toBe('building');
        // The view still reads the old version, which the runner keeps updating: both counts
        // come from one statement (one snapshot), so a write between them cannot split them.
        const [both] = await db.sql.unsafe<{ view: number; old: number }[]>(
          `select (select count(*) from rm_opd_tree_opds)::int as view,
                  (select count(*) from "rm_opd_tree_opds_v${before}")::int as old`,
        );
        served.push(both!.view, both!.old);
      },
    });
    expect(result.version).toBe(before + 1);
    expect(served[0]).toBe(served[1]);
    expect(served[0]).toBeGreaterThan(0);
    writing = false;
    await writer;
    const [opdsInEvents] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from events where type = 'OpdRegistered'`;
    await eventually(
      async () => (await count(db.sql, 'rm_opd_tree_opds')) >= (opdsInEvents?.n ?? 0) - 1,
      60_000,
      'new version caught up',
    );
    await eventually(
      async () =>
        (await projectionStatus(db.sql))
          .filter((s) => s.name === 'opd_tree' && s.versionStatus === 'active')
          .every((s) => s.lag === 0),
      60_000,
      'lag 0',
    );
    ac.abort();
    await runner;
    // The incrementally continued new version equals yet another fresh rebuild.
    const fresh = await rebuildProjection(db.sql, store, 'opd_tree', {
      logger: quietLogger,
      policy: 'skip',
    });
    const dl = await count(
      db.sql,
      'projection_dead_letters',
      `name = 'opd_tree' and version = ${fresh.version}`,
    );
    expect(dl).toBe(1); // the malformed OpdRegistered of the first test
    expect(
      await dump(db.sql, `rm_opd_tree_opds_v${fresh.version}`, 'province_code, opd_id'),
    ).toEqual(await dump(db.sql, `rm_opd_tree_opds_v${result.version}`, 'province_code, opd_id'));
  }, 240_000);
});
