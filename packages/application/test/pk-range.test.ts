// A PK imported from the `pk` template: a range cell ("2,5 - 3,5") of a range polarity
// indicator becomes the PK's band, so capaian stays computable after the PK is signed; a band
// on another indicator, or a single value for a range one, is refused naming the `target` column.
import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { parseImportBuffer } from '@sakip/importer';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  AchievementQueries,
  AgreementQueries,
  applyImport,
  CommandExecutor,
  opdUseCases,
  planUseCases,
  realizationUseCases,
  regionUseCases,
  StateLoader,
  systemActor,
} from '../src/index';

const opdId = '18.04-DISKOPUKM';
let db: TestDatabase;
let store: EventStore;
let executor: CommandExecutor;
const ctx = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

const indicator = (over: Partial<Indicator>): Indicator => ({
  code: 'INF-1',
  kind: 'iku',
  elementCode: 'SS-1',
  positionCode: null,
  name: 'Tingkat inflasi daerah',
  definition: null,
  formulaText: null,
  formula: null,
  satuan: '%',
  polarity: 'range',
  sumberData: 'BPS',
  penanggungJawab: null,
  dataPeriod: 'yearly',
  rollup: 'last',
  baseline: null,
  targets: [2023, 2024, 2025, 2026].map((year) => ({ year, value: null, min: '2', max: '4' })),
  cascadeTo: null,
  ...over,
});

async function importPk(rows: [string, string][]) {
  const wb = new ExcelJS.Workbook();
  const keys = wb.addWorksheet('PK');
  keys.addRow(['kolom', 'nilai']);
  for (const kv of [
    ['id_opd', opdId],
    ['tahun', 2024],
    ['kode_jabatan', 'KADIS'],
    ['pihak_pertama_nama', 'Kepala Dinas'],
    ['pihak_pertama_jabatan', 'Kepala Dinas Koperasi'],
    ['pihak_kedua_nama', 'Bupati'],
    ['pihak_kedua_jabatan', 'Bupati Lampung Barat'],
    ['tanggal', '2 Januari 2024'],
  ])
    keys.addRow(kv);
  const t = wb.addWorksheet('Target');
  t.addRow(['kode_indikator', 'target', 'satuan_hitung']);
  for (const [code, target] of rows) t.addRow([code, target, null]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const parsed = await parseImportBuffer(buf, 'pk-2024.xlsx');
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.problems)}`);
  return applyImport(db.sql, parsed.document, systemActor('test'), {
    dryRun: false,
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
  executor = new CommandExecutor(store);
  for (const [code, name] of [
    ['18', 'Lampung'],
    ['18.04', 'Kabupaten Lampung Barat'],
  ] as const)
    await executor.execute(
      regionUseCases.registerRegion,
      { code, name, codeEdition: 'Kepmendagri 2025' },
      ctx(),
    );
  await executor.execute(
    opdUseCases.registerOpd,
    { regionCode: '18.04', code: 'DISKOPUKM', name: 'Dinas Koperasi' },
    ctx(),
  );
  const on = { opdId, decreeId: randomUUID() };
  await executor.execute(
    planUseCases.draftDecree,
    {
      ...on,
      info: {
        number: '050/18/KPTS/2023',
        title: 'Penetapan IKU 2023-2026',
        date: '2023-01-04',
        place: 'Liwa',
        signer: { name: 'Kepala Dinas', nip: null, position: 'Kepala Dinas' },
        legalBases: [],
        kind: 'penetapan',
        periodStart: 2023,
        periodEnd: 2026,
      },
    },
    ctx(),
  );
  await executor.execute(
    planUseCases.defineElement,
    { ...on, element: { code: 'SS-1', level: 'sasaran', name: 'Sasaran', parentCode: null } },
    ctx(),
  );
  await executor.execute(planUseCases.defineIndicator, { ...on, indicator: indicator({}) }, ctx());
  await executor.execute(
    planUseCases.defineIndicator,
    {
      ...on,
      indicator: indicator({
        code: 'IKU-DOK',
        name: 'Jumlah dokumen perencanaan',
        satuan: 'dokumen',
        polarity: 'higher_better',
        targets: [2023, 2024, 2025, 2026].map((year) => ({ year, value: '2' })),
      }),
    },
    ctx(),
  );
  await executor.execute(planUseCases.enactDecree, on, ctx());
}, 60_000);
afterAll(async () => db?.drop());

describe('a PK with a range target, imported', () => {
  it('refuses a band on a non-range indicator and a single value for a range one, naming `target`', async () => {
    const band = await importPk([
      ['INF-1', '2,5 - 3,5'],
      ['IKU-DOK', '1 - 2'],
    ]);
    expect(band.ok).toBe(false);
    expect(band.problems).toContainEqual(
      expect.objectContaining({
        column: 'target',
        message: expect.stringContaining('IKU-DOK bukan indikator rentang'),
      }),
    );
    const single = await importPk([
      ['INF-1', '3'],
      ['IKU-DOK', '2'],
    ]);
    expect(single.problems).toContainEqual(
      expect.objectContaining({
        column: 'target',
        message: expect.stringContaining('memerlukan batas bawah'),
      }),
    );
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from streams
      where stream_id like 'pk-%'`;
    expect(n?.n).toBe(0);
  });

  it('signs the band and keeps the range capaian computable', async () => {
    const signed = await importPk([
      ['INF-1', '2,5 - 3,5'],
      ['IKU-DOK', '2'],
    ]);
    expect(signed.problems).toEqual([]);
    const loader = new StateLoader(store);
    const pk = await new AgreementQueries(loader).pk(opdId, 2024, 'KADIS');
    expect(pk?.current?.targets.find((t) => t.indicatorCode === 'INF-1')).toMatchObject({
      value: null,
      min: '2.5',
      max: '3.5',
    });
    await executor.execute(
      realizationUseCases.recordRealization,
      {
        opdId,
        indicatorCode: 'INF-1',
        year: 2024,
        period: 'YEAR',
        value: '3.1',
        inputs: null,
        note: null,
        evidence: { documentRef: 'BPS 2024', dataSource: 'BPS', attachment: null },
      },
      ctx(),
    );
    // Only verified values count: the head's verify makes the value the one in force.
    const entry = { opdId, indicatorCode: 'INF-1', year: 2024, period: 'YEAR' as const };
    await executor.execute(realizationUseCases.submitRealization, entry, ctx());
    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...entry, level: 'head' as const },
      ctx(),
    );
    const row = (await new AchievementQueries(store, loader).opdYear(opdId, 2024))!.indicators.find(
      (r) => r.indicator.code === 'INF-1',
    )!;
    expect(row.target).toMatchObject({
      min: '2.5',
      max: '3.5',
      source: 'pk',
      sourceLabel: 'PK 2024 Kepala Dinas Koperasi',
    });
    expect(row.achievement.year.capaian).toEqual({ computable: true, value: '100' });
  });
});
