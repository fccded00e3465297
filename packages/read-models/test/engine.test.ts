import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { count, dump, eventually, quietLogger } from './helpers';

let db: TestDatabase;
let store: EventStore;
beforeAll(async () => {
  db = await createTestDatabase({ max: 12 });
  store = new EventStore(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

describe('feed path', () => {
  it('projects every event, partitions by province, per-province workers match the whole-feed rebuild', async () => {
    const { appended } = await generateEvents(store, {
      total: 3000,
      streamSize: 40,
      concurrency: 4,
    });
    const ac = new AbortController();
    // audit_log per province (+ '00' national), opd_tree over the whole feed.
    const provinces = ['11', '12', '13', '14', '15', '16', '17', '18', '31', '35', '00'];
    const runs = Promise.all([
      runProjection({
        sql: db.sql,
        store,
        projection: auditLogProjection,
        partitions: provinces,
        batchSize: 300,
        signal: ac.signal,
        logger: quietLogger,
        pollIntervalMs: 100,
      }),
      runProjection({
        sql: db.sql,
        store,
        projection: opdTreeProjection,
        batchSize: 300,
        signal: ac.signal,
        logger: quietLogger,
        pollIntervalMs: 100,
      }),
    ]);
    await eventually(
      async () => (await count(db.sql, 'rm_audit_log')) === appended,
      30_000,
      'audit_log complete',
    );
    await eventually(
      async () => (await projectionStatus(db.sql)).every((s) => s.lag === 0),
      30_000,
      'lag 0',
    );
    ac.abort();
    const [audit, tree] = await runs;
    expect(audit.partitions.map((p) => p.reason)).toEqual(provinces.map(() => 'aborted'));
    expect(tree.partitions[0]?.reason).toBe('aborted');

    // Partitions exist per province; national events sit in '00'.
    expect(await count(db.sql, 'rm_audit_log_v1_p00')).toBe(
      await count(db.sql, 'rm_audit_log', `province_code = '00'`),
    );
    expect(await count(db.sql, 'rm_audit_log_v1_p00')).toBeGreaterThan(0);
    const status = await projectionStatus(db.sql);
    expect(
      status
        .filter((s) => s.name === 'audit_log')
        .map((s) => s.partition)
        .sort(),
    ).toEqual([...provinces].sort());

    // opd_tree numbers agree with the events.
    const [units] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from events where type = 'UnitAdded'`;
    const [sumUnits] = await db.sql<
      { n: number }[]
    >`select coalesce(sum(units_count), 0)::int as n from rm_opd_tree_opds`;
    expect(sumUnits?.n).toBe(units?.n);

    // Rebuild both; the new versions equal the incrementally built ones row for row.
    const before = {
      audit: await dump(db.sql, 'rm_audit_log_v1', 'global_position'),
      opds: await dump(db.sql, 'rm_opd_tree_opds_v1', 'province_code, opd_id'),
      regions: await dump(db.sql, 'rm_opd_tree_regions_v1', 'province_code, code'),
    };
    const ra = await rebuildProjection(db.sql, store, 'audit_log', {
      logger: quietLogger,
      batchSize: 700,
    });
    const rt = await rebuildProjection(db.sql, store, 'opd_tree', {
      logger: quietLogger,
      batchSize: 700,
    });
    expect([ra.version, rt.version]).toEqual([2, 2]);
    expect(await dump(db.sql, 'rm_audit_log_v2', 'global_position')).toEqual(before.audit);
    expect(await dump(db.sql, 'rm_opd_tree_opds_v2', 'province_code, opd_id')).toEqual(before.opds);
    expect(await dump(db.sql, 'rm_opd_tree_regions_v2', 'province_code, code')).toEqual(
      before.regions,
    );
    const versions =
      await db.sql`select name, version, status from projection_versions order by name, version`;
    expect(versions.map((v) => `${v.name}:${v.version}:${v.status}`)).toEqual([
      'audit_log:1:retired',
      'audit_log:2:active',
      'opd_tree:1:retired',
      'opd_tree:2:active',
    ]);
  }, 60_000);
});
