// End-to-end journeys against a real stack: fresh PostgreSQL database seeded by the CLI (plus one
// LKjIP rendered by the CLI), the API process (its own report queue prefix in Redis), the built
// admin served by src/server/serve.ts, driven by Debian Chromium.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { comparisonProjection, runProjection } from '@sakip/read-models';
import {
  createTestDatabase,
  dropRedisPrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@sakip/testing';
import { startServer } from '../../src/server/serve';

const run = promisify(execFile);
const adminDir = fileURLToPath(new URL('../..', import.meta.url));
const repo = join(adminDir, '../..');
// Tests never change tracked files: screenshots go to a scratch directory unless asked to
// refresh the ones in docs/ (SAKIP_UPDATE_SCREENSHOTS=1).
const updateDocs = process.env.SAKIP_UPDATE_SCREENSHOTS === '1';
const shots = updateDocs
  ? join(repo, 'docs/screenshots')
  : join(tmpdir(), `sakip-e2e-shots-${randomUUID().slice(0, 8)}`);
const CHROMIUM = '/usr/bin/chromium';
const OPD = '18.04-DISKOPERINDAG';
const PASSWORD = 'sakip-demo-2026';

let db: TestDatabase;
let apiProc: ChildProcess;
let admin: { server: Server; url: string };
let browser: Browser;
let storageDir: string;
let reportOutDir: string;
// Test jobs must not leak into a shared Redis: a unique BullMQ prefix, obliterated at the end.
const queuePrefix = `test-e2e-admin-${randomUUID().slice(0, 8)}`;
const timings: Record<string, number> = {};

function startApi(env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(repo, 'apps/api'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    const timer = setTimeout(() => fail(new Error(`API did not start:\n${buf}`)), 60_000);
    proc.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      for (const line of buf.split('\n')) {
        if (line.includes('"sakip api listening"')) {
          clearTimeout(timer);
          ok({ proc, url: (JSON.parse(line) as { url: string }).url });
        }
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (buf += c.toString()));
    proc.on('exit', (code) => fail(new Error(`API exited ${code}:\n${buf}`)));
  });
}

beforeAll(async () => {
  const t0 = Date.now();
  if (!existsSync(CHROMIUM))
    throw new Error('Debian Chromium missing: apt-get install -y chromium');
  await mkdir(shots, { recursive: true });
  db = await createTestDatabase();
  storageDir = await mkdtemp(join(tmpdir(), 'sakip-admin-storage-'));
  reportOutDir = await mkdtemp(join(tmpdir(), 'sakip-admin-lkjip-'));
  // The CLI and the API share the database and the storage directory (absolute, so both agree).
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    PORT: '0',
    STORAGE_DIR: storageDir,
    REPORT_QUEUE_PREFIX: queuePrefix,
  };
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: join(repo, 'apps/cli'),
      env: { ...env, LOG_LEVEL: 'silent' },
    });
  // Seed (CLI, as `npm start` does) then render one LKjIP, while the admin builds.
  await Promise.all([
    (async () => {
      await cli(['demo', 'seed']);
      timings.seed = Date.now() - t0;
      await cli(['report', 'lkjip', '--opd', OPD, '--year', '2024', '--out', reportOutDir]);
      timings.cliReport = Date.now() - t0 - timings.seed;
    })(),
    run(
      process.execPath,
      [join(adminDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: adminDir },
    ).then(() => (timings.build = Date.now() - t0)),
  ]);
  timings.seedReportAndBuild = Date.now() - t0;
  const api = await startApi(env);
  apiProc = api.proc;
  admin = await startServer({ port: 0, apiUrl: api.url, distDir: join(adminDir, 'dist') });
  // playwright-core gives every launch a fresh temporary --user-data-dir (it refuses our own).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  timings.stackReady = Date.now() - t0;
});

afterAll(async () => {
  await browser?.close();
  apiProc?.kill('SIGTERM');
  await new Promise<void>((ok) => (admin ? admin.server.close(() => ok()) : ok()));
  await obliterateQueue().catch((err: unknown) =>
    console.warn('could not obliterate the test report queue', err),
  );
  await dropRedisPrefix(queuePrefix);
  await db?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
  if (reportOutDir) await rm(reportOutDir, { recursive: true, force: true });
  if (!updateDocs) await rm(shots, { recursive: true, force: true });
  console.log('e2e timings (ms)', timings);
});

/** Removes the API's test queue (all keys under our prefix); bullmq is resolved from the API's dependencies. */
async function obliterateQueue(): Promise<void> {
  interface QueueLike {
    obliterate(o: { force: boolean }): Promise<void>;
    close(): Promise<void>;
  }
  const fromApi = createRequire(join(repo, 'apps/api/package.json'));
  const { Queue } = (await import(fromApi.resolve('bullmq'))) as {
    Queue: new (name: string, o: { connection: { url: string }; prefix: string }) => QueueLike;
  };
  const queue = new Queue('lkjip', { connection: { url: TEST_REDIS_URL }, prefix: queuePrefix });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}

async function signIn(username: string, size = { width: 1280, height: 800 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: size, locale: 'id-ID' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', (d) => void d.accept('Indikator tidak relevan lagi'));
  // On failure, say what the page said (alerts carry the API's message and incident code).
  onTestFailed(async () => {
    if (!page.isClosed())
      await page
        .screenshot({ path: join(tmpdir(), `sakip-e2e-failed-${username}.png`), fullPage: true })
        .catch(() => {});
    if (!page.isClosed())
      console.log(
        `[${username}] ${page.url()}\n`,
        (
          await page
            .locator('.alert, .field-error')
            .allInnerTexts()
            .catch(() => [])
        ).join('\n'),
      );
  });
  await page.goto(`${admin.url}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Wilayah & OPD' }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

describe('admin e2e', () => {
  it('signs in, shows the scoped tree and the OPD page', async () => {
    const t = Date.now();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const login = await ctx.newPage();
    await login.goto(`${admin.url}/opd/${OPD}`);
    await login.getByRole('heading', { name: 'Masuk' }).waitFor();
    await login.getByLabel('Nama pengguna').fill('operator.diskoperindag');
    await login.getByLabel('Kata sandi').fill('salah-sekali');
    await login.getByRole('button', { name: 'Masuk' }).click();
    await login.getByText('Nama pengguna atau kata sandi salah').waitFor();
    await shot(login, '01-masuk');
    await ctx.close();

    const page = await signIn('operator.diskoperindag');
    await page
      .getByRole('link', { name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan' })
      .waitFor();
    // Scope: the operator sees only Lampung Barat, not Gresik or Bengkulu.
    expect(await page.getByText('Gresik').count()).toBe(0);
    await shot(page, '02-wilayah-opd');
    await page
      .getByRole('link', { name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan' })
      .click();
    await page.getByRole('heading', { name: /Indikator dan target per tahun/ }).waitFor();
    await shot(page, '03-opd');
    await page.context().close();
    timings.signIn = Date.now() - t;
  });

  it('drafts an amendment (operator), enacts it (kadis) and shows its diff', async () => {
    const t = Date.now();
    const op = await signIn('operator.diskoperindag');
    await op.goto(`${admin.url}/opd/${OPD}/sk`);
    await op.getByRole('button', { name: 'Susun SK baru' }).click();
    // Contract validation next to the field before anything is sent.
    await op.getByRole('button', { name: 'Simpan draf SK' }).click();
    await op.locator('.field-error').first().waitFor();
    await op.getByLabel('Nomor SK').fill('050/99/KPTS/III.06/2025');
    await op.getByLabel('Judul').fill('Perubahan IKU Diskoperindag 2023-2026');
    await op.getByLabel('Tempat ditetapkan').fill('Liwa');
    await op.getByLabel('Nama penanda tangan').fill('Kepala Dinas');
    await op.getByLabel('Jabatan penanda tangan').fill('Kepala Dinas Koperasi UKM');
    await op.getByLabel('NIP penanda tangan (18 angka, boleh kosong)').fill('123');
    await op.getByRole('button', { name: 'Simpan draf SK' }).click();
    await op.getByText('NIP 18 angka').waitFor();
    await op.getByLabel('NIP penanda tangan (18 angka, boleh kosong)').fill('');
    await op.getByRole('button', { name: 'Simpan draf SK' }).click();
    await op.getByRole('heading', { name: /Indikator \(lembar kerja\)/ }).waitFor();
    const editorUrl = op.url();
    await op.getByLabel('Saring indikator').fill('IKU-1');
    const cell = op.getByLabel('Target IKU-1 2025');
    await cell.fill('35');
    await op.locator('tr[data-code="IKU-1"]').getByRole('button', { name: 'Simpan baris' }).click();
    await op.getByText('Perubahan dalam draf (1)').waitFor();
    // A second change, then withdrawn again ("tarik perubahan"): the server's draft diff follows.
    await op.getByLabel('Saring indikator').fill('IKU-2');
    await op.getByLabel('Target IKU-2 2025').fill('31');
    await op.locator('tr[data-code="IKU-2"]').getByRole('button', { name: 'Simpan baris' }).click();
    await op.getByText('Perubahan dalam draf (2)').waitFor();
    await expect.poll(() => op.getByTestId('diff').innerText()).toContain('IKU-2');
    await op
      .locator('tr[data-key="indicator:IKU-2"]')
      .getByRole('button', { name: 'Tarik perubahan' })
      .click();
    await op.getByText('Perubahan dalam draf (1)').waitFor();
    await expect.poll(() => op.getByTestId('diff').innerText()).not.toContain('IKU-2');
    expect(await op.getByTestId('diff').innerText()).toContain('35');
    await op.getByLabel('Saring indikator').fill('');
    await shot(op, '04-editor-sk-draf');
    await op.context().close();

    const kadis = await signIn('kadis.diskoperindag');
    await kadis.goto(editorUrl);
    await kadis.getByRole('button', { name: 'Tetapkan SK' }).click();
    await kadis.getByText('SK telah ditetapkan.').waitFor();
    await kadis.goto(`${admin.url}/opd/${OPD}/riwayat`);
    await kadis.getByRole('heading', { name: 'Bandingkan dua SK' }).waitFor();
    const diff = kadis.getByTestId('diff');
    await diff.waitFor();
    const text = await diff.innerText();
    expect(text).toContain('IKU-1');
    expect(text).toMatch(/33[\s\S]*35/);
    await shot(kadis, '05-riwayat-sk-diff');
    await kadis.context().close();
    timings.amendment = Date.now() - t;
  });

  it('enters a realization with formula inputs (operator) and verifies it (kadis)', async () => {
    const t = Date.now();
    const op = await signIn('operator.diskoperindag');
    await op.goto(`${admin.url}/opd/${OPD}/realisasi?tahun=2024`);
    await op.getByRole('button', { name: 'IKU-1 Tahunan' }).click();
    await op.getByLabel('Jumlah koperasi sehat').fill('40');
    await op.getByLabel('Jumlah koperasi', { exact: true }).fill('120');
    await expect.poll(() => op.getByTestId('computed').innerText()).toBe('33,33');
    await op.getByLabel('Dokumen bukti').fill('Laporan RAT 2024');
    await op.getByLabel('Sumber data').fill('Bidang Koperasi');
    await op.getByRole('button', { name: 'Simpan draf' }).click();
    await op.getByText('Realisasi tersimpan sebagai draf.').waitFor();
    await op.getByRole('button', { name: 'Ajukan untuk verifikasi' }).click();
    await op.getByText('Realisasi diajukan.').waitFor();
    await shot(op, '06-realisasi');
    await op.context().close();

    const kadis = await signIn('kadis.diskoperindag');
    await kadis.goto(`${admin.url}/opd/${OPD}/verifikasi`);
    const row = kadis.locator('tr[data-key="IKU-1-2024-YEAR"]');
    await row.waitFor();
    await shot(kadis, '07-antrean-verifikasi');
    // Returning needs a reason (contract check in the page), and the operator sees it.
    await row.getByRole('button', { name: 'Kembalikan' }).click();
    await row.locator('.field-error').waitFor();
    await row.getByPlaceholder('Alasan pengembalian').fill('Lampiran RAT belum ditandatangani');
    await row.getByRole('button', { name: 'Kembalikan' }).click();
    await kadis.getByText('Dikembalikan ke operator.').waitFor();

    const op2 = await signIn('operator.diskoperindag');
    await op2.goto(`${admin.url}/opd/${OPD}/realisasi?tahun=2024`);
    await op2.getByRole('button', { name: 'IKU-1 Tahunan' }).click();
    await expect
      .poll(() => op2.getByTestId('returned-reason').innerText())
      .toContain('Lampiran RAT belum ditandatangani');
    await shot(op2, '14-realisasi-dikembalikan');
    await op2.getByLabel('Jumlah koperasi sehat').fill('40');
    await op2.getByLabel('Jumlah koperasi', { exact: true }).fill('120');
    await op2.getByLabel('Dokumen bukti').fill('Laporan RAT 2024 (ditandatangani)');
    await op2.getByLabel('Sumber data').fill('Bidang Koperasi');
    await op2.getByRole('button', { name: 'Simpan draf' }).click();
    await op2.getByText('Realisasi tersimpan sebagai draf.').waitFor();
    await op2.getByRole('button', { name: 'Ajukan untuk verifikasi' }).click();
    await op2.getByText('Realisasi diajukan.').waitFor();
    await op2.context().close();

    await kadis.reload();
    await row.waitFor();
    await kadis
      .locator('tr[data-key="IKU-1-2024-YEAR"]')
      .getByRole('button', { name: 'Verifikasi' })
      .click();
    await kadis.getByText('Terverifikasi.').first().waitFor();
    await kadis.goto(`${admin.url}/opd/${OPD}/capaian?tahun=2024`);
    const table = kadis.getByTestId('achievement');
    await expect.poll(() => table.innerText()).toContain('104,17%');
    expect(await table.innerText()).toContain('terverifikasi');
    // Each target names the document it came from (no PK signed here: the Renstra SK).
    expect(await table.getByTestId('target-source').first().innerText()).toMatch(/^Renstra SK /);
    // The imported demo values are drafts: shown beside, marked, not counted.
    expect(await table.innerText()).toContain('belum diverifikasi');
    expect(await kadis.getByTestId('pending').innerText()).toContain(
      'capaian dan predikat dihitung dari nilai terverifikasi saja',
    );
    await shot(kadis, '08-capaian-iku');
    await kadis.context().close();
    timings.realization = Date.now() - t;
  });

  it('maps a catalog indicator (province admin) and opens the comparison and status dashboards', async () => {
    const t = Date.now();
    const adm = await signIn('admin.lampung');
    await adm.goto(`${admin.url}/admin/katalog`);
    await adm.getByRole('heading', { name: 'Tambah indikator katalog' }).waitFor();
    await adm.locator('input[name="catCode"]').fill('KOP-SEHAT');
    await adm.locator('input[name="catName"]').fill('Persentase koperasi sehat');
    await adm.locator('input[name="catSatuan"]').fill('%');
    await adm.getByRole('button', { name: 'Tambah indikator katalog' }).click();
    await adm.getByRole('cell', { name: 'KOP-SEHAT' }).first().waitFor();
    await adm.locator('input[name="localCode"]').fill('IKU-1');
    await adm.getByRole('button', { name: 'Petakan', exact: true }).click();
    await adm.getByRole('button', { name: 'Hapus pemetaan' }).waitFor();
    await shot(adm, '09-katalog');

    // No projector runs in this stack: until the comparison read model is built the page says so.
    await adm.goto(`${admin.url}/perbandingan`);
    await expect
      .poll(() => adm.getByTestId('cmp-not-built').innerText(), { timeout: 20_000 })
      .toContain('Read model comparison belum dibangun');
    // Build it up to the mapping just made (as the projector would), then look again.
    const tp = Date.now();
    await runProjection({
      sql: db.sql,
      store: new EventStore(db.sql),
      projection: comparisonProjection,
      batchSize: 1000,
      untilCaughtUp: true,
      logger: { info() {}, warn() {}, error() {} },
    });
    timings.comparisonProjection = Date.now() - tp;
    await adm.reload();
    const heat = adm.getByTestId('heatmap');
    await expect.poll(() => heat.innerText(), { timeout: 20_000 }).toContain('104,17%');
    // The demo's imported quarters of IKU-1 are drafts: counted as pending, not ranked.
    expect(await heat.innerText()).toContain('4 belum diverifikasi');
    expect(await adm.getByTestId('cmp-pending').innerText()).toContain(
      'tidak dihitung dalam capaian dan peringkat',
    );
    await shot(adm, '10-perbandingan');
    const [csv] = await Promise.all([
      adm.waitForEvent('download'),
      adm.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^perbandingan-KOP-SEHAT-\d{4}-\d{4}\.csv$/);
    const content = await readFile((await csv.path())!, 'utf8');
    expect(content.startsWith('\ufeffOPD,')).toBe(true);
    expect(content).toContain('"Dinas Koperasi UKM, Perindustrian dan Perdagangan"');
    expect(content).toMatch(/IKU-1,2024,32,[\d.]+,104\.17/);

    await adm.goto(`${admin.url}/status?tahun=2024`);
    await expect
      .poll(() => adm.getByTestId('province-status').innerText(), { timeout: 20_000 })
      .toContain('1/5');
    await shot(adm, '11-status-provinsi');

    // Projection status: the comparison read model built above, no dead letters.
    await adm.goto(`${admin.url}/admin/proyeksi`);
    await expect
      .poll(() => adm.getByRole('table').innerText(), { timeout: 20_000 })
      .toContain('comparison');
    expect(await adm.getByRole('table').innerText()).not.toContain('⚠');
    await shot(adm, '20-status-proyeksi');
    await adm.context().close();
    timings.dashboards = Date.now() - t;
  });

  it('imports a template in the page: dry run, problems by sheet/row/column, fix, import', async () => {
    const t = Date.now();
    const op = await signIn('operator.diskoperindag');
    await op.goto(`${admin.url}/opd/${OPD}/sk`);
    const good = await readFile(join(repo, 'packages/importer/examples/target-lampung-barat.csv'));
    const lines = good.toString('utf8').split(/\r?\n/);
    lines[2] = lines[2]!.replace(';2024;', ';20x4;');
    await op.locator('#import-file').setInputFiles({
      name: 'target-lampung-barat.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await op.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    const problems = op.locator('table.problems');
    await problems.waitFor();
    const cells = await problems.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells[0]).not.toBe('–');
    expect(cells[1]).toBe('3');
    expect(cells[2]).toBe('tahun');
    expect(await op.getByRole('button', { name: 'Impor sekarang' }).isDisabled()).toBe(true);
    await shot(op, '15-impor-masalah');
    await op
      .locator('#import-file')
      .setInputFiles(join(repo, 'packages/importer/examples/target-lampung-barat.csv'));
    await op.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await op.getByText(/Berkas valid: \d+ baris/).waitFor();
    await op.getByRole('button', { name: 'Impor sekarang' }).click();
    await op.getByText(/Impor selesai|sudah tercatat/).waitFor();
    await op.context().close();
    timings.importJourney = Date.now() - t;
  });

  it('signs a PK that differs from the Renstra (flagged), revises it, and records a budget stage', async () => {
    const t = Date.now();
    const kadis = await signIn('kadis.diskoperindag');
    await kadis.goto(`${admin.url}/opd/${OPD}/pk?tahun=2024`);
    await kadis.getByText('PK untuk tahun dan jabatan ini belum ditandatangani.').waitFor();
    await kadis.getByRole('button', { name: 'Tanda tangani PK' }).click();
    await kadis.locator('.field-error').first().waitFor();
    await kadis.getByLabel('Pihak pertama: nama').fill('Kepala Diskoperindag');
    await kadis
      .getByLabel('Pihak pertama: jabatan')
      .fill('Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan');
    await kadis.getByLabel('Pihak kedua: nama').fill('Bupati Lampung Barat');
    await kadis.getByLabel('Pihak kedua: jabatan').fill('Bupati');
    await kadis.getByLabel('Target PK IKU-1').fill('30');
    await kadis.getByRole('button', { name: 'Tanda tangani PK' }).click();
    const flag = kadis.getByTestId('pk-conflicts');
    await flag.waitFor();
    expect(await flag.innerText()).toContain('IKU-1');
    expect(
      await kadis.locator('[data-testid="pk-targets"] tr[data-code="IKU-1"]').innerText(),
    ).toContain('beda dengan Renstra');
    await kadis.getByLabel('Alasan perubahan').fill('Penyesuaian setelah refocusing anggaran');
    // Typed numbers are read like a template cell: "0.500" is 0,5 (shown back while typing),
    // English grouping is refused next to the cell, "825,273" is stored and shown with all digits.
    const target = kadis.getByLabel('Target PK IKU-1');
    await target.fill('0.500');
    await kadis.getByText('Dibaca sebagai 0,5').waitFor();
    await target.fill('1,200.50');
    await kadis.getByText("Angka tidak valid: '1,200.50'").waitFor();
    await kadis.getByRole('button', { name: 'Simpan PK Perubahan' }).click();
    await kadis.getByText("Angka tidak valid: '1,200.50'").waitFor();
    expect(await kadis.getByTestId('pk-revisions').innerText()).not.toContain('PK Perubahan 1');
    await target.fill('825,273');
    await kadis.getByRole('button', { name: 'Simpan PK Perubahan' }).click();
    await kadis.getByTestId('pk-revisions').getByText('PK Perubahan 1').waitFor();
    await expect.poll(() => flag.innerText()).toContain('PK 825,273');
    expect(
      await kadis.locator('[data-testid="pk-targets"] tr[data-code="IKU-1"]').innerText(),
    ).toContain('825,273');
    const pkEvents = (await new EventStore(db.sql).readStream(`pk-${OPD}-2024-KADIS`)).events;
    expect(pkEvents.at(-1)).toMatchObject({
      type: 'PkRevised',
      data: { targets: expect.arrayContaining([expect.objectContaining({ value: '825.273' })]) },
    });
    await kadis.evaluate(() => window.scrollTo(0, 0));
    await shot(kadis, '16-perjanjian-kinerja');

    await kadis.goto(`${admin.url}/opd/${OPD}/anggaran?tahun=2024`);
    await kadis.getByText('Belum ada tahap anggaran yang dicatat.').waitFor();
    await kadis.getByLabel('Dokumen').fill('Renja Diskoperindag 2024');
    await kadis.getByLabel('Jumlah (Rp) 1').fill('1.250.000.000,5');
    await kadis.getByRole('button', { name: 'Catat tahap anggaran' }).last().click();
    await expect
      .poll(() => kadis.getByTestId('budget-totals').innerText())
      .toContain('Rp 1.250.000.000,50');
    expect(await kadis.getByTestId('budget-totals').innerText()).toContain('Renja murni');
    await shot(kadis, '17-anggaran');
    await kadis.context().close();
    timings.pkBudget = Date.now() - t;
  });

  it('lists, registers and re-roles users (admin) and loads the pemda settings', async () => {
    const t = Date.now();
    const adm = await signIn('admin.lampung');
    await adm.goto(`${admin.url}/admin/pengguna`);
    await adm.locator('tr[data-user="operator.diskoperindag"]').waitFor();
    expect(await adm.getByTestId('users').innerText()).not.toContain('viewer.nasional');
    await adm.locator('input[name="username"]').fill('Bad Name');
    await adm.locator('input[name="displayName"]').fill('Operator Baru');
    await adm.locator('input[name="password"]').fill('pendek');
    await adm.getByLabel('Kode cakupan').first().fill('18.04-DISKOPERINDAG');
    await adm.getByRole('button', { name: 'Tambah pengguna' }).click();
    await adm.getByText('Kata sandi minimal 8 karakter').waitFor();
    await adm.getByText(/Nama pengguna: 3–64 huruf kecil/).waitFor();
    await adm.locator('input[name="username"]').fill('operator2.diskoperindag');
    await adm.locator('input[name="password"]').fill('sandi-awal-2026');
    await adm.getByRole('button', { name: 'Tambah pengguna' }).click();
    const row = adm.locator('tr[data-user="operator2.diskoperindag"]');
    await row.waitFor();
    await adm.locator('select[name="grantUser"]').selectOption('operator2.diskoperindag');
    await adm.getByLabel('Kode cakupan').last().fill('18.04-DISKOPERINDAG');
    await adm.getByRole('button', { name: 'Berikan peran' }).click();
    await expect.poll(() => row.innerText()).toContain('viewer');
    await adm.evaluate(() => window.scrollTo(0, 0));
    await shot(adm, '18-pengguna');
    await row.getByRole('button', { name: 'Cabut peran viewer operator2.diskoperindag' }).click();
    await expect.poll(() => row.innerText()).not.toContain('viewer');

    await adm.goto(`${admin.url}/admin/pengaturan`);
    await adm.getByLabel('Kode wilayah (PP atau PP.KK)').fill('18.71');
    const form = adm.getByTestId('settings-form');
    await form.getByLabel('Verifikasi Inspektorat wajib').check();
    await form.getByLabel('Metode polaritas negatif').selectOption('inverse_ratio');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await adm.getByText('Pengaturan tersimpan.').waitFor();
    await adm.reload();
    await adm.getByLabel('Kode wilayah (PP atau PP.KK)').fill('18.71');
    await expect
      .poll(() =>
        adm.getByTestId('settings-form').getByLabel('Verifikasi Inspektorat wajib').isChecked(),
      )
      .toBe(true);
    expect(
      await adm.getByTestId('settings-form').getByLabel('Metode polaritas negatif').inputValue(),
    ).toBe('inverse_ratio');
    // The time zone: defaulted from the province code (Lampung, WIB) until chosen.
    const tz = adm.getByRole('form', { name: 'Zona waktu' });
    await tz.getByTestId('tz-source').getByText('mengikuti kode provinsi (WIB)').waitFor();
    await tz.getByLabel('Zona waktu').selectOption('WITA');
    await tz.getByRole('button', { name: 'Simpan zona waktu' }).click();
    await adm.getByText('Zona waktu disimpan').waitFor();
    const regionEvents = (await new EventStore(db.sql).readStream('region-18.71')).events;
    expect(regionEvents.at(-1)).toMatchObject({
      type: 'TimeZoneConfigured',
      data: { code: '18.71', previousTimeZone: 'WIB', timeZone: 'WITA' },
    });
    await shot(adm, '19-pengaturan');
    await adm.context().close();
    timings.usersSettings = Date.now() - t;
  });

  it('lists the LKjIP rendered by the CLI, downloads the PDF (sha256 checked) and queues a regeneration', async () => {
    const t = Date.now();
    const op = await signIn('operator.diskoperindag');
    await op
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Laporan' })
      .click();
    await op.getByRole('heading', { name: 'Laporan Kinerja (LKjIP)' }).waitFor();
    await op.getByLabel('OPD / pemda').selectOption(OPD);
    await op.getByLabel('Tahun').selectOption('2024');
    const table = op.getByTestId('reports');
    const pdf = table.locator('tr[data-format="pdf"][data-status="ready"]').first();
    await pdf.waitFor();
    await table.locator('tr[data-format="docx"][data-status="ready"]').first().waitFor();
    const sha = (await pdf.getAttribute('data-sha256')) ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const row = await pdf.innerText();
    expect(row).toContain(sha.slice(0, 12));
    expect(row).toMatch(/\d+(,\d)? KB/);
    const [dl] = await Promise.all([
      op.waitForEvent('download'),
      pdf.getByRole('button', { name: /^Unduh PDF posisi \d+$/ }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/^LKjIP-18\.04-DISKOPERINDAG-2024-p\d+\.pdf$/);
    const bytes = await readFile((await dl.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    await op.getByText(/SHA-256 cocok dengan catatan/).waitFor();

    // No worker runs in this stack: the requested job stays queued, and asking again for the
    // same data queues nothing new.
    await op.getByRole('button', { name: 'Buat ulang' }).click();
    await op
      .getByText(/^Dijadwalkan: pekerjaan 18\.04-DISKOPERINDAG:2024:\d+ masuk antrean/)
      .waitFor();
    const job = op.getByTestId('report-jobs').locator('tr[data-state="waiting"]');
    await job.waitFor();
    expect(await job.innerText()).toContain('menunggu');
    await op.getByRole('button', { name: 'Buat ulang' }).click();
    await op.getByText(/^Sudah ada dalam antrean untuk data yang sama/).waitFor();
    expect(await op.getByTestId('report-jobs').locator('tbody tr').count()).toBe(1);
    await op.evaluate(() => window.scrollTo(0, 0));
    await shot(op, '12-laporan');
    await op.context().close();
    timings.reports = Date.now() - t;
  });

  it('switches the reports page to English and keeps the layout at 768×1024', async () => {
    const t = Date.now();
    const page = await signIn('kadis.diskoperindag', { width: 768, height: 1024 });
    await page.goto(`${admin.url}/laporan?opd=${OPD}&tahun=2024`);
    await page.getByTestId('reports').locator('tr[data-format="pdf"]').first().waitFor();
    await page.getByRole('button', { name: 'Ganti bahasa' }).click();
    await page.getByRole('heading', { name: 'Performance reports (LKjIP)' }).waitFor();
    await page
      .getByRole('button', { name: /^Download PDF at position \d+$/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Regenerate' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Switch language' }).click();
    // The head finalises: date, place and signer chosen here, queued as its own job.
    const fin = page.getByRole('form', { name: 'Finalisasi laporan' });
    await fin.getByRole('button', { name: 'Finalisasi dan buat' }).click();
    await fin.getByText('Isi tanggal laporan (TTTT-BB-HH)').waitFor();
    await fin.getByLabel('Tanggal laporan').fill('2025-02-14');
    await fin.getByLabel('Tempat').fill('Liwa');
    await fin.getByLabel('Nama penandatangan').fill('Kepala Dinas Contoh');
    await fin.getByRole('button', { name: 'Finalisasi dan buat' }).click();
    await fin.getByText('Nama dan jabatan penandatangan diisi bersama').waitFor();
    await fin.getByLabel('Jabatan penandatangan').fill('Kepala Dinas');
    await fin.getByRole('button', { name: 'Finalisasi dan buat' }).click();
    await page
      .getByText(
        /^Dijadwalkan: pekerjaan 18\.04-DISKOPERINDAG:2024:\d+-final-[0-9a-f]{12} masuk antrean/,
      )
      .waitFor();
    await page.goto(`${admin.url}/opd/${OPD}/capaian?tahun=2024`);
    await page.getByTestId('achievement').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '13-capaian-768x1024');
    await page.getByRole('button', { name: 'Ganti bahasa' }).click();
    await page.getByRole('heading', { name: 'IKU achievement 2024' }).waitFor();
    expect(await page.getByTestId('achievement').innerText()).toContain('not verified');
    await page.context().close();
    timings.englishLayout = Date.now() - t;
  });
});
