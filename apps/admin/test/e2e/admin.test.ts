// End-to-end journeys against a real stack: fresh PostgreSQL database seeded by the CLI, the API
// process, the built admin served by src/server/serve.ts, driven by Debian Chromium.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { startServer } from '../../src/server/serve';

const run = promisify(execFile);
const adminDir = fileURLToPath(new URL('../..', import.meta.url));
const repo = join(adminDir, '../..');
const shots = join(repo, 'docs/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const OPD = '18.04-DISKOPERINDAG';
const PASSWORD = 'sakip-demo-2026';

let db: TestDatabase;
let apiProc: ChildProcess;
let admin: { server: Server; url: string };
let browser: Browser;
let storageDir: string;
const timings: Record<string, number> = {};

function startApi(env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: join(repo, 'apps/api'), env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  if (!existsSync(CHROMIUM)) throw new Error('Debian Chromium missing: apt-get install -y chromium');
  await mkdir(shots, { recursive: true });
  db = await createTestDatabase();
  storageDir = await mkdtemp(join(tmpdir(), 'sakip-admin-storage-'));
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'info', NODE_ENV: 'test', PORT: '0', STORAGE_DIR: storageDir };
  // Seed (CLI, as `npm start` does) and build the admin at the same time.
  const [, build] = await Promise.all([
    run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'demo', 'seed'], { cwd: join(repo, 'apps/cli'), env: { ...env, LOG_LEVEL: 'silent' } }),
    run(process.execPath, [join(adminDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: adminDir }).then(() => Date.now()),
  ]);
  timings.seedAndBuild = Date.now() - t0;
  void build;
  const api = await startApi(env);
  apiProc = api.proc;
  admin = await startServer({ port: 0, apiUrl: api.url, distDir: join(adminDir, 'dist') });
  // playwright-core gives every launch a fresh temporary --user-data-dir (it refuses our own).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  timings.stackReady = Date.now() - t0;
});

afterAll(async () => {
  await browser?.close();
  apiProc?.kill('SIGTERM');
  await new Promise<void>((ok) => (admin ? admin.server.close(() => ok()) : ok()));
  await db?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
  console.log('e2e timings (ms)', timings);
});

async function signIn(username: string, size = { width: 1280, height: 800 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: size, locale: 'id-ID' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', (d) => void d.accept('Indikator tidak relevan lagi'));
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
    await page.getByRole('link', { name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan' }).waitFor();
    // Scope: the operator sees only Lampung Barat, not Gresik or Bengkulu.
    expect(await page.getByText('Gresik').count()).toBe(0);
    await shot(page, '02-wilayah-opd');
    await page.getByRole('link', { name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan' }).click();
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
    await expect.poll(() => op.getByTestId('diff').innerText()).toContain('35');
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
    await kadis.locator('tr[data-key="IKU-1-2024-YEAR"]').waitFor();
    await shot(kadis, '07-antrean-verifikasi');
    await kadis.locator('tr[data-key="IKU-1-2024-YEAR"]').getByRole('button', { name: 'Verifikasi' }).click();
    await kadis.getByText('Terverifikasi.').first().waitFor();
    await kadis.goto(`${admin.url}/opd/${OPD}/capaian?tahun=2024`);
    const table = kadis.getByTestId('achievement');
    await expect.poll(() => table.innerText()).toContain('104,17%');
    expect(await table.innerText()).toContain('terverifikasi');
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

    await adm.goto(`${admin.url}/perbandingan`);
    const heat = adm.getByTestId('heatmap');
    await expect.poll(() => heat.innerText(), { timeout: 20_000 }).toContain('104,17%');
    await shot(adm, '10-perbandingan');

    await adm.goto(`${admin.url}/status?tahun=2024`);
    await expect.poll(() => adm.getByTestId('province-status').innerText(), { timeout: 20_000 }).toContain('1/5');
    await shot(adm, '11-status-provinsi');
    await adm.context().close();
    timings.dashboards = Date.now() - t;
  });

  it('shows the honest reports placeholder, switches to English and keeps the layout at 768×1024', async () => {
    const t = Date.now();
    const page = await signIn('kadis.diskoperindag', { width: 768, height: 1024 });
    await page.goto(`${admin.url}/laporan`);
    await page.getByTestId('reports-placeholder').getByText('Belum tersedia', { exact: true }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, '12-laporan');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${admin.url}/opd/${OPD}/capaian?tahun=2024`);
    await page.getByTestId('achievement').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '13-capaian-768x1024');
    await page.getByRole('button', { name: 'Ganti bahasa' }).click();
    await page.getByRole('heading', { name: 'IKU achievement 2024' }).waitFor();
    await page.context().close();
    timings.placeholderLayout = Date.now() - t;
  });
});
