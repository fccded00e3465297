// Two overlapping Renstra of one OPD (2021–2026, then the Lampung Barat SK 2023–2026) and PKs of
// several jabatan, driven through the real commands and importer: every projection catches up
// without a dead letter, and each year shows the plan, targets and sources in force.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import type { Indicator } from '@sakip/domain';
// Other workspace packages by path: read-models does not depend on them (tests only).
import {
  AchievementQueries,
  agreementUseCases,
  applyImport,
  catalogUseCases,
  CommandExecutor,
  planUseCases,
  realizationUseCases,
  StateLoader,
  systemActor,
} from '@sakip/application';
import { parseImportBuffer } from '@sakip/importer';
import {
  comparisonRows,
  indicatorsOf,
  projections,
  projectionStatus,
  runProjection,
  targetsOf,
} from '../src';
import { quietLogger } from './helpers';

const examples = fileURLToPath(new URL('../../importer/examples/', import.meta.url));
const LAMBAR = '18.04-DISKOPERINDAG';
const OLD_SK = '050/11/KPTS/III.06/2021';
const NEW_SK = '050/18/KPTS/III.06/1/2023';
const actor = systemActor('test');
const ctx = () => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });

let db: TestDatabase;
let store: EventStore;
let executor: CommandExecutor;
let kabid: { positionCode: string; ikiCode: string };

async function importExample(name: string): Promise<void> {
  const buf = await readFile(`${examples}${name}`);
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.problems)}`);
  const report = await applyImport(db.sql, parsed.document, actor, {
    dryRun: false,
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!report.ok) throw new Error(`${name}: ${JSON.stringify(report.problems)}`);
}

/** Every registered projection to the head; 'stop' makes a dead letter fail the test. */
async function catchUp(): Promise<void> {
  const head = await store.headPosition();
  for (let i = 0; i < 100; i++) {
    for (const projection of projections) {
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
    const status = (await projectionStatus(db.sql)).filter((s) => s.versionStatus === 'active');
    if (status.length >= projections.length && status.every((s) => s.position >= head)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('projections did not catch up');
}

const years = [2021, 2022, 2023, 2024, 2025, 2026];
const oldIndicator = (over: Partial<Indicator>): Indicator => ({
  code: 'IKU-1',
  kind: 'iku',
  elementCode: 'SS-2021',
  positionCode: null,
  name: 'Persentase koperasi aktif (Renstra 2021)',
  definition: null,
  formulaText: null,
  formula: null,
  satuan: '%',
  polarity: 'higher_better',
  sumberData: null,
  penanggungJawab: null,
  dataPeriod: 'yearly',
  rollup: 'last',
  baseline: null,
  targets: years.map((year) => ({ year, value: '10' })),
  cascadeTo: null,
  ...over,
});

/** Renstra 2021–2026 enacted first: IKU-1 (same code as the newer SK), OLD-1 and a range INF-1. */
async function enactOldRenstra(): Promise<void> {
  const on = { opdId: LAMBAR, decreeId: randomUUID() };
  await executor.execute(
    planUseCases.draftDecree,
    {
      ...on,
      info: {
        number: OLD_SK,
        title: 'Renstra Dinas 2021-2026',
        date: '2021-03-01',
        place: 'Liwa',
        signer: { name: 'Kepala Dinas', nip: null, position: 'Kepala Dinas' },
        legalBases: [],
        kind: 'penetapan',
        periodStart: 2021,
        periodEnd: 2026,
      },
    },
    ctx(),
  );
  await executor.execute(
    planUseCases.defineElement,
    {
      ...on,
      element: {
        code: 'SS-2021',
        level: 'sasaran',
        name: 'Sasaran Renstra 2021',
        parentCode: null,
      },
    },
    ctx(),
  );
  for (const indicator of [
    oldIndicator({}),
    oldIndicator({ code: 'OLD-1', name: 'Jumlah dokumen Renstra lama', satuan: 'dokumen' }),
    oldIndicator({
      code: 'INF-1',
      name: 'Tingkat inflasi daerah',
      polarity: 'range',
      targets: years.map((year) => ({ year, value: null, min: '2', max: '4' })),
    }),
  ])
    await executor.execute(planUseCases.defineIndicator, { ...on, indicator }, ctx());
  await executor.execute(planUseCases.enactDecree, on, ctx());
}

const party = (name: string, position: string) => ({ name, nip: null, position });

beforeAll(async () => {
  db = await createTestDatabase({ max: 8 });
  store = new EventStore(db.sql);
  executor = new CommandExecutor(store);
  await importExample('organisasi-demo.xlsx');
  await enactOldRenstra();
  await importExample('sk-lampung-barat-050-18-2023.xlsx');
  await catchUp();
  const iki = (await indicatorsOf(db.sql, LAMBAR, { year: 2024 })).find(
    (r) => r.kind === 'iki' && r.position_code !== 'KADIS',
  )!;
  kabid = { positionCode: iki.position_code as string, ikiCode: iki.indicator_code as string };
  for (const [code, indicatorCode] of [
    ['KOP-AKTIF', 'IKU-1'],
    ['IKI-KABID', kabid.ikiCode],
  ] as const) {
    await executor.execute(
      catalogUseCases.defineCatalogIndicator,
      {
        provinceCode: '18',
        code,
        name: code,
        satuan: (await indicatorsOf(db.sql, LAMBAR, { year: 2024 })).find(
          (r) => r.indicator_code === indicatorCode,
        )!.satuan as string,
        polarity: 'higher_better',
        description: null,
      },
      ctx(),
    );
    await executor.execute(
      catalogUseCases.mapIndicator,
      { provinceCode: '18', opdId: LAMBAR, indicatorCode, catalogCode: code },
      ctx(),
    );
  }
  await catchUp();
}, 90_000);
afterAll(async () => db?.drop());

describe('two overlapping Renstra', () => {
  it('leave no dead letter in any projection', async () => {
    await catchUp();
    const [dead] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from projection_dead_letters`;
    expect(dead?.n).toBe(0);
  });

  it('the newer Renstra’s indicators are in force from 2023, the older one’s before', async () => {
    const codes = async (year: number) =>
      (await indicatorsOf(db.sql, LAMBAR, { year })).map((r) => r.indicator_code);
    const in2024 = await codes(2024);
    expect(in2024).toContain('IKU-1');
    expect(in2024).not.toContain('OLD-1');
    expect(in2024).not.toContain('INF-1');
    expect(
      (await indicatorsOf(db.sql, LAMBAR, { year: 2024 })).every(
        (r) => r.period_start === 2023 && r.decree_number === NEW_SK,
      ),
    ).toBe(true);
    expect((await codes(2022)).sort()).toEqual(['IKU-1', 'INF-1', 'OLD-1']);
  });

  it('targets in force follow the same period: IKU-1 is 32 in 2024 (SK 2023) and 10 in 2022', async () => {
    const iku1 = async (year: number) =>
      (await targetsOf(db.sql, LAMBAR, year)).filter((r) => r.indicator_code === 'IKU-1');
    expect((await iku1(2024)).map((r) => [r.period_start, r.value])).toEqual([[2023, '32']]);
    expect((await iku1(2022)).map((r) => [r.period_start, r.value])).toEqual([[2021, '10']]);
  });

  it('the comparison shows one row per year with the Renstra SK in force as the source', async () => {
    const rows = (await comparisonRows(db.sql, { provinceCode: '18', catalogCode: 'KOP-AKTIF' }))
      .filter((r) => r.opd_id === LAMBAR)
      .map((r) => [r.year, r.target, r.target_source_label]);
    expect(rows).toEqual([
      [2021, '10', `Renstra SK ${OLD_SK}`],
      [2022, '10', `Renstra SK ${OLD_SK}`],
      [2023, '30', `Renstra SK ${NEW_SK}`],
      [2024, '32', `Renstra SK ${NEW_SK}`],
      [2025, '33', `Renstra SK ${NEW_SK}`],
      [2026, '34', `Renstra SK ${NEW_SK}`],
    ]);
  });

  it('the achievement query reads the plan in force of each year', async () => {
    const q = new AchievementQueries(store, new StateLoader(store));
    const y2024 = (await q.opdYear(LAMBAR, 2024))!;
    expect([y2024.periodStart, y2024.periodEnd]).toEqual([2023, 2026]);
    expect(y2024.indicators.find((r) => r.indicator.code === 'IKU-1')?.target).toMatchObject({
      value: '32',
      sourceLabel: `Renstra SK ${NEW_SK}`,
    });
    const y2022 = (await q.opdYear(LAMBAR, 2022))!;
    expect(y2022.periodStart).toBe(2021);
    expect(y2022.indicators.map((r) => r.indicator.code).sort()).toEqual([
      'IKU-1',
      'INF-1',
      'OLD-1',
    ]);
  });
});

describe('PK of any jabatan', () => {
  it('a Kepala Bidang PK sets the target of its IKI, named with PK, jabatan and revision', async () => {
    const pk = { opdId: LAMBAR, year: 2024, positionCode: kabid.positionCode, budgets: [] };
    await executor.execute(
      agreementUseCases.signPk,
      {
        ...pk,
        date: '2024-01-31',
        firstParty: party('Kepala Bidang', 'Kepala Bidang Perdagangan'),
        secondParty: party('Kepala Dinas', 'Kepala Dinas'),
        targets: [{ indicatorCode: kabid.ikiCode, value: '77', unit: null, text: null }],
      },
      ctx(),
    );
    await catchUp();
    const row = async () =>
      (
        await comparisonRows(db.sql, { provinceCode: '18', catalogCode: 'IKI-KABID', year: 2024 })
      ).find((r) => r.opd_id === LAMBAR);
    expect(await row()).toMatchObject({
      target: '77',
      target_source: 'pk',
      target_source_label: 'PK 2024 Kepala Bidang Perdagangan',
    });
    await executor.execute(
      agreementUseCases.revisePk,
      {
        ...pk,
        reason: 'Penyesuaian APBD Perubahan',
        date: '2024-09-30',
        targets: [{ indicatorCode: kabid.ikiCode, value: '70', unit: null, text: null }],
      },
      ctx(),
    );
    await catchUp();
    expect(await row()).toMatchObject({
      target: '70',
      target_source_label: 'PK 2024 Kepala Bidang Perdagangan (revisi 1)',
    });
    const q = new AchievementQueries(store, new StateLoader(store));
    const ach = (await q.opdYear(LAMBAR, 2024))!.indicators.find(
      (r) => r.indicator.code === kabid.ikiCode,
    );
    expect(ach?.target).toMatchObject({
      value: '70',
      source: 'pk',
      sourceLabel: 'PK 2024 Kepala Bidang Perdagangan (revisi 1)',
    });
    // The Kepala Bidang PK does not touch the IKU the Kepala Dinas answers for.
    expect(
      (
        await comparisonRows(db.sql, { provinceCode: '18', catalogCode: 'KOP-AKTIF', year: 2024 })
      )[0],
    ).toMatchObject({ target: '32', target_source: 'renstra' });
  });

  it('a range indicator keeps its capaian computable after the PK is signed', async () => {
    await executor.execute(
      agreementUseCases.signPk,
      {
        opdId: LAMBAR,
        year: 2022,
        positionCode: 'KADIS',
        budgets: [],
        date: '2022-01-31',
        firstParty: party('Kepala Dinas', 'Kepala Dinas'),
        secondParty: party('Bupati', 'Bupati Lampung Barat'),
        targets: [
          { indicatorCode: 'INF-1', value: null, min: '2.5', max: '3.5', unit: null, text: null },
        ],
      },
      ctx(),
    );
    await executor.execute(
      realizationUseCases.recordRealization,
      {
        opdId: LAMBAR,
        indicatorCode: 'INF-1',
        year: 2022,
        period: 'YEAR',
        value: '3',
        inputs: null,
        note: null,
        evidence: { documentRef: 'BPS 2022', dataSource: 'BPS', attachment: null },
      },
      ctx(),
    );
    // Only verified values count: the head's verify makes the value the one in force.
    const entry = { opdId: LAMBAR, indicatorCode: 'INF-1', year: 2022, period: 'YEAR' as const };
    await executor.execute(realizationUseCases.submitRealization, entry, ctx());
    await executor.execute(
      realizationUseCases.verifyRealization,
      { ...entry, level: 'head' as const },
      ctx(),
    );
    const q = new AchievementQueries(store, new StateLoader(store));
    const inf = (await q.opdYear(LAMBAR, 2022))!.indicators.find(
      (r) => r.indicator.code === 'INF-1',
    );
    expect(inf?.target).toMatchObject({
      min: '2.5',
      max: '3.5',
      source: 'pk',
      sourceLabel: 'PK 2022 Kepala Dinas',
    });
    expect(inf?.achievement.year.capaian).toEqual({ computable: true, value: '100' });
    await catchUp();
  });
});
