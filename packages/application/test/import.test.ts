import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lampungBarat } from '@sakip/fixtures';
import { EventStore } from '@sakip/event-store';
import { parseImportBuffer } from '@sakip/importer';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  AchievementQueries,
  AgreementQueries,
  applyImport,
  exportTemplate,
  importParsed,
  PlanQueries,
  StateLoader,
  systemActor,
  type Actor,
} from '../src/index';

const examples = fileURLToPath(new URL('../../importer/examples/', import.meta.url));
const opdId = '18.04-DISKOPERINDAG';
let db: TestDatabase;
let plans: PlanQueries;

interface ImportOpts {
  dryRun?: boolean;
  actor?: Actor;
  replacePeriod?: boolean;
}
async function importBuffer(buf: Buffer, name: string, opts: ImportOpts = {}) {
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.problems)}`);
  return applyImport(db.sql, parsed.document, opts.actor ?? systemActor('test'), {
    dryRun: opts.dryRun ?? false,
    replacePeriod: opts.replacePeriod ?? false,
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
}
/** File and database checks together, as the CLI and the API run them. */
async function checkBuffer(buf: Buffer, name: string, opts: ImportOpts = {}) {
  const report = await importParsed(
    db.sql,
    await parseImportBuffer(buf, name),
    opts.actor ?? systemActor('test'),
    {
      dryRun: opts.dryRun ?? false,
      contentHash: createHash('sha256').update(buf).digest('hex'),
      correlationId: randomUUID(),
    },
  );
  if (!report) throw new Error('the file could not be read as a template');
  return report;
}
const importExample = async (name: string, opts: ImportOpts = {}) =>
  importBuffer(await readFile(`${examples}${name}`), name, opts);
const eventCount = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from events`)[0]!.n;

beforeAll(async () => {
  db = await createTestDatabase();
  plans = new PlanQueries(new EventStore(db.sql));
}, 60_000);
afterAll(async () => db?.drop());

describe('import of the seed decrees', () => {
  it('refuses an SK of an OPD that is not registered once, in the dry run, and writes nothing', async () => {
    const before = await eventCount();
    for (const dryRun of [true, false]) {
      const report = await importExample('sk-lampung-barat-050-18-2023.xlsx', { dryRun });
      expect(report.ok).toBe(false);
      // One problem for the OPD, not one "unknown position" per IKI row.
      expect(report.problems).toEqual([
        expect.objectContaining({
          sheet: 'SK',
          column: 'id_opd',
          message: expect.stringContaining(`OPD ${opdId} is not registered`),
        }),
      ]);
    }
    expect(await eventCount()).toBe(before);
  });

  it('imports the organisation, then changes nothing the second time', async () => {
    const first = await importExample('organisasi-demo.xlsx');
    expect(first).toMatchObject({ ok: true, unchanged: false });
    expect(first.eventsWritten).toBeGreaterThan(30);
    const count = await eventCount();
    const second = await importExample('organisasi-demo.xlsx');
    expect(second).toMatchObject({ ok: true, unchanged: true, eventsWritten: 0 });
    expect(await eventCount()).toBe(count);
  });

  it('dry-runs the Lampung Barat SK without writing', async () => {
    const before = await eventCount();
    const report = await importExample('sk-lampung-barat-050-18-2023.xlsx', { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, problems: [] });
    expect(report.eventsWritten).toBeGreaterThan(77);
    expect(await eventCount()).toBe(before);
  });

  it('imports the Lampung Barat SK and reads back every indicator and target exactly', async () => {
    const report = await importExample('sk-lampung-barat-050-18-2023.xlsx');
    expect(report.problems).toEqual([]);
    const [decree] = await plans.decrees(opdId);
    expect(decree).toMatchObject({
      number: '050/18/KPTS/III.06/1/2023',
      kind: 'penetapan',
      status: 'enacted',
      periodStart: 2023,
      periodEnd: 2026,
    });
    const snap = await plans.snapshot(opdId, { decreeId: decree!.decreeId });
    expect(Object.keys(snap!.indicators)).toHaveLength(lampungBarat.indicators.length);
    for (const f of lampungBarat.indicators) {
      const got = snap!.indicators[f.code];
      expect(got?.name, f.code).toBe(f.name);
      expect(
        got?.targets.map((t) => t.value ?? t.text),
        f.code,
      ).toEqual(f.targets.map((t) => t.value ?? t.text ?? '-'));
    }
    expect(snap!.indicators['IKU-4']?.targets.map((t) => t.value)).toEqual([
      '887.43',
      '905.17',
      '923.27',
      '941.73',
    ]);
    const iki = Object.values(snap!.indicators).filter((i) => i.kind === 'iki');
    expect(new Set(iki.map((i) => i.positionCode)).size).toBeGreaterThanOrEqual(3);
  });

  it('changes nothing when the same SK or its targets come again', async () => {
    const count = await eventCount();
    expect(await importExample('sk-lampung-barat-050-18-2023.xlsx')).toMatchObject({
      ok: true,
      unchanged: true,
    });
    expect(await importExample('target-lampung-barat.csv')).toMatchObject({
      ok: true,
      unchanged: true,
    });
    expect(await eventCount()).toBe(count);
  });

  it('refuses a different file under the number of an enacted SK', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await readFile(`${examples}sk-lampung-barat-050-18-2023.xlsx`)) as unknown as ExcelJS.Buffer,
    );
    const sheet = wb.getWorksheet('Indikator')!;
    const header = sheet.getRow(1).values as unknown[];
    const col = header.findIndex((v) => String(v).trim().toLowerCase() === 'target_2025');
    sheet.getRow(2).getCell(col).value = '99';
    const report = await importBuffer(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'sk-lampung-barat-ubah.xlsx',
    );
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ sheet: 'SK', column: 'nomor' })]);
  });

  it('imports the Bengkulu Selatan program and kegiatan indicators', async () => {
    const report = await importExample('sk-bengkulu-selatan-2024.xlsx');
    expect(report.problems).toEqual([]);
    const snap = await plans.snapshot('17.01-DISDAG', {});
    const kinds = Object.values(snap!.indicators).map((i) => i.kind);
    expect(kinds.filter((k) => k === 'program').length).toBeGreaterThan(5);
    expect(kinds.filter((k) => k === 'kegiatan').length).toBeGreaterThan(5);
  });

  it('checks every row against the importer’s scope', async () => {
    const other: Actor = {
      kind: 'user',
      userId: 'op.kota',
      bindings: [{ role: 'opd_operator', scope: { level: 'opd', code: '18.71-DISKOPUKM' } }],
    };
    const csv = `#template: organisasi/Unit\nid_opd;kode_unit;nama;jenis;kode_induk\n${opdId};UPT-PASAR;UPT Pasar Liwa;upt;\n18.71-DISKOPUKM;UPT-PLUT;UPT PLUT;upt;\n`;
    const before = await eventCount();
    const refused = await importBuffer(Buffer.from(csv), 'organisasi-unit.csv', { actor: other });
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual([
      expect.objectContaining({ sheet: 'Unit', row: 3, message: expect.stringContaining(opdId) }),
    ]);
    expect(await eventCount()).toBe(before);
    // The same rows by the province admin go through, both OPDs at once.
    const admin: Actor = {
      kind: 'user',
      userId: 'admin.lampung',
      bindings: [{ role: 'province_admin', scope: { level: 'province', code: '18' } }],
    };
    expect(
      await importBuffer(Buffer.from(csv), 'organisasi-unit.csv', { actor: admin }),
    ).toMatchObject({ ok: true, eventsWritten: 2 });
  });

  it('imports the Bandar Lampung amendment over the decree it amends and diffs them', async () => {
    const bandar = '18.71-DISKOPUKM';
    // The source prints no earlier decree: the examples hold a clearly labelled illustrative one
    // (IKU-2 named and targeted differently, IKU-3 not yet there).
    expect((await importExample('organisasi-demo.xlsx')).ok).toBe(true);
    const first = await importExample('sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx');
    expect(first.problems).toEqual([]);
    const dry = await importExample('sk-bandar-lampung-perubahan-121-2021.xlsx', { dryRun: true });
    // The dry run compares the amendment with the plan in force for its period.
    const indicatorChange = (code: string) =>
      dry.changes.changes.find((c) => c.sheet === 'Indikator' && c.key === code);
    expect(indicatorChange('IKU-3')?.status).toBe('added');
    expect(indicatorChange('IKU-2')).toMatchObject({
      status: 'changed',
      before: { nama: 'Persentase koperasi sehat', target_2022: '50%' },
      after: { nama: 'Persentase koperasi sehat dan cukup sehat' },
    });
    expect(indicatorChange('IKU-2')?.columns).toEqual(
      expect.arrayContaining(['nama', 'target_2022']),
    );
    expect(dry.changes.changes.find((c) => c.sheet === 'SK')?.status).toBe('added');
    const amendment = await importExample('sk-bandar-lampung-perubahan-121-2021.xlsx');
    expect(amendment.problems).toEqual([]);

    const [before, after] = await plans.decrees(bandar);
    expect([before?.kind, after?.kind]).toEqual(['penetapan', 'perubahan']);
    const diff = await plans.diff(bandar, before!.decreeId, after!.decreeId);
    expect(diff!.added.map((i) => i.code)).toEqual(['IKU-3']);
    expect(diff!.renamed).toEqual([
      {
        code: 'IKU-2',
        from: 'Persentase koperasi sehat',
        to: 'Persentase koperasi sehat dan cukup sehat',
      },
    ]);
    expect(diff!.targetChanged).toContainEqual(
      expect.objectContaining({
        code: 'IKU-2',
        year: 2022,
        from: expect.objectContaining({ value: '50' }),
      }),
    );
    const history = await plans.history(bandar);
    expect(
      history.filter((h) => h.decreeNumber === '121/SK/III.15/II/2021').map((h) => h.subject),
    ).toEqual(expect.arrayContaining(['IKU-2', 'IKU-3']));
  });

  it('imports a year of realizations, narratives and spending for Lampung Barat', async () => {
    const realisasi = await importExample('realisasi-lampung-barat-2024.xlsx');
    expect(realisasi.problems).toEqual([]);
    expect(realisasi.eventsWritten).toBeGreaterThan(5);
    expect((await importExample('narasi-lampung-barat-2024.xlsx')).problems).toEqual([]);
    expect((await importExample('serapan-lampung-barat-2024.xlsx')).problems).toEqual([]);
    const achievements = new AchievementQueries(
      new EventStore(db.sql),
      new StateLoader(new EventStore(db.sql)),
    );
    const year = await achievements.opdYear(opdId, 2024);
    const iku1 = year!.indicators.find((i) => i.indicator.code === 'IKU-1')!;
    expect(iku1.statuses.YEAR).toBe('draft');
    // Imported values are drafts: shown as not verified, not counted in the capaian yet.
    expect(iku1.achievement.year.capaian.computable).toBe(false);
    expect(iku1.unverified.YEAR).toMatchObject({ version: 1, status: 'draft' });
    expect(iku1.pending).toBe(5);
    expect(year!.programs.some((p) => p.spent !== '0')).toBe(true);
    // Importing the same files again changes nothing.
    const count = await eventCount();
    expect(await importExample('realisasi-lampung-barat-2024.xlsx')).toMatchObject({
      ok: true,
      unchanged: true,
    });
    expect(await importExample('serapan-lampung-barat-2024.xlsx')).toMatchObject({
      ok: true,
      unchanged: true,
    });
    expect(await eventCount()).toBe(count);
  });

  it("records a realisasi file's Pembanding rows for the OPD of its rows; refuses a local code in a file of two OPDs", async () => {
    const file = async (opds: string[]) => {
      const wb = new ExcelJS.Workbook();
      const r = wb.addWorksheet('Realisasi');
      r.addRow(['id_opd', 'kode_indikator', 'tahun', 'periode', 'nilai', 'dokumen', 'sumber_data']);
      for (const o of opds) r.addRow([o, 'IKU-4', 2024, 'TAHUN', '912,4', 'PDRB 2024', 'BPS']);
      const c = wb.addWorksheet('Pembanding');
      c.addRow(['cakupan', 'kode_wilayah', 'kunci_indikator', 'tahun', 'nilai', 'sumber']);
      c.addRow(['provinsi', '18', 'IKU-4', 2024, '70.000,5', 'BPS Provinsi Lampung']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const before = await eventCount();
    const two = await importBuffer(
      await file([opdId, '18.71-DISKOPUKM']),
      'realisasi-dua-opd.xlsx',
    );
    expect(two.ok).toBe(false);
    expect(await eventCount()).toBe(before);
    expect(two.problems).toContainEqual(
      expect.objectContaining({
        sheet: 'Pembanding',
        column: 'kunci_indikator',
        message: expect.stringContaining('2 OPD'),
      }),
    );
    const one = await importBuffer(await file([opdId]), 'realisasi-satu-opd.xlsx');
    expect(one.problems).toEqual([]);
    const { events } = await new EventStore(db.sql).readStream(`cmp-${opdId}:IKU-4-2024`);
    expect(events.at(-1)?.data).toMatchObject({ indicatorKey: `${opdId}:IKU-4`, value: '70000.5' });
  });

  it('imports a PK (flagging the target that differs from the Renstra) and budget stages, then a PK revision', async () => {
    const pk = (reason: string | null, iku1: string) => {
      const wb = new ExcelJS.Workbook();
      const keys = wb.addWorksheet('PK');
      keys.addRow(['kolom', 'nilai']);
      for (const [k, v] of [
        ['id_opd', opdId],
        ['tahun', 2024],
        ['kode_jabatan', 'KADIS'],
        ['pihak_pertama_nama', 'AKSANI, SP., M.Si'],
        ['pihak_pertama_jabatan', 'Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan'],
        ['pihak_kedua_nama', 'PAROSIL MABSUS'],
        ['pihak_kedua_jabatan', 'Bupati Lampung Barat'],
        ['tanggal', reason ? '1 September 2024' : '2 Januari 2024'],
        ...(reason ? [['alasan_perubahan', reason]] : []),
      ] as [string, string | number][])
        keys.addRow([k, v]);
      const t = wb.addWorksheet('Target');
      t.addRow(['kode_indikator', 'target', 'satuan_hitung']);
      t.addRow(['IKU-1', iku1, null]);
      t.addRow(['IKU-4', '905,17', null]);
      const a = wb.addWorksheet('Anggaran');
      a.addRow(['kode_program', 'pagu']);
      a.addRow(['SAS-49', 'Rp 1.250.000.000']);
      return wb;
    };
    const signed = await importBuffer(
      Buffer.from(await pk(null, '31%').xlsx.writeBuffer()),
      'pk-2024.xlsx',
    );
    expect(signed.problems).toEqual([]);
    const agreements = new AgreementQueries(new StateLoader(new EventStore(db.sql)));
    const first = await agreements.pk(opdId, 2024, 'KADIS');
    expect(first!.renstraConflicts).toContainEqual(
      expect.objectContaining({
        indicatorCode: 'IKU-1',
        pkValue: '31',
        renstraValue: '32',
        kind: 'value_differs',
      }),
    );
    // The head's PK leaves out three IKU of the Renstra: flagged too, never hidden.
    expect(
      first!.renstraConflicts.filter((c) => c.kind === 'missing_in_pk').map((c) => c.indicatorCode),
    ).toEqual(['IKU-2', 'IKU-3', 'IKU-5']);
    const wrongUnit = pk('Salah satuan', '31');
    wrongUnit.getWorksheet('Target')!.getRow(3).getCell(2).value = '905,17%';
    const percentForRupiah = await importBuffer(
      Buffer.from(await wrongUnit.xlsx.writeBuffer()),
      'pk-2024-salah.xlsx',
    );
    expect(percentForRupiah.problems).toEqual([
      expect.objectContaining({
        sheet: 'Target',
        column: 'target',
        message: expect.stringContaining('Milyar rupiah'),
      }),
    ]);
    const revised = await importBuffer(
      Buffer.from(await pk('Penyesuaian APBD Perubahan', '32').xlsx.writeBuffer()),
      'pk-2024-perubahan.xlsx',
    );
    expect(revised.problems).toEqual([]);
    const second = await agreements.pk(opdId, 2024, 'KADIS');
    expect(second!.revisions.map((r) => r.reason)).toEqual([null, 'Penyesuaian APBD Perubahan']);
    expect(second!.renstraConflicts.filter((c) => c.kind === 'value_differs')).toEqual([]);

    const csv = `#template: anggaran\nid_opd;tahun;tahap;dokumen;tanggal;kode_program;kode_kegiatan;kode_sub_kegiatan;pagu;sumber_dana\n${opdId};2024;renja_murni;Renja 2024;1 Juni 2023;SAS-49;;;1.300.000.000;APBD\n${opdId};2024;dpa_pengesahan;DPA 2024;2 Januari 2024;SAS-49;;;1.250.000.000,50;APBD\n`;
    const budget = await importBuffer(Buffer.from(csv), 'anggaran-2024.csv');
    expect(budget.problems).toEqual([]);
    const totals = (await agreements.budget(opdId, 2024)).totals.map((t) => [t.stage, t.total]);
    expect(totals).toEqual([
      ['renja_murni', '1300000000'],
      ['dpa_pengesahan', '1250000000.5'],
    ]);
    expect(await importBuffer(Buffer.from(csv), 'anggaran-2024.csv')).toMatchObject({
      ok: true,
      unchanged: true,
    });
  });
});

describe('imports keep what the file does not mention', () => {
  const achievements = () =>
    new AchievementQueries(new EventStore(db.sql), new StateLoader(new EventStore(db.sql)));
  const program = async (code: string) =>
    (await achievements().opdYear(opdId, 2024))!.programs.find((p) => p.programCode === code)!;
  const SERAPAN = 'id_opd;tahun;periode;kode_program;kode_kegiatan;kode_sub_kegiatan;realisasi';

  it('a one-row serapan file changes that line and keeps the other programs of the period', async () => {
    const before = { sas4: (await program('SAS-4')).spent, sas49: (await program('SAS-49')).spent };
    const csv = Buffer.from(`${SERAPAN}\n${opdId};2024;TW1;SAS-49;;;80.000.000\n`);
    const dry = await importBuffer(csv, 'serapan-koreksi.csv', { dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.changes.totals).toEqual({ added: 0, changed: 1, unchanged: 0, removed: 0 });
    expect(dry.changes.changes[0]).toMatchObject({
      sheet: 'Serapan',
      key: `${opdId} · 2024 · TW1 · SAS-49`,
      status: 'changed',
      row: 2,
      before: { realisasi: '75300000' },
      after: { realisasi: '80000000' },
      columns: ['realisasi'],
    });
    const written = await importBuffer(csv, 'serapan-koreksi.csv');
    expect(written.problems).toEqual([]);
    expect((await program('SAS-4')).spent).toBe(before.sas4);
    expect(Number((await program('SAS-49')).spent) - Number(before.sas49)).toBe(4_700_000);
  });

  it('replacing the whole period is explicit, announced by the dry run, and removes the rest', async () => {
    const csv = Buffer.from(`${SERAPAN}\n${opdId};2024;TW1;SAS-49;;;80.000.000\n`);
    const count = await eventCount();
    const dry = await importBuffer(csv, 'serapan-ganti.csv', { dryRun: true, replacePeriod: true });
    expect(dry.changes.replacePeriod).toBe(true);
    expect(dry.changes.totals).toEqual({ added: 0, changed: 0, unchanged: 1, removed: 3 });
    expect(
      dry.changes.changes.filter((c) => c.status === 'removed').map((c) => c.before?.kode_program),
    ).toEqual(['SAS-4', 'SAS-35', 'SAS-65']);
    expect(await eventCount()).toBe(count);
  });

  it('a one-row budget document keeps the pagu of the programs it does not mention', async () => {
    expect((await program('SAS-49')).pagu).toBe('1250000000.5');
    const csv = Buffer.from(
      `id_opd;tahun;tahap;dokumen;tanggal;kode_program;kode_kegiatan;kode_sub_kegiatan;pagu;sumber_dana\n${opdId};2024;dpa_pergeseran;DPA Pergeseran I 2024;1 Juli 2024;SAS-4;;;500.000.000;APBD\n`,
    );
    const dry = await importBuffer(csv, 'anggaran-geser.csv', { dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.changes.totals).toEqual({ added: 1, changed: 0, unchanged: 0, removed: 0 });
    expect((await importBuffer(csv, 'anggaran-geser.csv')).problems).toEqual([]);
    expect((await program('SAS-4')).pagu).toBe('500000000');
    expect((await program('SAS-49')).pagu).toBe('1250000000.5');
    expect((await program('SAS-49')).budgetDocument).toBe('DPA Pergeseran I 2024');
  });

  it('domain errors name the template column and the row of the line', async () => {
    const csv = Buffer.from(
      `${SERAPAN}\n${opdId};2024;TW2;SAS-4;;;1.000\n${opdId};2024;TW2;SAS-999;;;2.000\n${opdId};2030;TW1;SAS-4;;;1.000\n`,
    );
    const report = await importBuffer(csv, 'serapan-salah.csv', { dryRun: true });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'kode_program'],
      [4, 'tahun'],
    ]);
    expect(report.problems[0]?.message).toContain('SAS-999');
  });

  it('a file naming an OPD that does not exist: said once, with the file problems, nothing written', async () => {
    const ghost = '18.04-DINASKHAYALAN';
    const header = 'id_opd;kode_indikator;tahun;periode;nilai;input;dokumen;sumber_data;catatan';
    const rows = ['TW1', 'TW2', 'TW3', 'TAHUN'].map(
      (p) => `${ghost};IKU-4;2024;${p};900;;Laporan;BPS;`,
    );
    const csv = Buffer.from(
      [header, ...rows, `${opdId};IKU-4;dua ribu;TW1;900;;Laporan;BPS;`].join('\n'),
    );
    const count = await eventCount();
    const report = await checkBuffer(csv, 'realisasi-khayalan.csv');
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [6, 'tahun'],
      [2, 'id_opd'],
    ]);
    expect(report.problems[1]?.message).toContain(`OPD ${ghost} is not registered`);
    expect(await eventCount()).toBe(count);
  });
});

describe('export, then import the exported file: unchanged', () => {
  const cases = [
    ['organisasi', { opdId }],
    ['sk', { opdId, decreeNumber: '050/18/KPTS/III.06/1/2023' }],
    ['pk', { opdId, year: 2024, positionCode: 'KADIS' }],
    ['anggaran', { opdId, year: 2024 }],
    ['serapan', { opdId, year: 2024 }],
    ['narasi', { opdId, year: 2024 }],
    ['realisasi', { opdId, year: 2024 }],
    ['target', { opdId, decreeNumber: '050/18/KPTS/III.06/1/2023' }],
  ] as const;
  it.each(cases)('%s', async (kind, scope) => {
    const file = await exportTemplate(db.sql, kind, scope);
    expect(file.rowCount).toBeGreaterThan(0);
    const count = await eventCount();
    const report = await importBuffer(file.content, file.fileName);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, unchanged: true, eventsWritten: 0 });
    expect(report.changes.totals).toEqual({
      added: 0,
      changed: 0,
      unchanged: file.rowCount,
      removed: 0,
    });
    expect(await eventCount()).toBe(count);
    // Cells carry the recorded precision, never a float expansion.
    const parsed = await parseImportBuffer(file.content, file.fileName);
    expect(JSON.stringify(parsed)).not.toMatch(/\d[.,]\d{9,}/);
  });
});
