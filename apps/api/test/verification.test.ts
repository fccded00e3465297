// Verification decides what counts, over tRPC: capaian and predikat come from verified values,
// what waits is shown beside them; an inspector cannot verify where the pemda requires no
// Inspektorat step; comparison figures are recorded for a catalog indicator or for one OPD.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, systemActor } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';
import { addUser, startHarness, trpcError, type Harness } from './harness';

let h: Harness;
const opdId = '18.04-DISKOPERINDAG';
const year = 2024;
let operator: ReturnType<Harness['client']>;
let head: ReturnType<Harness['client']>;
let inspector: ReturnType<Harness['client']>;
let regionAdmin: ReturnType<Harness['client']>;
let provinceAdmin: ReturnType<Harness['client']>;
const evidence = { documentRef: 'PDRB ADHB 2024', dataSource: 'BPS Kabupaten Lampung Barat' };
const entry = (indicatorCode: string) => ({ opdId, indicatorCode, year, period: 'YEAR' as const });

async function importExample(name: string) {
  const buf = await readFile(`${EXAMPLES_DIR}${name}`);
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const report = await applyImport(h.db.sql, parsed.document, systemActor('test'), {
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
}

const settings = (inspectorRequired: boolean) => ({
  code: '18.04',
  settings: {
    inspectorRequired,
    lowerIsBetterMethod: 'two_t_minus_r' as const,
    efficiencyMethod: 'ratio' as const,
    predikatScale: null,
  },
});

beforeAll(async () => {
  h = await startHarness({ REPORT_QUEUE_PREFIX: `test-${randomUUID()}` });
  await importExample('organisasi-demo.xlsx');
  await importExample('sk-lampung-barat-050-18-2023.xlsx');
  await addUser(h.executor, 'operator', [
    { role: 'opd_operator', scope: { level: 'opd', code: opdId } },
  ]);
  await addUser(h.executor, 'kadis', [{ role: 'opd_head', scope: { level: 'opd', code: opdId } }]);
  await addUser(h.executor, 'inspektur', [
    { role: 'inspector', scope: { level: 'region', code: '18.04' } },
  ]);
  await addUser(h.executor, 'admin.lambar', [
    { role: 'region_admin', scope: { level: 'region', code: '18.04' } },
  ]);
  await addUser(h.executor, 'admin.lampung', [
    { role: 'province_admin', scope: { level: 'province', code: '18' } },
  ]);
  operator = h.client(await h.login('operator'));
  head = h.client(await h.login('kadis'));
  inspector = h.client(await h.login('inspektur'));
  regionAdmin = h.client(await h.login('admin.lambar'));
  provinceAdmin = h.client(await h.login('admin.lampung'));
}, 120_000);
afterAll(async () => h?.close());

const achievementOf = async (code: string) =>
  (await operator.realizations.achievement.query({ opdId, year })).indicators.find(
    (i) => i.indicator.code === code,
  )!;

describe('the IKU achievement counts verified values only', () => {
  it('a draft is shown marked, not counted; once verified it counts (IKU-4 912.4 vs 905.17)', async () => {
    await operator.realizations.record.mutate({ ...entry('IKU-4'), value: '912.40', evidence });
    let row = await achievementOf('IKU-4');
    expect(row.realizations.YEAR).toBeUndefined();
    expect(row.achievement.year.capaian.computable).toBe(false);
    expect(row.achievement.year.predikat).toBeNull();
    expect(row.unverified.YEAR).toEqual({ version: 1, value: '912.4', status: 'draft' });
    expect(row.pending).toBe(1);

    await operator.realizations.submit.mutate(entry('IKU-4'));
    expect((await achievementOf('IKU-4')).achievement.year.capaian.computable).toBe(false);
    await head.realizations.verify.mutate({ ...entry('IKU-4'), level: 'head' });
    row = await achievementOf('IKU-4');
    expect(row.realizations.YEAR).toBe('912.4');
    expect(row.achievement.year.display).toBe('100.80');
    expect(row.achievement.year.predikat?.label).toBe('Sangat Tinggi');
    expect(row.unverified).toEqual({});
    expect(row.pending).toBe(0);
  });

  it('a correction keeps the verified value in force until the correction is verified', async () => {
    await operator.realizations.correct.mutate({
      ...entry('IKU-4'),
      value: '724.14',
      evidence,
      reason: 'BPS merilis angka tetap',
    });
    let row = await achievementOf('IKU-4');
    expect(row.achievement.year.display).toBe('100.80');
    expect(row.unverified.YEAR).toEqual({ version: 2, value: '724.14', status: 'draft' });
    await operator.realizations.submit.mutate(entry('IKU-4'));
    row = await achievementOf('IKU-4');
    expect(row.achievement.year.display).toBe('100.80');
    expect(row.unverified.YEAR?.status).toBe('submitted');
    await head.realizations.verify.mutate({ ...entry('IKU-4'), level: 'head' });
    row = await achievementOf('IKU-4');
    // 724.14 / 905.17 × 100 = 80.00
    expect(row.achievement.year.display).toBe('80.00');
    expect(row.achievement.year.predikat?.label).toBe('Tinggi');
    expect(row.pending).toBe(0);
  });
});

describe('the Inspektorat step the pemda does not require', () => {
  it("refuses an inspector's verify with a clear message in both languages and writes nothing", async () => {
    await regionAdmin.realizations.configureMeasurement.mutate(settings(false));
    await operator.realizations.record.mutate({ ...entry('IKU-5'), value: '292.42', evidence });
    await operator.realizations.submit.mutate(entry('IKU-5'));
    const stream = `real-${opdId}-IKU-5-${year}`;
    const store = new EventStore(h.db.sql);
    const before = (await store.readStream(stream)).version;

    const early = await trpcError(
      inspector.realizations.verify.mutate({ ...entry('IKU-5'), level: 'inspector' }),
    );
    expect(early.data?.code).toBe('BAD_REQUEST');
    expect(early.message).toContain('tidak mewajibkan verifikasi Inspektorat');
    expect(early.message).toContain("does not require the inspectorate's verification");
    expect(early.data?.fieldErrors[0]?.path).toEqual(['level']);

    await head.realizations.verify.mutate({ ...entry('IKU-5'), level: 'head' });
    const after = (await store.readStream(stream)).version;
    // Today's case: the head's verification is final, and the inspector's verify answered success.
    const late = await trpcError(
      inspector.realizations.verify.mutate({ ...entry('IKU-5'), level: 'inspector' }),
    );
    expect(late.data?.code).toBe('BAD_REQUEST');
    expect(late.message).toContain('verifikasi Kepala OPD sudah final');
    expect((await store.readStream(stream)).version).toBe(after);
    expect(after).toBe(before + 1);
  });

  it('accepts it again once the pemda requires the step', async () => {
    await regionAdmin.realizations.configureMeasurement.mutate(settings(true));
    await operator.realizations.record.mutate({ ...entry('IKU-1'), value: '30', evidence });
    await operator.realizations.submit.mutate(entry('IKU-1'));
    await head.realizations.verify.mutate({ ...entry('IKU-1'), level: 'head' });
    expect((await achievementOf('IKU-1')).unverified.YEAR?.status).toBe('verified_head');
    await inspector.realizations.verify.mutate({ ...entry('IKU-1'), level: 'inspector' });
    const row = await achievementOf('IKU-1');
    expect(row.realizations.YEAR).toBe('30');
    expect(row.pending).toBe(0);
  });
});

describe('comparison figures over tRPC', () => {
  it('refuses a bare local code, records it for the OPD named', async () => {
    const figure = {
      scope: 'province' as const,
      code: '18',
      indicatorKey: 'IKU-4',
      year,
      value: '68512.3',
      source: 'BPS Provinsi Lampung',
    };
    const bare = await trpcError(provinceAdmin.realizations.recordComparison.mutate(figure));
    expect(bare.data?.code).toBe('BAD_REQUEST');
    expect(bare.data?.fieldErrors[0]?.path).toEqual(['indicatorKey']);
    expect(bare.message).toContain('tidak ada di katalog provinsi 18');
    expect(bare.message).toContain("figures of an OPD's own indicator need the OPD id");
    await provinceAdmin.realizations.recordComparison.mutate({ ...figure, opdId });
    const { events } = await new EventStore(h.db.sql).readStream(`cmp-${opdId}:IKU-4-${year}`);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ indicatorKey: `${opdId}:IKU-4`, value: '68512.3', code: '18' }),
    ]);
  });
});
