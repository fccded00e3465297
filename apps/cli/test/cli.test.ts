import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticate, PlanQueries, StateLoader } from '@sakip/application';
import { connect } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { opdDecider, opdStreamId, regionDecider, regionStreamId } from '@sakip/domain';
import { TEST_SERVER_URL } from '@sakip/testing';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/commands/demo-seed';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
// The CLI must create this database itself, as `npm start` does on a fresh machine.
const dbName = `sakip_cli_test_${Date.now().toString(36)}`;
const url = Object.assign(new URL(TEST_SERVER_URL), { pathname: `/${dbName}` }).toString();
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
const sakip = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: cliDir, env });

afterAll(async () => {
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});

describe('sakip CLI', () => {
  it('creates and migrates the database, then seeds the demo data idempotently', async () => {
    expect((await sakip('db', 'migrate')).stdout).toMatch(
      /database created[\s\S]*migrations applied: 0001_init.sql, 0002_event_store.sql/,
    );
    expect((await sakip('db', 'migrate')).stdout).toContain('up to date');

    const first = await sakip('demo', 'seed');
    expect(first.stdout).toContain('sk-lampung-barat-050-18-2023.xlsx: sk: 167 baris');
    expect(first.stdout).toMatch(/demo data: \d+ commands written, 0 already present/);
    const sql = connect(url, { max: 2 });
    try {
      const count = async () =>
        (await sql<{ n: number }[]>`select count(*)::int as n from events`)[0]!.n;
      const before = await count();
      const second = await sakip('demo', 'seed');
      expect(second.stdout).toMatch(/demo data: 0 commands written, \d+ already present/);
      expect(await count()).toBe(before);

      const loader = new StateLoader(new EventStore(sql));
      const region = await loader.load(regionDecider, regionStreamId('18.71'));
      expect(region.state).toMatchObject({ registered: true, name: 'Kota Bandar Lampung' });
      const gresik = await loader.load(regionDecider, regionStreamId('35.25'));
      expect(gresik.state.name).toBe('Kabupaten Gresik');
      const opd = await loader.load(opdDecider, opdStreamId('18.04-DISKOPERINDAG'));
      expect(opd.state.status).toBe('active');
      expect(Object.keys(opd.state.positions)).toContain('KADIS');
      expect(Object.keys(opd.state.units)).toContain('SEKRETARIAT');
      const plans = new PlanQueries(new EventStore(sql));
      expect(
        Object.keys((await plans.snapshot('18.04-DISKOPERINDAG', {}))!.indicators),
      ).toHaveLength(77);
      expect((await plans.decrees('18.71-DISKOPUKM')).map((d) => d.kind)).toEqual([
        'penetapan',
        'perubahan',
      ]);
      for (const u of DEMO_USERS) {
        await expect(authenticate(loader, u.username, DEMO_PASSWORD)).resolves.toMatchObject({
          bindings: [u.binding],
        });
      }

      const added = await sakip(
        'user',
        'add',
        '--username',
        'op.dinkes',
        '--name',
        'Operator Dinkes',
        '--role',
        'viewer',
        '--scope',
        '18.04',
        '--password',
        'rahasia-baru-1',
      );
      expect(added.stdout).toContain('user op.dinkes added');
      await expect(authenticate(loader, 'op.dinkes', 'rahasia-baru-1')).resolves.toMatchObject({
        userId: 'op.dinkes',
      });
    } finally {
      await sql.end();
    }
  }, 120_000);

  it('refuses bad input naming the field, and writes nothing', async () => {
    const err = await sakip(
      'user',
      'add',
      '--username',
      'X',
      '--name',
      'x',
      '--role',
      'viewer',
      '--scope',
      '18.04',
      '--password',
      'short',
    ).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toMatch(/username:[\s\S]*password:/);
  }, 60_000);

  it('imports a file all or nothing, reporting each problem with sheet, row and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sakip-import-'));
    const file = join(dir, 'organisasi-unit.csv');
    await writeFile(
      file,
      '#template: organisasi/Unit\nid_opd;kode_unit;nama;jenis;kode_induk\n18.04-DISKOPERINDAG;UPT-PASAR;UPT Pasar Liwa;upt;\n18.04-DISKOPERINDAG;UPT-X;UPT X;gudang;\n18.04-DISKOPERINDAG;UPT-Y;UPT Y;upt;TIDAK-ADA\n',
    );
    const bad = await sakip('import', file).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stdout: string }).stdout).toMatch(
      /masalah; tidak ada yang ditulis[\s\S]*Unit!4 \[jenis\][\s\S]*/,
    );
    await writeFile(
      file,
      '#template: organisasi/Unit\nid_opd;kode_unit;nama;jenis;kode_induk\n18.04-DISKOPERINDAG;UPT-PASAR;UPT Pasar Liwa;upt;\n',
    );
    expect((await sakip('import', file, '--dry-run')).stdout).toContain('dry run OK');
    const done = await sakip('import', file);
    expect(done.stdout).toContain('1 events in 1 streams');
    expect(done.stderr).toMatch(/100%/);
    expect((await sakip('import', file)).stdout).toContain('unchanged');
  }, 60_000);
  it('exports a template; importing the export again is unchanged; a dry run lists the changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sakip-export-'));
    const opd = '18.04-DISKOPERINDAG';
    const exported = await sakip('export', 'serapan', '--opd', opd, '--year', '2024', '--out', dir);
    expect(exported.stdout).toMatch(/serapan-18\.04-DISKOPERINDAG-2024\.xlsx: 16 baris/);
    const file = join(dir, 'serapan-18.04-DISKOPERINDAG-2024.xlsx');
    const again = await sakip('import', file, '--dry-run');
    expect(again.stdout).toContain(
      '0 ditambah / added, 0 diubah / changed, 16 tetap / unchanged, 0 dihapus / removed',
    );
    const one = join(dir, 'serapan-satu.csv');
    await writeFile(
      one,
      `id_opd;tahun;periode;kode_program;kode_kegiatan;kode_sub_kegiatan;realisasi\n${opd};2024;TW1;SAS-49;;;80.000.000\n`,
    );
    const dry = await sakip('import', one, '--dry-run');
    expect(dry.stdout).toContain('0 ditambah / added, 1 diubah / changed');
    expect(dry.stdout).toContain(
      `~ Serapan!2 ${opd} · 2024 · TW1 · SAS-49: realisasi: 75300000 → 80000000`,
    );
    const replace = await sakip('import', one, '--dry-run', '--replace-period');
    expect(replace.stdout).toContain('3 dihapus / removed');
    expect(replace.stdout).toContain('replacing whole periods');
  }, 120_000);
});

describe('sakip report lkjip', () => {
  it('renders the seed OPD’s 2024 LKjIP as DOCX and PDF into a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sakip-report-'));
    const { stdout } = await sakip(
      'report',
      'lkjip',
      '--opd',
      '18.04-DISKOPERINDAG',
      '--year',
      '2024',
      '--out',
      dir,
    );
    expect(stdout).toMatch(
      /LKjIP 18\.04-DISKOPERINDAG 2024 @ posisi \/ position \d+ \(SK: 050\/18\/KPTS\/III\.06\/1\/2023\)/,
    );
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    const pdf = await readFile(
      join(
        dir,
        files.find((f) => f.endsWith('.pdf'))!,
      ),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await sakip(
      'report',
      'lkjip',
      '--opd',
      '18.04-DISKOPERINDAG',
      '--year',
      '20x4',
      '--out',
      dir,
    ).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('year') });
  }, 120_000);
});

describe('sakip projections', () => {
  it('rebuilds the read models from the store and reports their status', async () => {
    const rebuilt = await sakip('projections', 'rebuild');
    expect(rebuilt.stdout).toMatch(/audit_log: v- → v1, \d+ peristiwa/);
    expect(rebuilt.stdout).toMatch(/opd_tree: v- → v1/);
    const status = await sakip('projections', 'status');
    expect(status.stdout).toMatch(/audit_log v1 \[active\]/);
    expect(status.stdout).toMatch(/dead letters 0/);
    const again = await sakip('projections', 'rebuild', 'opd_tree');
    expect(again.stdout).toMatch(/opd_tree: v1 → v2/);
    const bad = await sakip('projections', 'rebuild', 'tidak_ada').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown projection') });
    const sql = connect(url, { max: 1 });
    try {
      const [tree] = await sql<{ n: number }[]>`select count(*)::int as n from rm_opd_tree_opds`;
      expect(tree!.n).toBeGreaterThanOrEqual(3);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
