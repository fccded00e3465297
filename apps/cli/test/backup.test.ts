import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, opdUseCases, systemActor } from '@sakip/application';
import { connect } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { TEST_SERVER_URL } from '@sakip/testing';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const names = [
  `sakip_backup_src_${Date.now().toString(36)}`,
  `sakip_backup_dst_${Date.now().toString(36)}`,
];
const urlOf = (name: string) =>
  Object.assign(new URL(TEST_SERVER_URL), { pathname: `/${name}` }).toString();
const sakip = (url: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    env: { ...process.env, DATABASE_URL: url },
  });

afterAll(async () => {
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  for (const n of names) await admin.unsafe(`drop database if exists "${n}" with (force)`);
  await admin.end();
});

describe('backup and restore drill', () => {
  it('restores the event store exactly into an empty database, and it keeps working', async () => {
    const [src, dst] = names.map(urlOf) as [string, string];
    await sakip(src, 'db', 'migrate');
    await sakip(src, 'demo', 'seed');
    await sakip(src, 'projections', 'rebuild');
    const file = join(await mkdtemp(join(tmpdir(), 'sakip-backup-')), 'store.dump');
    expect((await sakip(src, 'backup', '--out', file)).stdout).toMatch(/backup .*: \d+ events/);
    expect((await sakip(dst, 'restore', '--from', file)).stdout).toMatch(/restored \d+ events/);

    const a = connect(src, { max: 1 });
    const b = connect(dst, { max: 1 });
    try {
      const dump = (sql: typeof a) =>
        sql`select global_position, stream_id, stream_version, event_id, type, data, metadata from events order by global_position`;
      const [before, after] = await Promise.all([dump(a), dump(b)]);
      expect(after.length).toBeGreaterThan(100);
      expect(after).toEqual(before);
      // The restored database has no read models until they are rebuilt from the store; then they equal the source's.
      await expect(b`select 1 from rm_audit_log limit 1`).rejects.toThrow();
      expect((await sakip(dst, 'projections', 'rebuild')).stdout).toMatch(/audit_log: v- → v1/);
      const models = async (sql: typeof a) => ({
        audit: await sql`select * from rm_audit_log order by global_position`,
        opds: await sql`select * from rm_opd_tree_opds order by opd_id`,
        regions: await sql`select * from rm_opd_tree_regions order by code`,
      });
      const [m1, m2] = await Promise.all([models(a), models(b)]);
      expect(m2.audit.length).toBe(before.length);
      expect(m2).toEqual(m1);
      // The restored store still guards itself and takes new events after the old head.
      await expect(b`delete from events`).rejects.toThrow(/immutable/);
      const r = await new CommandExecutor(new EventStore(b)).execute(
        opdUseCases.registerOpd,
        { regionCode: '18.04', code: 'DINKES', name: 'Dinas Kesehatan' },
        { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
      );
      expect(r.globalPositions[0]).toBeGreaterThan(Number(before.at(-1)!.global_position));
      await expect(sakip(dst, 'restore', '--from', file)).rejects.toMatchObject({
        stderr: expect.stringContaining('already has events'),
      });
    } finally {
      await a.end();
      await b.end();
    }
  }, 180_000);
});
