// What a report counts and says about itself: the last verified value of each realization;
// values not verified yet printed but marked, the report a DRAF (cover, every page footer, a
// lampiran listing them); date, place and signer chosen when it is finalised.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementUseCases,
  realizationUseCases,
  StateLoader,
  type CommandExecutor,
} from '@sakip/application';
import { planDecider, planStreamId } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { LocalObjectStorage } from '@sakip/storage';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  buildLkjip,
  generateReport,
  listReports,
  loadLkjipData,
  loadPemdaLkjipData,
  readReport,
  ReportInputError,
  type LkjipDocument,
} from '../src/index';
import { ctx, OPD, seedYear, YEAR } from './fixture';
import { docxTables, docxText, pdfText } from './helpers';
import { verifyEverything } from './verify';

let db: TestDatabase;
let executor: CommandExecutor;
let storage: LocalObjectStorage;

beforeAll(async () => {
  db = await createTestDatabase();
  executor = await seedYear(db.sql);
  storage = new LocalObjectStorage(await mkdtemp(join(tmpdir(), 'lkjip-draft-')));
  for (const i of (await loadLkjipData({ sql: db.sql }, OPD, YEAR)).indicators)
    names.set(i.code, i.name);
}, 120_000);
afterAll(async () => db?.drop());

async function files(finalisation?: Parameters<typeof generateReport>[1]['finalisation']) {
  const report = await generateReport(
    { sql: db.sql, storage },
    { opdId: OPD, year: YEAR, formats: ['docx', 'pdf', 'html'], finalisation },
  );
  const read = (i: number) => readReport({ sql: db.sql, storage }, report.files[i]!.id);
  const [docx, pdf, html] = [await read(0), await read(1), await read(2)];
  return {
    report,
    docx: await docxText(docx.bytes),
    docxRows: (await docxTables(docx.bytes)).rows,
    pdf: await pdfText(pdf.bytes),
    html: html.bytes.toString('utf8'),
  };
}

const signature = (doc: LkjipDocument) =>
  doc.front.find((b): b is Extract<typeof b, { type: 'signature' }> => b.type === 'signature')!;
const rowOf = (rows: string[][], name: { test: (cell: string) => boolean }) =>
  rows.find((r) => r.some((c) => name.test(c)));
const names = new Map<string, string>();
/** Matches a table cell holding the indicator's name (marked or not). */
const named = (code: string) => ({ test: (cell: string) => cell.startsWith(names.get(code)!) });

async function decreeSigner(): Promise<{ name: string; place: string | null }> {
  const plan = (await new StateLoader(new EventStore(db.sql)).load(planDecider, planStreamId(OPD)))
    .state;
  const d = Object.values(plan.decrees).at(-1)!;
  return { name: d.info.signer.name, place: d.info.place };
}

describe('a report built while values are not verified is a draft', () => {
  it('prints every unverified value marked, DRAF on the cover and every page footer, and a lampiran of them', async () => {
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    const iku4 = data.indicators.find((i) => i.code === 'IKU-4')!;
    expect(iku4.unverified).toEqual([{ period: 'YEAR', value: '912.4', status: 'draft' }]);

    const { report, docx, docxRows, pdf, html } = await files();
    expect(report.draft).toBe(true);
    const rows = await listReports(db.sql, { opdId: OPD, year: YEAR });
    expect(rows.every((r) => r.draft === true && r.finalisation === null)).toBe(true);

    // PDF: the cover and every page carry DRAF; rows are marked; the lampiran lists the values.
    expect(pdf.length).toBeGreaterThan(8);
    expect(pdf[0]).toMatch(/^\s*DRAF\s*$/m);
    expect(pdf[0]).toContain('Belum difinalisasi');
    pdf.forEach((page, k) => expect(page, `PDF page ${k + 1}`).toContain('DRAF · LKjIP 2024'));
    const all = pdf.join('\n');
    expect(all).toContain('[belum diverifikasi]');
    expect(all).toContain('Lampiran 4. Nilai yang Belum Diverifikasi');
    const lampiran = pdf.slice(pdf.findIndex((p) => p.includes('Lampiran 4.'))).join('\n');
    expect(lampiran).toMatch(/912,40\s+draf \(belum diajukan\)/);
    // An earlier year's value printed in the comparison table is listed too, with its status.
    expect(lampiran).toMatch(/2023\s+Tahun\s+880\s+draf \(belum diajukan\)/);

    // DOCX: the same marks; every section (cover included) has the DRAF footer.
    expect(docx.body.split('\n')[0]).toBe('DRAF');
    expect(docx.sectionsWithFooter).toBe(docx.sections);
    expect(docx.footers.length).toBeGreaterThanOrEqual(3);
    for (const f of docx.footers) expect(f).toContain('DRAF · LKjIP 2024');
    expect(rowOf(docxRows, named('IKU-4'))?.join(' | ')).toContain('[belum diverifikasi]');
    expect(docx.body).toContain('Lampiran 4. Nilai yang Belum Diverifikasi');
    const listed = docxRows.filter((r) => r.includes('draf (belum diajukan)'));
    expect(listed.map((r) => r[4])).toContain('912,40');

    // HTML: the banner, the footer and the marks.
    expect(html).toContain('<p class="draft" role="note">DRAF</p>');
    expect(html).toContain('DRAF · LKjIP 2024');
    expect(html).toContain('[belum diverifikasi]');
  }, 120_000);

  it('marks the pemda-level report the same way, naming the OPD of each unverified value', async () => {
    const doc = buildLkjip(await loadPemdaLkjipData({ sql: db.sql }, '18.04', YEAR));
    expect(doc.meta.draft).toBe(true);
    expect(doc.meta.footer).toMatch(/^DRAF · /);
    const lampiran = doc.body.find(
      (b) => b.type === 'table' && b.caption.endsWith('Nilai realisasi yang belum diverifikasi'),
    );
    expect(lampiran?.type === 'table' && lampiran.rows.map((r) => r[1])).toContain(
      `${names.get('IKU-4')} (Dinas Koperasi UKM, Perindustrian dan Perdagangan)`,
    );
  });

  it('never signs with the decree signer: without a PK the signature has no name, and no date', async () => {
    const signer = await decreeSigner();
    const doc = buildLkjip(await loadLkjipData({ sql: db.sql }, OPD, YEAR));
    const sig = signature(doc);
    expect(sig.name).not.toBe(signer.name);
    expect(sig.name).toBe('');
    expect(sig.date).toBe('(belum difinalisasi)');
    expect(doc.meta.draft).toBe(true);
  });

  it('keeps the verified value in force while a correction waits for verification', async () => {
    const key = { opdId: OPD, indicatorCode: 'IKU-4', year: YEAR, period: 'YEAR' } as const;
    await executor.execute(realizationUseCases.submitRealization, key as never, ctx());
    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...key, level: 'head' } as never,
      ctx(),
    );
    await executor.execute(
      realizationUseCases.correctRealization,
      {
        ...key,
        value: '950',
        inputs: null,
        evidence: {
          documentRef: 'Koreksi data koperasi',
          dataSource: 'Bidang Koperasi',
          attachment: null,
        },
        note: null,
        reason: 'Data koperasi baru dari kecamatan',
      } as never,
      ctx(),
    );
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    const iku4 = data.indicators.find((i) => i.code === 'IKU-4')!;
    expect(iku4.yearBasis).toBe('912.4');
    expect(iku4.realizations.YEAR).toBe('912.4');
    expect(iku4.unverified).toEqual([]);
    const doc = buildLkjip(data);
    const ikuTable = doc.front.find((b) => b.type === 'table')!;
    expect(
      ikuTable.type === 'table' && ikuTable.rows.find((r) => named('IKU-4').test(r[1]!)),
    ).toEqual([
      expect.any(String),
      expect.not.stringContaining('[belum diverifikasi]'),
      expect.any(String),
      expect.any(String),
      '912,40',
      expect.any(String),
      expect.any(String),
    ]);
  });
});

describe('finalisation and the sources of targets', () => {
  const pkHead = {
    name: 'Ir. Hendra Kusuma, M.Si.',
    nip: '197203151998031005',
    position: 'Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan',
  };

  beforeAll(async () => {
    await executor.execute(
      agreementUseCases.signPk,
      {
        opdId: OPD,
        year: YEAR,
        positionCode: 'KADIS',
        firstParty: pkHead,
        secondParty: { name: 'Parosil Mabsus', nip: null, position: 'Bupati Lampung Barat' },
        date: '2024-01-15',
        targets: [{ indicatorCode: 'IKU-4', value: '900', unit: null, text: null }],
        budgets: [],
      } as never,
      { ...ctx(), commandId: randomUUID() },
    );
  });

  it('defaults the signer to the OPD head from the year PK (name, jabatan, NIP) and the place to the decree seat', async () => {
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    expect(data.head).toEqual(pkHead);
    const { report, pdf } = await files({ date: '2025-02-14' });
    expect(report.files[0]!.finalisation).toEqual({
      date: '2025-02-14',
      place: (await decreeSigner()).place,
      signer: pkHead,
    });
    const all = pdf.join('\n');
    expect(all).toContain(`${(await decreeSigner()).place}, 14 Februari 2025`);
    expect(all).toContain(pkHead.name);
    expect(all).toContain(`NIP. ${pkHead.nip}`);
    expect(all).not.toContain('Parosil Mabsus,');
  }, 120_000);

  it('prints the date, place and signer chosen when finalising, never the date of the data', async () => {
    const chosen = {
      date: '2025-03-03',
      place: 'Liwa',
      signer: { name: 'Dra. Sri Wahyuni', nip: null, position: 'Plt. Kepala Dinas' },
    };
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    const { docx } = await files(chosen);
    expect(docx.body).toContain('Liwa, 3 Maret 2025');
    expect(docx.body).toContain('Dra. Sri Wahyuni');
    expect(docx.body).toContain('Plt. Kepala Dinas');
    expect(docx.body).toContain('Difinalisasi: Liwa, 3 Maret 2025, oleh Dra. Sri Wahyuni');
    expect(docx.body).not.toContain(`Liwa, ${data.dataDate}`);
    await expect(
      generateReport(
        { sql: db.sql, storage },
        { opdId: OPD, year: YEAR, finalisation: { date: '14-02-2025' } },
      ),
    ).rejects.toThrow(ReportInputError);
    await expect(
      generateReport(
        { sql: db.sql, storage },
        { opdId: OPD, year: YEAR, finalisation: { date: '2025-02-30' } },
      ),
    ).rejects.toThrow(/finalise\.date: .*YYYY-MM-DD/);
  }, 120_000);

  it('says which PK or Renstra each target came from', async () => {
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    const source = (code: string) => data.indicators.find((i) => i.code === code)!.target;
    expect(source('IKU-4')).toMatchObject({
      value: '900',
      source: 'pk',
      sourceLabel: `PK 2024 ${pkHead.position}`,
    });
    expect(source('IKU-5')).toMatchObject({ source: 'renstra' });
    expect(source('IKU-5').sourceLabel).toMatch(/^Renstra SK .*050.*$/);
    const { docxRows } = await files();
    // Pengukuran kinerja: No | indikator | satuan | target | sumber target | realisasi | capaian | predikat
    const measured = docxRows.filter((r) => r.length === 8 && /^(PK|Renstra|–)/.test(r[4] ?? ''));
    expect(rowOf(measured, named('IKU-4'))?.[4]).toBe(`PK 2024 ${pkHead.position}`);
    expect(measured.some((r) => /^Renstra SK /.test(r[4] ?? ''))).toBe(true);
  }, 120_000);

  it('with every value verified and the report finalised, the same data renders without any mark', async () => {
    await verifyEverything(db.sql, executor, OPD);
    const data = await loadLkjipData({ sql: db.sql }, OPD, YEAR);
    expect(data.indicators.flatMap((i) => i.unverified)).toEqual([]);
    expect(data.indicators.find((i) => i.code === 'IKU-4')!.yearBasis).toBe('950');

    const { report, docx, docxRows, pdf, html } = await files({ date: '2025-02-14' });
    expect(report.draft).toBe(false);
    const all = pdf.join('\n');
    for (const text of [all, docx.body, ...docx.footers, html]) {
      expect(text).not.toContain('DRAF');
      expect(text).not.toContain('belum diverifikasi');
      expect(text).not.toContain('Nilai yang Belum Diverifikasi');
      expect(text).not.toContain('Belum difinalisasi');
    }
    expect(docx.sectionsWithFooter).toBe(docx.sections - 1);
    // The verified values are the ones printed.
    const ikuRow = rowOf(docxRows, named('IKU-4'))!;
    expect(ikuRow).toContain('950');
    expect(rowOf(docxRows, named('IKU-5'))?.join(' ')).toContain('292,42');
    expect(all).toContain('950');
  }, 120_000);
});
