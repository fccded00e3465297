// Province and national figures (angka pembanding) belong to a catalog indicator or to one OPD's
// indicator: two OPDs of Lampung share the local code IKU-1, and each report shows its own.
// Figures recorded under the bare local code before keys were qualified stay where they were
// written and are still shown to the OPD they were recorded for.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandExecutor, realizationUseCases, systemActor } from '@sakip/application';
import { DomainError } from '@sakip/domain';
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

const appendLegacy = (
  code: string,
  figure: LegacyFigure,
  meta: Parameters<typeof appendLegacyComparison>[4],
) => appendLegacyComparison(store, code, YEAR, figure, meta);

const figuresOf = async (opdId: string, code: string) =>
  (await loadLkjipData({ sql: db.sql }, opdId, YEAR)).indicators.find((i) => i.code === code)
    ?.comparison;

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

describe('comparison figures of two OPDs with the same local code', () => {
  it('an old bare-key figure is shown to the OPD whose import recorded it, and to no other', async () => {
    // The old realisasi import: Lampung Barat's rows and its Pembanding sheet, one correlation id.
    const oldImport = randomUUID();
    await executor.execute(
      realizationUseCases.recordRealization,
      {
        opdId: LAMBAR,
        indicatorCode: 'IKU-1',
        year: YEAR,
        period: 'YEAR',
        value: '33',
        inputs: null,
        evidence,
        note: null,
      } as never,
      ctx(oldImport),
    );
    await appendLegacy(
      'IKU-1',
      { scope: 'province', code: '18', value: '41.5', source: 'BPS Provinsi Lampung' },
      { correlationId: oldImport, scope: { level: 'national', code: '' } },
    );
    // A bare-key national figure a province user typed outside any import names no OPD.
    await appendLegacy(
      'IKU-1',
      { scope: 'national', code: '', value: '55', source: 'BPS RI' },
      { correlationId: randomUUID(), scope: { level: 'province', code: '18' } },
    );

    expect(await figuresOf(LAMBAR, 'IKU-1')).toEqual({
      province: { value: '41.5', source: 'BPS Provinsi Lampung' },
      national: null,
    });
    expect(await figuresOf(BANDAR, 'IKU-1')).toEqual({ province: null, national: null });
  });

  it("each OPD's own figures under its own key; neither sees the other's", async () => {
    const record = (opdId: string, value: string, scope: 'province' | 'national' = 'province') =>
      executor.execute(
        realizationUseCases.recordComparison,
        {
          scope,
          code: scope === 'province' ? '18' : '',
          indicatorKey: 'IKU-1',
          opdId,
          year: YEAR,
          value,
          source: scope === 'province' ? 'BPS Provinsi Lampung' : 'BPS RI',
        },
        ctx(),
      );
    await record(BANDAR, '72.25');
    await record(LAMBAR, '2.75', 'national');
    expect(await figuresOf(BANDAR, 'IKU-1')).toEqual({
      province: { value: '72.25', source: 'BPS Provinsi Lampung' },
      national: null,
    });
    expect(await figuresOf(LAMBAR, 'IKU-1')).toEqual({
      province: { value: '41.5', source: 'BPS Provinsi Lampung' },
      national: { value: '2.75', source: 'BPS RI' },
    });
    // A new figure under the OPD's key takes over from the old bare-key one.
    await record(LAMBAR, '42');
    expect((await figuresOf(LAMBAR, 'IKU-1'))?.province).toEqual({
      value: '42',
      source: 'BPS Provinsi Lampung',
    });
    expect((await store.readStream(`cmp-${BANDAR}:IKU-1-${YEAR}`)).events).toHaveLength(1);
  });

  it('refuses a bare local code that is no catalog code, or a code the OPD does not have, naming the field; writes nothing', async () => {
    const before = await store.headPosition();
    const error = await executor
      .execute(
        realizationUseCases.recordComparison,
        {
          scope: 'province',
          code: '18',
          indicatorKey: 'IKU-1',
          opdId: null,
          year: YEAR,
          value: '1',
          source: 'BPS Provinsi Lampung',
        },
        ctx(),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'comparison_not_in_catalog',
      path: ['indicatorKey'],
      messageEn: expect.stringContaining("figures of an OPD's own indicator need the OPD id"),
    });
    expect(await store.headPosition()).toBe(before);
    const notHers = await executor
      .execute(
        realizationUseCases.recordComparison,
        {
          scope: 'province',
          code: '18',
          indicatorKey: 'IKU-4',
          opdId: BANDAR,
          year: YEAR,
          value: '1',
          source: 'BPS Provinsi Lampung',
        },
        ctx(),
      )
      .catch((e: unknown) => e);
    expect(notHers).toMatchObject({ code: 'indicator_not_found', path: ['indicatorKey'] });
    expect(await store.headPosition()).toBe(before);
  });

  it('the realisasi import records its Pembanding sheet for the OPD of its rows', async () => {
    await importExample(db.sql, 'realisasi-lampung-barat-2024.xlsx');
    expect((await store.readStream(`cmp-${LAMBAR}:IKU-4-${YEAR}`)).events.length).toBe(2);
    expect((await store.readStream(`cmp-IKU-4-${YEAR}`)).events).toEqual([]);
    expect(await figuresOf(LAMBAR, 'IKU-4')).toEqual({
      province: { value: '68512.3', source: 'CONTOH BPS Provinsi Lampung' },
      national: { value: '2931456.8', source: 'CONTOH BPS RI' },
    });
  });
});
