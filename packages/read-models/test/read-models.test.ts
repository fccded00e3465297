// The plan, realization, comparison and budget read models driven through the real domain:
// example files imported with applyImport and commands run by the CommandExecutor.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSerapan } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
// Other workspace packages by path: read-models does not depend on them (tests only).
import {
  agreementUseCases,
  applyImport,
  catalogUseCases,
  CommandExecutor,
  planUseCases,
  realizationUseCases,
  systemActor,
} from '@sakip/application';
import { parseImportBuffer } from '@sakip/importer';
import {
  budgetOf,
  budgetProjection,
  comparisonProjection,
  comparisonRows,
  decreeChanges,
  decreesProjection,
  decreeTimeline,
  indicatorsOf,
  indicatorsProjection,
  projectionStatus,
  realizationsOf,
  realizationsProjection,
  rebuildProjection,
  runProjection,
  tableNames,
  targetsOf,
  verificationQueue,
  type Projection,
} from '../src';
import { dump, quietLogger } from './helpers';

const examples = fileURLToPath(new URL('../../importer/examples/', import.meta.url));
const LAMBAR = '18.04-DISKOPERINDAG';
const BANDAR = '18.71-DISKOPUKM';
const mine: Projection[] = [
  indicatorsProjection,
  decreesProjection,
  realizationsProjection,
  comparisonProjection,
  budgetProjection,
];
const actor = systemActor('test');
const ctx = () => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });

let db: TestDatabase;
let store: EventStore;
let executor: CommandExecutor;

async function importBuffer(buf: Buffer, name: string): Promise<void> {
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.problems)}`);
  const report = await applyImport(db.sql, parsed.document, actor, {
    dryRun: false,
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!report.ok) throw new Error(`${name}: ${JSON.stringify(report.problems)}`);
}
const importExample = async (name: string) =>
  importBuffer(await readFile(`${examples}${name}`), name);

/** Runs every new projection to the head (repeated: the feed waits for the cluster-wide xmin). */
async function catchUp(): Promise<void> {
  const head = await store.headPosition();
  for (let i = 0; i < 100; i++) {
    for (const projection of mine) {
      const r = await runProjection({
        sql: db.sql,
        store,
        projection,
        untilCaughtUp: true,
        logger: quietLogger,
        policy: 'stop',
      });
      expect(r.partitions[0]?.reason, `${projection.name}: ${r.partitions[0]?.error ?? ''}`).toBe(
        'caught_up',
      );
    }
    const status = (await projectionStatus(db.sql)).filter(
      (s) => mine.some((p) => p.name === s.name) && s.versionStatus === 'active',
    );
    if (status.length === mine.length && status.every((s) => s.position >= head)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('projections did not catch up');
}

beforeAll(async () => {
  db = await createTestDatabase({ max: 8 });
  store = new EventStore(db.sql);
  executor = new CommandExecutor(store);
  for (const f of [
    'organisasi-demo.xlsx',
    'sk-lampung-barat-050-18-2023.xlsx',
    'realisasi-lampung-barat-2024.xlsx',
    'serapan-lampung-barat-2024.xlsx',
    'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
    'sk-bandar-lampung-perubahan-121-2021.xlsx',
  ])
    await importExample(f);
  const csv = `#template: anggaran\nid_opd;tahun;tahap;dokumen;tanggal;kode_program;kode_kegiatan;kode_sub_kegiatan;pagu;sumber_dana\n${LAMBAR};2024;renja_murni;Renja 2024;1 Juni 2023;SAS-49;;;1.300.000.000;APBD\n${LAMBAR};2024;dpa_pengesahan;DPA 2024;2 Januari 2024;SAS-49;;;1.250.000.000,50;APBD\n`;
  await importBuffer(Buffer.from(csv), 'anggaran-2024.csv');
  await catchUp();
}, 60_000);
afterAll(async () => db?.drop());

describe('indicators', () => {
  it('holds every indicator in force with its targets (Lampung Barat IKU-4 905.17 in 2024)', async () => {
    const rows = await indicatorsOf(db.sql, LAMBAR);
    expect(rows.length).toBeGreaterThan(10);
    const iku4 = rows.find((r) => r.indicator_code === 'IKU-4');
    expect(iku4).toMatchObject({
      kind: 'iku',
      decree_number: '050/18/KPTS/III.06/1/2023',
      period_start: 2023,
      period_end: 2026,
      province_code: '18',
    });
    const targets = await targetsOf(db.sql, LAMBAR, 2024);
    expect(targets.find((t) => t.indicator_code === 'IKU-4')?.value).toBe('905.17');
    expect(
      rows.filter((r) => r.kind === 'iki').every((r) => typeof r.position_code === 'string'),
    ).toBe(true);
    // The Bandar Lampung amendment is in force over its penetapan: IKU-3 added, IKU-2 renamed.
    const bandar = await indicatorsOf(db.sql, BANDAR);
    expect(bandar.map((r) => r.indicator_code)).toEqual(expect.arrayContaining(['IKU-2', 'IKU-3']));
    expect(bandar.find((r) => r.indicator_code === 'IKU-2')?.name).toBe(
      'Persentase koperasi sehat dan cukup sehat',
    );
    expect(new Set(bandar.map((r) => r.decree_number))).toEqual(new Set(['121/SK/III.15/II/2021']));
  });

  it('keeps a draft out of the set in force; the retiring enactment removes the indicator and its targets', async () => {
    const decreeId = randomUUID();
    const info = {
      number: '050/99/KPTS/III.06/2024',
      title: 'Perubahan Indikator Kinerja',
      date: '2024-06-01',
      place: 'Liwa',
      signer: { name: 'PAROSIL MABSUS', nip: null, position: 'Bupati Lampung Barat' },
      legalBases: ['Permenpan RB 88/2021'],
      kind: 'perubahan' as const,
      periodStart: 2023,
      periodEnd: 2026,
    };
    await executor.execute(planUseCases.draftDecree, { opdId: LAMBAR, decreeId, info }, ctx());
    await executor.execute(
      planUseCases.retireIndicator,
      { opdId: LAMBAR, decreeId, code: 'IKU-5', reason: 'Tidak relevan lagi' },
      ctx(),
    );
    await executor.execute(
      planUseCases.retireIndicator,
      { opdId: LAMBAR, decreeId, code: 'IKU-3', reason: 'Salah input' },
      ctx(),
    );
    await executor.execute(
      planUseCases.withdrawChange,
      { opdId: LAMBAR, decreeId, key: 'indicator:IKU-3' },
      ctx(),
    );
    await catchUp();
    expect((await indicatorsOf(db.sql, LAMBAR)).map((r) => r.indicator_code)).toContain('IKU-5');
    const draft = (await decreeTimeline(db.sql, LAMBAR)).find((d) => d.decree_id === decreeId);
    expect(draft).toMatchObject({
      status: 'draft',
      sequence: null,
      change_count: 1,
      drafted_by: 'system:test',
      enacted_at: null,
    });
    const changes = await decreeChanges(db.sql, LAMBAR, decreeId);
    expect(changes.map((c) => [c.key, c.withdrawn_at === null])).toEqual([
      ['indicator:IKU-5', true],
      ['indicator:IKU-3', false],
    ]);

    await executor.execute(planUseCases.enactDecree, { opdId: LAMBAR, decreeId }, ctx());
    await catchUp();
    const after = await indicatorsOf(db.sql, LAMBAR);
    expect(after.map((r) => r.indicator_code)).not.toContain('IKU-5');
    expect(after.map((r) => r.indicator_code)).toContain('IKU-3');
    expect(new Set(after.map((r) => r.decree_number))).toEqual(new Set([info.number]));
    expect((await targetsOf(db.sql, LAMBAR, 2024)).map((t) => t.indicator_code)).not.toContain(
      'IKU-5',
    );
    const timeline = await decreeTimeline(db.sql, LAMBAR);
    expect(timeline.map((d) => [d.number, d.status, d.sequence])).toEqual([
      ['050/18/KPTS/III.06/1/2023', 'enacted', 1],
      [info.number, 'enacted', 2],
    ]);
    expect(timeline[1]).toMatchObject({ enacted_by: 'system:test', kind: 'perubahan' });
    expect(timeline[1]?.enacted_at).toBeInstanceOf(Date);
  });
});

describe('decrees', () => {
  it('shows the Bandar Lampung timeline and what the amendment changed', async () => {
    const timeline = await decreeTimeline(db.sql, BANDAR);
    expect(timeline.map((d) => [d.kind, d.status, d.sequence])).toEqual([
      ['penetapan', 'enacted', 1],
      ['perubahan', 'enacted', 2],
    ]);
    expect(timeline.every((d) => (d.change_count as number) > 0)).toBe(true);
    const amendment = timeline[1]!;
    expect(amendment.number).toBe('121/SK/III.15/II/2021');
    const changes = await decreeChanges(db.sql, BANDAR, amendment.decree_id as string);
    expect(changes.length).toBe(amendment.change_count);
    expect(changes.map((c) => c.code)).toEqual(expect.arrayContaining(['IKU-2', 'IKU-3']));
    expect(changes.find((c) => c.code === 'IKU-2')).toMatchObject({
      kind: 'indicator',
      name: 'Persentase koperasi sehat dan cukup sehat',
      recorded_by: 'system:test',
    });
  });
});

describe('comparison, realizations and budget', () => {
  const CODE = 'KOP-AKTIF';
  const row = async (year = 2024) =>
    (await comparisonRows(db.sql, { provinceCode: '18', catalogCode: CODE, year })).find(
      (r) => r.opd_id === LAMBAR,
    );

  it('shows a mapped indicator with the Renstra target and the domain capaian (IKU-1 25/75 vs 32 → 104.17 Sangat Tinggi)', async () => {
    const iku1 = (await indicatorsOf(db.sql, LAMBAR)).find((r) => r.indicator_code === 'IKU-1')!;
    await executor.execute(
      catalogUseCases.defineCatalogIndicator,
      {
        provinceCode: '18',
        code: CODE,
        name: 'Persentase koperasi aktif',
        satuan: iku1.satuan as string,
        polarity: 'higher_better',
        description: null,
      },
      ctx(),
    );
    await executor.execute(
      catalogUseCases.mapIndicator,
      { provinceCode: '18', opdId: LAMBAR, indicatorCode: 'IKU-1', catalogCode: CODE },
      ctx(),
    );
    await catchUp();
    // The imported example realizations (TW I–IV and the year, 32.896 vs 32) are drafts: they do
    // not count, they wait.
    expect(await row()).toMatchObject({
      target: '32',
      realization: null,
      capaian: null,
      capaian_reason: 'no_realization',
      predikat: null,
      pending: 5,
    });
    // … then the operator records it from the formula inputs, 25 / 75 × 100.
    const { numerator, denominator } = iku1.formula as { numerator: string; denominator: string };
    await executor.execute(
      realizationUseCases.recordRealization,
      {
        opdId: LAMBAR,
        indicatorCode: 'IKU-1',
        year: 2024,
        period: 'YEAR',
        value: null,
        inputs: { [numerator]: '25', [denominator]: '75' },
        note: null,
        evidence: { documentRef: 'Laporan RAT 2024', dataSource: 'Dinas', attachment: null },
      },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({ capaian: null, pending: 5 });
    // Submitted and verified by the head (the pemda requires no Inspektorat step yet): it counts.
    const entry = { opdId: LAMBAR, indicatorCode: 'IKU-1', year: 2024, period: 'YEAR' as const };
    await executor.execute(realizationUseCases.submitRealization, entry, ctx());
    await catchUp();
    expect(await row()).toMatchObject({ capaian: null, pending: 5 });
    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...entry, level: 'head' },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({
      pending: 4,
      province_code: '18',
      region_code: '18.04',
      indicator_code: 'IKU-1',
      catalog_code: CODE,
      catalog_name: 'Persentase koperasi aktif',
      target: '32',
      target_source: 'renstra',
      realization_source: 'year_entry',
      capaian_display: '104.17',
      predikat: 'Sangat Tinggi',
    });
    expect(Number((await row())?.realization)).toBeCloseTo(33.3333, 3);
    // Every year of the period has a row; years without realization are not computable, never 0.
    const all = await comparisonRows(db.sql, { provinceCode: '18', catalogCode: CODE });
    expect(all.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(all.find((r) => r.year === 2025)).toMatchObject({
      capaian: null,
      capaian_reason: 'no_realization',
      target: '33',
    });
  });

  it('takes the KADIS PK target over the Renstra and follows its revision', async () => {
    const party = (name: string, position: string) => ({ name, nip: null, position });
    const pk = {
      opdId: LAMBAR,
      year: 2024,
      positionCode: 'KADIS',
      date: '2024-01-02',
      budgets: [],
    };
    await executor.execute(
      agreementUseCases.signPk,
      {
        ...pk,
        firstParty: party('AKSANI, SP., M.Si', 'Kepala Dinas'),
        secondParty: party('PAROSIL MABSUS', 'Bupati'),
        targets: [{ indicatorCode: 'IKU-1', value: '30', unit: null, text: null }],
      },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({
      target: '30',
      target_source: 'pk',
      capaian_display: '111.11',
      predikat: 'Sangat Tinggi',
    });
    await executor.execute(
      agreementUseCases.revisePk,
      {
        ...pk,
        reason: 'Penyesuaian APBD Perubahan',
        date: '2024-09-01',
        targets: [{ indicatorCode: 'IKU-1', value: '40', unit: null, text: null }],
      },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({
      target: '40',
      target_source: 'pk',
      capaian_display: '83.33',
      predikat: 'Tinggi',
    });
    expect(await row(2025)).toMatchObject({ target: '33', target_source: 'renstra' });
  });

  it('uses the pemda measurement settings; a correction counts only once verified, through the queues', async () => {
    const entry = { opdId: LAMBAR, indicatorCode: 'IKU-1', year: 2024, period: 'YEAR' as const };
    const settings = {
      inspectorRequired: true,
      lowerIsBetterMethod: 'two_t_minus_r' as const,
      efficiencyMethod: 'ratio' as const,
      predikatScale: [
        { minInclusive: '90', label: 'Baik', code: 'baik' },
        { minInclusive: null, label: 'Kurang', code: 'kurang' },
      ],
    };
    await executor.execute(
      realizationUseCases.configureMeasurement,
      { code: '18.04', settings },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({ capaian_display: '83.33', predikat: 'Kurang', pending: 4 });

    // A correction of the verified 33.33: 38 against the PK target 40 would be 95.00 (Baik).
    await executor.execute(
      realizationUseCases.correctRealization,
      {
        ...entry,
        value: '38',
        inputs: null,
        note: null,
        reason: 'Data RAT susulan',
        evidence: { documentRef: 'Laporan RAT 2024', dataSource: 'Dinas', attachment: null },
      },
      ctx(),
    );
    await catchUp();
    expect(
      (await realizationsOf(db.sql, LAMBAR, 2024)).find(
        (r) => r.indicator_code === 'IKU-1' && r.period === 'YEAR',
      ),
    ).toMatchObject({ status: 'draft', version: 2 });
    expect(await row()).toMatchObject({ capaian_display: '83.33', predikat: 'Kurang', pending: 5 });
    await executor.execute(realizationUseCases.submitRealization, entry, ctx());
    await catchUp();
    const head = await verificationQueue(db.sql, { opdId: LAMBAR, level: 'head' });
    expect(head.map((q) => [q.indicator_code, q.period])).toEqual([['IKU-1', 'YEAR']]);
    expect(await verificationQueue(db.sql, { opdId: LAMBAR, level: 'inspector' })).toEqual([]);

    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...entry, level: 'head' },
      ctx(),
    );
    await catchUp();
    expect(await verificationQueue(db.sql, { opdId: LAMBAR, level: 'head' })).toEqual([]);
    expect(
      (await verificationQueue(db.sql, { opdId: LAMBAR, level: 'inspector' })).map(
        (q) => q.indicator_code,
      ),
    ).toEqual(['IKU-1']);
    // Verified by the head, waiting for the Inspektorat: still the old verified value.
    expect(await row()).toMatchObject({ capaian_display: '83.33', pending: 5 });

    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...entry, level: 'inspector' },
      ctx(),
    );
    await catchUp();
    expect(await verificationQueue(db.sql, { opdId: LAMBAR, level: 'inspector' })).toEqual([]);
    const r = (await realizationsOf(db.sql, LAMBAR, 2024)).find(
      (x) => x.indicator_code === 'IKU-1' && x.period === 'YEAR',
    );
    expect(r).toMatchObject({ status: 'verified', updated_by: 'system:test' });
    expect(r?.verified_value).toBe(r?.value);
    expect(await row()).toMatchObject({
      realization: '38',
      capaian_display: '95.00',
      predikat: 'Baik',
      pending: 4,
    });
  });

  it('keeps pagu per stage, spending per period and serapan from the domain', async () => {
    const b = await budgetOf(db.sql, LAMBAR, 2024);
    expect(b.stages.map((s) => [s.stage, s.program_code, s.pagu])).toEqual([
      ['renja_murni', 'SAS-49', '1300000000'],
      ['dpa_pengesahan', 'SAS-49', '1250000000.5'],
    ]);
    expect(b.spending.length).toBeGreaterThan(0);
    const sas = b.programs.find((p) => p.program_code === 'SAS-49');
    expect(sas).toMatchObject({ latest_stage: 'dpa_pengesahan', pagu: '1250000000.5' });
    const spent = b.spending
      .filter((s) => s.program_code === 'SAS-49')
      .reduce((a, s) => a + Number(s.spent), 0);
    expect(Number(sas?.spent)).toBe(spent);
    const serapan = computeSerapan(String(sas?.spent), '1250000000.5');
    expect(sas?.serapan).toBe(serapan.ok ? serapan.value : null);
  });
});

describe('rebuild', () => {
  it('a rebuild of each read model equals the live-projected rows', async () => {
    for (const p of mine) {
      // A fresh database starts each read model at the lowest version its code needs.
      const live = tableNames(p, p.version);
      const before = await Promise.all(
        p.tables.map((t) => dump(db.sql, live[t]!, 'row_to_json(t)::text')),
      );
      const r = await rebuildProjection(db.sql, store, p.name, {
        logger: quietLogger,
        projections: mine,
      });
      expect(r.version).toBe(p.version + 1);
      const rebuilt = tableNames(p, r.version);
      const after = await Promise.all(
        p.tables.map((t) => dump(db.sql, rebuilt[t]!, 'row_to_json(t)::text')),
      );
      p.tables.forEach((t, i) => expect(after[i], `${p.name}.${t}`).toEqual(before[i]));
    }
  });
});
