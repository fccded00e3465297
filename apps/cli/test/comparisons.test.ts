// `sakip comparisons carry-over`: old figures recorded under a bare local code are carried over
// to their OPD's key, a figure that names no OPD is listed with the reason, a dry run writes
// nothing and a second run carries nothing.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, CommandExecutor, realizationUseCases, systemActor } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  appendLegacyComparison,
  type LegacyFigure,
} from '../../../packages/reports/test/legacy-comparison';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const LAMBAR = '18.04-DISKOPERINDAG';
const BANDAR = '18.71-DISKOPUKM';

let db: TestDatabase;
let store: EventStore;
const sakip = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
  });
const ctx = (correlationId: string) => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId,
});

/** A figure recorded under the bare code, as before keys were qualified (stream cmp-IKU-1-2024). */
const appendLegacy = (figure: LegacyFigure, meta: Parameters<typeof appendLegacyComparison>[4]) =>
  appendLegacyComparison(store, 'IKU-1', 2024, figure, meta);

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
  for (const name of [
    'organisasi-demo.xlsx',
    'sk-lampung-barat-050-18-2023.xlsx',
    'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
    'sk-bandar-lampung-perubahan-121-2021.xlsx',
  ]) {
    const buf = await readFile(`${EXAMPLES_DIR}${name}`);
    const parsed = await parseImportBuffer(buf, name);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = await applyImport(db.sql, parsed.document, systemActor('test'), {
      contentHash: createHash('sha256').update(buf).digest('hex'),
      correlationId: randomUUID(),
    });
    if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
  }
  const executor = new CommandExecutor(store);
  const evidence = { documentRef: 'Laporan 2024', dataSource: 'Dinas', attachment: null };
  for (const [opdId, value] of [
    [LAMBAR, '41.5'],
    [BANDAR, '72.25'],
  ] as const) {
    const oldImport = randomUUID();
    await executor.execute(
      realizationUseCases.recordRealization,
      {
        opdId,
        indicatorCode: 'IKU-1',
        year: 2024,
        period: 'YEAR',
        value: '33',
        inputs: null,
        evidence,
        note: null,
      } as never,
      ctx(oldImport),
    );
    await appendLegacy(
      { scope: 'province', code: '18', value, source: 'BPS Provinsi Lampung' },
      { correlationId: oldImport, scope: { level: 'national', code: '' } },
    );
  }
  await appendLegacy(
    { scope: 'national', code: '', value: '55', source: 'BPS RI' },
    { correlationId: randomUUID(), scope: { level: 'province', code: '18' } },
  );
}, 120_000);
afterAll(async () => db?.drop());

describe('sakip comparisons carry-over', () => {
  it('lists, carries over once, and names what it could not attribute', async () => {
    const head = await store.headPosition();
    const dry = (await sakip('comparisons', 'carry-over', '--dry-run')).stdout;
    expect(dry).toContain('dry run: nothing is written');
    expect(dry).toContain(
      `would be carried over: ${LAMBAR} ${LAMBAR}:IKU-1 2024 provinsi/province 18 = 41.5 (BPS Provinsi Lampung) ← cmp-IKU-1-2024`,
    );
    expect(dry).toContain(`${BANDAR} ${BANDAR}:IKU-1 2024 provinsi/province 18 = 72.25`);
    expect(dry).toMatch(
      /not carried over: cmp-IKU-1-2024 nasional\/national = 55 \(BPS RI\): tidak menyebut OPD mana pun .* names no OPD/,
    );
    expect(await store.headPosition()).toBe(head);

    const first = (await sakip('comparisons', 'carry-over', '--province', '18')).stdout;
    expect(first).toContain(`carried over: ${LAMBAR} ${LAMBAR}:IKU-1 2024`);
    expect(first).toContain('2 dipindahkan / carried over, 1 tidak dipindahkan');
    expect(first).toContain('4 peristiwa ditulis / events written');
    expect((await store.readStream(`cmp-${BANDAR}:IKU-1-2024`)).events).toEqual([
      expect.objectContaining({
        type: 'ComparisonCarriedOver',
        data: expect.objectContaining({ value: '72.25', fromStreamId: 'cmp-IKU-1-2024' }),
      }),
    ]);

    const again = (await sakip('comparisons', 'carry-over')).stdout;
    expect(again).toContain('0 dipindahkan / carried over');
    expect(again).toContain('2 sudah dipindahkan sebelumnya / carried over before; 0 peristiwa');
    expect(await store.headPosition()).toBe(head + 4);
  }, 60_000);

  it('refuses a malformed province code, naming the option', async () => {
    const err = await sakip('comparisons', 'carry-over', '--province', '1804').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain(
      "province: kode provinsi harus 2 angka / the province code must be 2 digits: '1804'",
    );
  }, 30_000);
});
