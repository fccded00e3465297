import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandExecutor } from '@sakip/application';
import { LocalObjectStorage } from '@sakip/storage';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  buildLkjip,
  contentHash,
  dataPosition,
  generateReport,
  listReports,
  loadLkjipData,
  loadPemdaLkjipData,
  readReport,
  renderDocx,
  renderPdf,
  saveTemplate,
} from '../src/index';
import { OPD, recordRealization, seedYear, YEAR } from './fixture';
import { docxTables, pdfPages, pngFiles } from './helpers';

let db: TestDatabase;
let executor: CommandExecutor;
let storage: LocalObjectStorage;
let outDir: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  db = await createTestDatabase();
  executor = await seedYear(db.sql);
  storage = new LocalObjectStorage(await mkdtemp(join(tmpdir(), 'lkjip-store-')));
  outDir = await mkdtemp(join(tmpdir(), 'lkjip-out-'));
}, 120_000);
afterAll(async () => db?.drop());

describe('LKjIP for 18.04-DISKOPERINDAG 2024', () => {
  let first: Awaited<ReturnType<typeof generateReport>>;

  it('loads the year from the application queries, at a recorded position, with the decrees in force', async () => {
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    expect(data.feedPosition).toBe(await dataPosition(db.sql, OPD, YEAR));
    expect(data.feedPosition).toBeGreaterThan(0);
    expect(data.decrees.map((d) => d.number).join()).toMatch(/050/);
    expect(data.period).toEqual({ start: 2023, end: 2026 });
    expect(data.place).toBeTruthy();
    const iku4 = data.indicators.find((i) => i.code === 'IKU-4')!;
    expect(iku4.history).toEqual([
      {
        year: 2023,
        realization: '880',
        capaian: expect.any(String),
        verified: false,
        unverified: [{ period: 'YEAR', value: '880', status: 'draft' }],
      },
    ]);
    expect(iku4.comparison.province).toEqual({ value: '483000.5', source: 'BPS Provinsi Lampung' });
    expect(Object.values(data.narratives)[0]?.faktorPenghambat).toMatch(/RAT/);
    expect(data.programs.find((p) => p.code === 'SAS-49')).toMatchObject({
      pagu: '200000000',
      spent: '150000000',
      serapan: '75',
    });
  });

  it('generates DOCX, PDF and HTML, stores them content-addressed and records them', async () => {
    first = await generateReport(
      { sql: db.sql, storage },
      { opdId: OPD, year: YEAR, formats: ['docx', 'pdf', 'html'], outDir },
    );
    expect(first.files.map((f) => f.format)).toEqual(['docx', 'pdf', 'html']);
    const rows = await listReports(db.sql, { opdId: OPD, year: YEAR });
    expect(rows).toHaveLength(3);
    for (const r of rows)
      expect(r).toMatchObject({
        status: 'ready',
        feedPosition: first.feedPosition,
        contentHash: first.contentHash,
      });
    expect(rows[0]!.decrees[0]!.number).toMatch(/050/);
    const pdf = await readReport({ sql: db.sql, storage }, first.files[1]!.id);
    expect(pdf.contentType).toBe('application/pdf');
    expect(sha(pdf.bytes)).toBe(first.files[1]!.sha256);
    expect(first.files[0]!.path).toMatch(/LKjIP-18\.04-DISKOPERINDAG-2024-p\d+\.docx$/);
  });

  it('renders PDF pages that exist and carry ink', async () => {
    const pdf = (await readReport({ sql: db.sql, storage }, first.files[1]!.id)).bytes;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const p of pages) expect(p.ink, p.file).toBeGreaterThan(0.0005);
    expect(await pngFiles(dirname(pages[0]!.file))).toHaveLength(3);
  });

  it('writes the IKU table into the DOCX in Indonesian number format, with predikat', async () => {
    const docx = (await readReport({ sql: db.sql, storage }, first.files[0]!.id)).bytes;
    const { xml, rows } = await docxTables(docx);
    const row = (needle: RegExp) => rows.find((r) => r.length === 7 && needle.test(r[1] ?? ''))!;
    // No | indicator | satuan | target | realisasi | capaian | predikat (Ikhtisar Eksekutif table)
    const iku1 = row(/koperasi/i);
    expect(iku1.slice(3)).toEqual(['32', '33,33', '104,17', 'Sangat Tinggi']);
    const pdrb = rows.find((r) => r.length === 7 && r.includes('905,17'))!;
    expect(pdrb.slice(3)).toEqual(['905,17', '912,40', '100,80', 'Sangat Tinggi']);
    const iku5 = rows.find((r) => r.length === 7 && r.includes('365,53'))!;
    expect(iku5.slice(3)).toEqual(['365,53', '292,42', '80,00', 'Tinggi']);
    const has = (s: string) => xml.includes(s);
    expect(/<w:instrText[^>]*>\s*TOC /.test(xml), 'table of contents field').toBe(true);
    expect(has('PAGE'), 'page number field').toBe(true);
    expect(has('Rp 200.000.000')).toBe(true);
    expect(has('BAB III AKUNTABILITAS KINERJA')).toBe(true);
    expect(has('<w:pStyle w:val="Heading1"/>')).toBe(true);
    expect(has('<w:pgSz w:w="11906" w:h="16838"'), 'A4').toBe(true);
  });

  it('rebuilds byte for byte at the same position', async () => {
    const again = await generateReport(
      { sql: db.sql, storage },
      { opdId: OPD, year: YEAR, formats: ['docx', 'pdf'] },
    );
    expect(again.feedPosition).toBe(first.feedPosition);
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.files.map((f) => f.sha256)).toEqual(first.files.slice(0, 2).map((f) => f.sha256));
    expect(again.files[0]!.storageKey).toBe(first.files[0]!.storageKey);
  });

  it('keeps past reports as they were: new data moves the position, the old position still rebuilds the old content', async () => {
    await recordRealization(executor, 'IKU-2', '12');
    const moved = await dataPosition(db.sql, OPD, YEAR);
    expect(moved).toBeGreaterThan(first.feedPosition);
    const newer = await generateReport(
      { sql: db.sql, storage },
      { opdId: OPD, year: YEAR, formats: ['pdf'] },
    );
    expect(newer.feedPosition).toBe(moved);
    expect(newer.contentHash).not.toBe(first.contentHash);
    const pinned = await generateReport(
      { sql: db.sql, storage },
      { opdId: OPD, year: YEAR, formats: ['pdf'], position: first.feedPosition },
    );
    expect(pinned.contentHash).toBe(first.contentHash);
    expect(pinned.files[0]!.sha256).toBe(first.files[1]!.sha256);
    const old = await readReport({ sql: db.sql, storage }, first.files[1]!.id);
    expect(sha(old.bytes)).toBe(first.files[1]!.sha256);
  });

  it('fills the kata pengantar from the OPD template with placeholders', async () => {
    await saveTemplate(db.sql, {
      scope: OPD,
      key: 'kata_pengantar',
      body: 'Dengan ini {opdName} menyampaikan LKjIP {year} berisi {ikuCount} IKU. {unknown}',
      actor: 'test',
    });
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    const doc = buildLkjip(data);
    const para = doc.front.find((b) => b.type === 'paragraph' && b.text.startsWith('Dengan ini'));
    expect(para).toMatchObject({
      text: expect.stringMatching(
        /^Dengan ini Dinas .+ menyampaikan LKjIP 2024 berisi \d+ IKU\. \{unknown\}$/,
      ),
    });
    const [d1, d2] = [await renderDocx(doc), await renderDocx(buildLkjip(data))];
    expect(sha(d1)).toBe(sha(d2));
    expect(contentHash(doc)).toBe(contentHash(buildLkjip(data)));
    expect((await renderPdf(doc)).length).toBeGreaterThan(10_000);
  });

  it('aggregates the pemda-level report over the OPDs of the region', async () => {
    const data = await loadPemdaLkjipData({ sql: db.sql }, '18.04', YEAR);
    expect(data.kind).toBe('pemda');
    expect(data.members!.map((m) => m.opdId)).toContain(OPD);
    expect(data.indicators.every((i) => i.kind === 'iku' && i.opdName)).toBe(true);
    const gen = await generateReport(
      { sql: db.sql, storage },
      { opdId: '18.04', year: YEAR, formats: ['docx'] },
    );
    const { rows } = await docxTables(
      (await readReport({ sql: db.sql, storage }, gen.files[0]!.id)).bytes,
    );
    expect(rows.some((r) => r.includes('104,17'))).toBe(true);
  });
});
