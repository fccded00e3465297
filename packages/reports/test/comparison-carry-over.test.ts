// Figures recorded under a bare local code before keys named their owner are carried over into
// the owner's stream with new events: each OPD's stream gets its own figures only, the old
// stream gets a marker per carried figure, no stored event changes, a second run writes nothing,
// and a figure whose owner cannot be told is reported and left where it is.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  carryOverComparison,
  carryOverComparisons,
  CommandExecutor,
  executeBatch,
  legacyFigures,
  realizationUseCases,
  systemActor,
} from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { loadLkjipData } from '../src/index';
import { importExample } from './fixture';
import { appendLegacyComparison, type LegacyFigure } from './legacy-comparison';

const LAMBAR = '18.04-DISKOPERINDAG';
const BANDAR = '18.71-DISKOPUKM';
const YEAR = 2024;
const evidence = { documentRef: 'Laporan 2024', dataSource: 'Dinas', attachment: null };

let db: TestDatabase;
let store: EventStore;
let executor: CommandExecutor;
const ctx = (correlationId: string = randomUUID()) => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId,
});
const carry = (o: { provinceCode?: string; dryRun?: boolean } = {}) =>
  carryOverComparisons(executor, store, {
    dryRun: o.dryRun ?? false,
    ...(o.provinceCode ? { provinceCode: o.provinceCode } : {}),
    context: () => ctx(),
  });

const appendLegacy = (
  code: string,
  figure: LegacyFigure,
  meta: Parameters<typeof appendLegacyComparison>[4],
) => appendLegacyComparison(store, code, YEAR, figure, meta);

const realization = (opdId: string, correlationId: string) =>
  executor.execute(
    realizationUseCases.recordRealization,
    {
      opdId,
      indicatorCode: 'IKU-1',
      year: YEAR,
      period: 'YEAR',
      value: '33',
      inputs: null,
      evidence,
      note: null,
    } as never,
    ctx(correlationId),
  );

const figuresOf = async (opdId: string, position?: number) =>
  (await loadLkjipData({ sql: db.sql }, opdId, YEAR, position ? { position } : {})).indicators.find(
    (i) => i.code === 'IKU-1',
  )?.comparison;

/** Every stored event of the old bare-key streams, as the database holds it. */
const oldRows = () =>
  db.sql<{ global_position: string; row: unknown }[]>`
    select global_position, to_jsonb(e) - 'global_position' as row from events e
     where stream_id in ('cmp-IKU-1-2024', 'cmp-IKU-2-2024') order by global_position`;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
  executor = new CommandExecutor(store);
  for (const f of [
    'organisasi-demo.xlsx',
    'sk-lampung-barat-050-18-2023.xlsx',
    'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
    'sk-bandar-lampung-perubahan-121-2021.xlsx',
  ])
    await importExample(db.sql, f);
}, 120_000);
afterAll(async () => db?.drop());

describe('carrying old bare-key comparison figures over to their owners', () => {
  it('moves each OPD its own figures with new events, reports the rest, and runs once', async () => {
    // Two old realisasi imports that share the local code IKU-1, each with its Pembanding sheet.
    const lambarImport = randomUUID();
    const bandarImport = randomUUID();
    await realization(LAMBAR, lambarImport);
    await realization(BANDAR, bandarImport);
    const national = {
      correlationId: lambarImport,
      scope: { level: 'national', code: '' },
    } as const;
    await appendLegacy(
      'IKU-1',
      { scope: 'province', code: '18', value: '41.5', source: 'BPS Lampung' },
      national,
    );
    await appendLegacy(
      'IKU-1',
      { scope: 'national', code: '', value: '2.5', source: 'BPS RI' },
      national,
    );
    await appendLegacy(
      'IKU-1',
      { scope: 'province', code: '18', value: '72.25', source: 'BPS Lampung' },
      { correlationId: bandarImport, scope: { level: 'national', code: '' } },
    );
    // Typed by a province user outside any import: it names no OPD.
    await appendLegacy(
      'IKU-1',
      { scope: 'national', code: '', value: '55', source: 'BPS RI' },
      { correlationId: randomUUID(), scope: { level: 'province', code: '18' } },
    );
    // A Bandar Lampung user's figure in Lampung Barat's import: two OPDs, none is guessed.
    await appendLegacy(
      'IKU-2',
      { scope: 'province', code: '18', value: '9', source: 'BPS Lampung' },
      { correlationId: lambarImport, scope: { level: 'opd', code: BANDAR } },
    );
    // Lampung Barat has since recorded its national figure under its own key.
    await executor.execute(
      realizationUseCases.recordComparison,
      {
        scope: 'national',
        code: '',
        indicatorKey: 'IKU-1',
        opdId: LAMBAR,
        year: YEAR,
        value: '2.75',
        source: 'BPS RI',
      },
      ctx(),
    );
    const shown = {
      [LAMBAR]: {
        province: { value: '41.5', source: 'BPS Lampung' },
        national: { value: '2.75', source: 'BPS RI' },
      },
      [BANDAR]: { province: { value: '72.25', source: 'BPS Lampung' }, national: null },
    };
    expect(await figuresOf(LAMBAR)).toEqual(shown[LAMBAR]);
    expect(await figuresOf(BANDAR)).toEqual(shown[BANDAR]);
    const rowsBefore = await oldRows();
    const beforeCarry = await store.headPosition();

    const carried = [
      expect.objectContaining({
        opdId: LAMBAR,
        indicatorKey: `${LAMBAR}:IKU-1`,
        year: YEAR,
        scope: 'province',
        value: '41.5',
      }),
      expect.objectContaining({
        opdId: BANDAR,
        indicatorKey: `${BANDAR}:IKU-1`,
        year: YEAR,
        scope: 'province',
        value: '72.25',
      }),
    ];
    const uncarried = [
      expect.objectContaining({
        indicatorCode: 'IKU-1',
        scope: 'national',
        value: '2.5',
        reason: 'superseded',
        owners: [LAMBAR],
      }),
      expect.objectContaining({
        indicatorCode: 'IKU-1',
        scope: 'national',
        value: '55',
        reason: 'no_owner',
        owners: [],
      }),
      expect.objectContaining({
        indicatorCode: 'IKU-2',
        value: '9',
        reason: 'several_owners',
        owners: [LAMBAR, BANDAR],
      }),
    ];
    const dry = await carry({ dryRun: true });
    expect(dry.carried).toEqual(carried);
    expect(dry.uncarried).toEqual(expect.arrayContaining(uncarried));
    expect(dry.uncarried).toHaveLength(3);
    expect(dry.eventsWritten).toBe(0);
    expect(await store.headPosition()).toBe(beforeCarry);
    expect((await carry({ dryRun: true, provinceCode: '35' })).carried).toEqual([]);

    const first = await carry();
    expect(first.carried).toEqual(carried);
    expect(first.uncarried).toHaveLength(3);
    expect(first.eventsWritten).toBe(4);

    // Each OPD's stream holds its own figures only, each naming where it came from.
    const own = async (opdId: string) =>
      (await store.readStream(`cmp-${opdId}:IKU-1-${YEAR}`)).events.map((e) => ({
        type: e.type,
        ...e.data,
      }));
    expect(await own(BANDAR)).toEqual([
      expect.objectContaining({
        type: 'ComparisonCarriedOver',
        indicatorKey: `${BANDAR}:IKU-1`,
        scope: 'province',
        value: '72.25',
        fromStreamId: 'cmp-IKU-1-2024',
      }),
    ]);
    expect(await own(LAMBAR)).toEqual([
      expect.objectContaining({ type: 'ComparisonRecorded', scope: 'national', value: '2.75' }),
      expect.objectContaining({
        type: 'ComparisonCarriedOver',
        scope: 'province',
        value: '41.5',
        revision: 1,
      }),
    ]);
    // The old stream: its figures as they were, then one marker per carried figure.
    const old = (await store.readStream(`cmp-IKU-1-${YEAR}`)).events;
    expect(old.map((e) => e.type)).toEqual([
      ...Array<string>(4).fill('ComparisonRecorded'),
      'ComparisonCarriedTo',
      'ComparisonCarriedTo',
    ]);
    expect(old.slice(4).map((e) => [e.data.fromEventId, e.data.opdId])).toEqual([
      [old[0]!.eventId, LAMBAR],
      [old[2]!.eventId, BANDAR],
    ]);
    // The read-time fallback now sees only what was not carried.
    expect(legacyFigures(old).pending.map((f) => f.event.data.value)).toEqual(['2.5', '55']);
    const rowsAfter = await oldRows();
    expect(rowsAfter.slice(0, rowsBefore.length)).toEqual(rowsBefore);
    expect(rowsAfter).toHaveLength(rowsBefore.length + 2);

    // Reads find the figures under the owners' keys; a report pinned before shows the same.
    expect(await figuresOf(LAMBAR)).toEqual(shown[LAMBAR]);
    expect(await figuresOf(BANDAR)).toEqual(shown[BANDAR]);
    expect(await figuresOf(BANDAR, beforeCarry)).toEqual(shown[BANDAR]);

    const afterCarry = await store.headPosition();
    const second = await carry();
    expect(second).toMatchObject({ carried: [], eventsWritten: 0, alreadyCarried: 2 });
    expect(second.uncarried).toHaveLength(3);
    expect(await store.headPosition()).toBe(afterCarry);
  });

  it('a run stopped after the owner stream got the figure writes only the missing marker', async () => {
    // Recorded by a user working in Lampung Barat: the figure is Lampung Barat's.
    await appendLegacy(
      'IKU-9',
      { scope: 'province', code: '18', value: '7', source: 'BPS Lampung' },
      { correlationId: randomUUID(), scope: { level: 'opd', code: LAMBAR } },
    );
    const [old] = (await store.readStream(`cmp-IKU-9-${YEAR}`)).events;
    // The first append of an earlier run, without the second.
    await executeBatch(
      store,
      executor.loader,
      [
        {
          useCase: carryOverComparison,
          input: {
            opdId: LAMBAR,
            indicatorCode: 'IKU-9',
            year: YEAR,
            fromStreamId: `cmp-IKU-9-${YEAR}`,
            fromEventId: old!.eventId,
            figure: { scope: 'province', code: '18', value: '7', source: 'BPS Lampung' },
            provinceCode: '18',
            regionCode: null,
          },
        },
      ],
      ctx(),
    );
    const report = await carry();
    expect(report.carried).toEqual([]);
    expect(report.eventsWritten).toBe(1);
    expect((await store.readStream(`cmp-IKU-9-${YEAR}`)).events.map((e) => e.type)).toEqual([
      'ComparisonRecorded',
      'ComparisonCarriedTo',
    ]);
    expect((await store.readStream(`cmp-${LAMBAR}:IKU-9-${YEAR}`)).events).toHaveLength(1);
    expect((await carry()).eventsWritten).toBe(0);
  });
});
