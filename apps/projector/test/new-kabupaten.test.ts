import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandExecutor, opdUseCases, regionUseCases, systemActor } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { eventually, exited, spawnProjector } from './helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const ctx = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

describe('runbook: adding a kabupaten to a running province', () => {
  it('shows the new kabupaten and its OPD in the province read models without a restart', async () => {
    const executor = new CommandExecutor(new EventStore(db.sql));
    await executor.execute(
      regionUseCases.registerRegion,
      { code: '18', name: 'Lampung', codeEdition: 'x' },
      ctx(),
    );
    await executor.execute(
      regionUseCases.registerRegion,
      { code: '18.04', name: 'Kabupaten Lampung Barat', codeEdition: 'x' },
      ctx(),
    );
    // A projector limited to province 18, as a province deployment runs it.
    const projector = spawnProjector({
      DATABASE_URL: db.url,
      PROJECTOR_PROVINCES: '18',
      PROJECTOR_PROJECTIONS: 'opd_tree,audit_log',
    });
    try {
      await eventually(
        async () =>
          (await db.sql`select 1 from rm_opd_tree_regions where code = '18.04'`.catch(() => []))
            .length === 1,
        60_000,
        'existing kabupaten projected',
      );
      // The new kabupaten (Pesisir Barat, 18.13) and its first OPD, while the projector runs.
      await executor.execute(
        regionUseCases.registerRegion,
        { code: '18.13', name: 'Kabupaten Pesisir Barat', codeEdition: 'x' },
        ctx(),
      );
      await executor.execute(
        opdUseCases.registerOpd,
        { regionCode: '18.13', code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' },
        ctx(),
      );
      await eventually(
        async () =>
          (await db.sql`select 1 from rm_opd_tree_opds where opd_id = '18.13-BAPPEDA'`).length ===
          1,
        30_000,
        'new OPD projected',
      );
      // audit_log is a separate projection with its own checkpoint: it may lag opd_tree.
      const auditRows = async () =>
        (
          await db.sql<
            { n: number }[]
          >`select count(*)::int as n from rm_audit_log where region_code = '18.13'`
        )[0]!.n;
      await eventually(async () => (await auditRows()) >= 2, 30_000, 'audit log of 18.13');
      expect(await auditRows()).toBe(2);
    } finally {
      projector.kill('SIGTERM');
      expect((await exited(projector)).code).toBe(0);
    }
  }, 120_000);
});
