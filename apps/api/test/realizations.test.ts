import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetUseCases, systemActor } from '@sakip/application';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { generateReport } from '@sakip/reports';
import { LocalObjectStorage } from '@sakip/storage';
import { REPORT_QUEUE, STORAGE } from '../src/infrastructure/tokens';
import { EventStore } from '@sakip/event-store';
import { comparisonProjection, opdTreeProjection, runProjection } from '@sakip/read-models';
import {
  addUser,
  importExample as importHarnessExample,
  startHarness,
  trpcError,
  type Harness,
} from './harness';

let h: Harness;
const opdId = '18.04-DISKOPERINDAG';
const year = 2024;
let operator: ReturnType<Harness['client']>;
let head: ReturnType<Harness['client']>;
let inspector: ReturnType<Harness['client']>;
let regionAdmin: ReturnType<Harness['client']>;
const evidence = {
  documentRef: 'Laporan Bidang Koperasi TW IV 2024',
  dataSource: 'Bidang Koperasi UKM',
};

const importExample = (name: string) => importHarnessExample(h, name);

beforeAll(async () => {
  h = await startHarness({
    REPORT_QUEUE_PREFIX: `test-${randomUUID()}`,
    STORAGE_DIR: await mkdtemp(join(tmpdir(), 'sakip-api-storage-')),
  });
  await importExample('organisasi-demo.xlsx');
  await importExample('sk-lampung-barat-050-18-2023.xlsx');
  await h.executor.execute(
    budgetUseCases.recordBudgetStage,
    {
      opdId,
      year,
      stage: 'dpa_pengesahan',
      documentRef: 'DPA 2024',
      date: '2024-01-02',
      lines: [
        {
          programCode: 'SAS-49',
          kegiatanCode: null,
          subKegiatanCode: null,
          amount: '200000000',
          fundingSource: 'APBD',
        },
      ],
    },
    { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
  );
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
}, 120_000);
afterAll(async () => h?.close());

const entry = (indicatorCode: string, period: 'YEAR' | 'TW1' = 'YEAR') => ({
  opdId,
  indicatorCode,
  year,
  period,
});

describe('a year of realizations for Lampung Barat', () => {
  it('records values and formula inputs, refusing bad input with the field', async () => {
    const snap = await operator.plans.snapshot.query({ opdId });
    const f = snap.indicators['IKU-1']!.formula!;
    expect(f.kind).toBe('ratio');
    const { numerator, denominator } = f as { numerator: string; denominator: string };
    await operator.realizations.record.mutate({
      ...entry('IKU-1'),
      inputs: { [numerator]: '25', [denominator]: '75' },
      evidence,
    });
    await operator.realizations.record.mutate({
      ...entry('IKU-4'),
      value: '912.40',
      evidence: { ...evidence, dataSource: 'BPS Kabupaten Lampung Barat' },
    });
    await operator.realizations.record.mutate({
      ...entry('IKU-5'),
      value: '292.42',
      evidence: { ...evidence, dataSource: 'BPS Kabupaten Lampung Barat' },
    });
    await operator.realizations.record.mutate({ ...entry('IKI-DAG-1'), value: '2.5', evidence });
    await operator.realizations.record.mutate({ ...entry('IKI-UMPEG-1'), value: '1', evidence });

    const missingInput = await trpcError(
      operator.realizations.record.mutate({
        ...entry('IKU-3'),
        inputs: { [numerator]: '1' },
        evidence,
      }),
    );
    expect(missingInput.data?.code).toBe('BAD_REQUEST');
    const noEvidence = await trpcError(
      operator.realizations.record.mutate({
        ...entry('IKU-2'),
        value: '12',
        evidence: { documentRef: '', dataSource: 'x' },
      }),
    );
    expect(noEvidence.data?.fieldErrors[0]?.path).toEqual(['evidence', 'documentRef']);
    const notAllowed = await trpcError(
      head.realizations.record.mutate({ ...entry('IKU-2'), value: '12', evidence }),
    );
    expect(notAllowed.data?.code).toBe('FORBIDDEN');
  });

  it('walks them through verification with the Inspektorat the pemda requires', async () => {
    await regionAdmin.realizations.configureMeasurement.mutate({
      code: '18.04',
      settings: {
        inspectorRequired: true,
        lowerIsBetterMethod: 'two_t_minus_r',
        efficiencyMethod: 'ratio',
        predikatScale: null,
      },
    });
    const codes = ['IKU-1', 'IKU-4', 'IKU-5', 'IKI-DAG-1', 'IKI-UMPEG-1'];
    for (const c of codes) await operator.realizations.submit.mutate(entry(c));

    const early = await trpcError(
      inspector.realizations.verify.mutate({ ...entry('IKU-1'), level: 'inspector' }),
    );
    expect(early.data?.code).toBe('BAD_REQUEST');
    expect(early.message).toMatch(/submitted/);
    const operatorVerifies = await trpcError(
      operator.realizations.verify.mutate({ ...entry('IKU-1'), level: 'head' }),
    );
    expect(operatorVerifies.data?.code).toBe('FORBIDDEN');

    expect(
      (await head.realizations.queue.query({ opdId, level: 'head' }))
        .map((q) => q.indicatorCode)
        .sort(),
    ).toEqual([...codes].sort());
    await head.realizations.return.mutate({
      ...entry('IKU-5'),
      level: 'head',
      reason: 'Angka BPS belum final',
    });
    for (const c of codes.filter((x) => x !== 'IKU-5'))
      await head.realizations.verify.mutate({ ...entry(c), level: 'head' });
    await operator.realizations.record.mutate({
      ...entry('IKU-5'),
      value: '292.42',
      evidence: {
        documentRef: 'PDRB ADHB 2024 (angka sementara)',
        dataSource: 'BPS Kabupaten Lampung Barat',
      },
    });
    await operator.realizations.submit.mutate(entry('IKU-5'));
    await head.realizations.verify.mutate({ ...entry('IKU-5'), level: 'head' });

    expect((await inspector.realizations.queue.query({ opdId, level: 'inspector' })).length).toBe(
      5,
    );
    for (const c of codes)
      await inspector.realizations.verify.mutate({ ...entry(c), level: 'inspector' });

    const detail = await operator.realizations.detail.query({
      opdId,
      indicatorCode: 'IKU-5',
      year,
    });
    expect(detail.entries.YEAR?.versions.map((v) => v.status)).toEqual(['returned', 'verified']);
  });

  it('reads back capaian, predikat and efficiency matching the hand-computed table', async () => {
    await operator.realizations.recordSpending.mutate({
      opdId,
      year,
      period: 'YEAR',
      lines: [{ programCode: 'SAS-49', amount: '150000000' }],
    });
    const a = await operator.realizations.achievement.query({ opdId, year });
    const row = (code: string) => a.indicators.find((i) => i.indicator.code === code)!;
    // indicator | target (source) | realization | capaian | predikat
    const table: [string, string, string, string, string][] = [
      ['IKU-1', '32', '33.33', '104.17', 'Sangat Tinggi'], // ratio 25/75 × 100
      ['IKU-4', '905.17', '912.4', '100.80', 'Sangat Tinggi'], // PDRB, Milyar rupiah, from BPS
      ['IKU-5', '365.53', '292.42', '80.00', 'Tinggi'],
      ['IKI-DAG-1', '3', '2.5', '116.67', 'Sangat Tinggi'], // lower is better: (2·3 − 2.5) / 3
      ['IKI-UMPEG-1', '1', '1', '100.00', 'Sangat Tinggi'], // 1 dokumen
    ];
    for (const [code, target, realization, capaian, predikat] of table) {
      const r = row(code);
      expect(r.target, code).toMatchObject({ value: target, source: 'renstra' });
      expect(Number(r.achievement.year.basis), code).toBeCloseTo(Number(realization), 2);
      expect(r.achievement.year.display, code).toBe(capaian);
      expect(r.achievement.year.predikat?.label, code).toBe(predikat);
    }
    expect(row('IKU-1').achievement.year.basis).toMatch(/^33\.3333/);
    const program = a.programs.find((p) => p.programCode === 'SAS-49')!;
    expect(program).toMatchObject({ pagu: '200000000', spent: '150000000' });
    expect(program.serapan).toMatchObject({ ok: true, value: '75' });
    expect(program.efficiency).toMatchObject({ ok: true, efficient: true });
    expect(Number((program.efficiency as { value: string }).value)).toBeCloseTo(116.6667 / 75, 3);
  });

  it('corrects a verified value with a reason as a new version, keeps the old, then locks the year', async () => {
    const noReason = await trpcError(
      operator.realizations.correct.mutate({
        ...entry('IKU-4'),
        value: '915.02',
        evidence,
        reason: '',
      }),
    );
    expect(noReason.data?.fieldErrors[0]?.path).toEqual(['reason']);
    await operator.realizations.correct.mutate({
      ...entry('IKU-4'),
      value: '915.02',
      evidence: { documentRef: 'PDRB 2024 angka tetap', dataSource: 'BPS Kabupaten Lampung Barat' },
      reason: 'BPS merilis angka tetap',
    });
    const detail = await operator.realizations.detail.query({
      opdId,
      indicatorCode: 'IKU-4',
      year,
    });
    expect(detail.entries.YEAR?.versions.map((v) => [v.version, v.value, v.status])).toEqual([
      [1, '912.4', 'verified'],
      [2, '915.02', 'draft'],
    ]);
    const notVerified = await trpcError(
      regionAdmin.realizations.lockYear.mutate({ opdId, indicatorCode: 'IKU-4', year }),
    );
    expect(notVerified.data?.code).toBe('BAD_REQUEST');
    await regionAdmin.realizations.lockYear.mutate({ opdId, indicatorCode: 'IKU-1', year });
    const locked = await trpcError(
      operator.realizations.correct.mutate({
        ...entry('IKU-1'),
        value: '34',
        evidence,
        reason: 'Perbaikan data koperasi',
      }),
    );
    expect(locked.message).toMatch(/locked|dikunci/i);
  });
});

describe('evidence, narratives and comparison figures', () => {
  it('stores an attachment outside the event store and records its hash in the event', async () => {
    const content = Buffer.from('Laporan RAT koperasi 2024 (ilustrasi)');
    const attachment = await operator.realizations.uploadEvidence.mutate({
      opdId,
      fileName: 'rat-2024.pdf',
      contentBase64: content.toString('base64'),
    });
    expect(attachment).toMatchObject({
      name: 'rat-2024.pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    await operator.realizations.record.mutate({
      ...entry('IKU-2', 'TW1'),
      value: '5',
      evidence: { ...evidence, attachment },
    });
    const { events } = await new EventStore(h.db.sql).readStream(`real-${opdId}-IKU-2-${year}`);
    const recorded = events.find((e) => e.type === 'RealizationRecorded')!.data as {
      evidence: { attachment: { sha256: string } };
    };
    expect(recorded.evidence.attachment.sha256).toBe(attachment.sha256);
    expect(JSON.stringify(events)).not.toContain(content.toString('base64'));
    expect(await h.api.app.get<LocalObjectStorage>(STORAGE).get(attachment.storageKey)).toEqual(
      content,
    );
  });

  it('records the narrative per sasaran and the province and national figures', async () => {
    await operator.realizations.recordNarrative.mutate({
      opdId,
      sasaranCode: 'SS-1',
      year,
      faktorPendukung: 'Pendampingan koperasi rutin',
      faktorPenghambat: 'RAT terlambat',
      solusi: 'Klinik koperasi',
    });
    const empty = await trpcError(
      operator.realizations.recordNarrative.mutate({
        opdId,
        sasaranCode: 'SS-1',
        year,
        faktorPendukung: '',
        faktorPenghambat: '',
        solusi: '',
      }),
    );
    expect(empty.data?.code).toBe('BAD_REQUEST');
    const admin = h.client(await h.login('admin.lampung'));
    // Figures without an OPD belong to a catalog indicator of the province.
    await admin.catalog.define.mutate({
      provinceCode: '18',
      code: 'PDRB-PERDAGANGAN',
      name: 'PDRB sektor perdagangan',
      satuan: 'Milyar rupiah',
      polarity: 'higher_better',
    });
    await admin.realizations.recordComparison.mutate({
      scope: 'province',
      code: '18',
      indicatorKey: 'PDRB-PERDAGANGAN',
      year,
      value: '912.40',
      source: 'BPS Provinsi Lampung (ilustrasi)',
    });
    const denied = await trpcError(
      operator.realizations.recordComparison.mutate({
        scope: 'national',
        code: '',
        indicatorKey: 'PDRB-PERDAGANGAN',
        year,
        value: '1',
        source: 'BPS RI',
      }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
  });
});

describe('cross-OPD dashboards from the read models', () => {
  it('answers the comparison of a catalog indicator once the projector has built it', async () => {
    const admin = h.client(await h.login('admin.lampung'));
    const before = await trpcError(
      admin.dashboards.comparison.query({ provinceCode: '18', catalogCode: 'KOP-SEHAT' }),
    );
    expect(before.data?.code).toBe('PRECONDITION_FAILED');
    await admin.catalog.define.mutate({
      provinceCode: '18',
      code: 'KOP-SEHAT',
      name: 'Persentase koperasi sehat',
      satuan: '%',
      polarity: 'higher_better',
    });
    await operator.catalog.map.mutate({
      provinceCode: '18',
      opdId,
      indicatorCode: 'IKU-1',
      catalogCode: 'KOP-SEHAT',
    });
    await runProjection({
      sql: h.db.sql,
      store: new EventStore(h.db.sql),
      projection: comparisonProjection,
      batchSize: 1000,
      untilCaughtUp: true,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const rows = await admin.dashboards.comparison.query({
      provinceCode: '18',
      catalogCode: 'KOP-SEHAT',
      year,
    });
    expect(rows).toEqual([
      expect.objectContaining({
        opd_id: opdId,
        indicator_code: 'IKU-1',
        capaian_display: '104.17',
        predikat: 'Sangat Tinggi',
      }),
    ]);
    const status = await admin.dashboards.projections.query();
    expect(status).toContainEqual(
      expect.objectContaining({
        name: 'comparison',
        versionStatus: 'active',
        lag: 0,
        deadLetters: 0,
      }),
    );
    expect((await trpcError(operator.dashboards.projections.query())).data?.code).toBe('FORBIDDEN');
  });
});

describe('organisation views', () => {
  it('shows each user the part of the tree their scope covers', async () => {
    const tree = await operator.org.tree.query();
    expect(tree.map((p) => p.code)).toEqual(['18']);
    expect(tree[0]!.children.flatMap((c) => c.opds.map((o) => o.opdId))).toEqual([opdId]);
    const opd = await operator.org.opd.query({ opdId });
    expect(Object.keys(opd.positions)).toContain('KADIS');
    // Once the projector has built the opd_tree read model, the tree comes from it, unchanged.
    await runProjection({
      sql: h.db.sql,
      store: new EventStore(h.db.sql),
      projection: opdTreeProjection,
      batchSize: 1000,
      untilCaughtUp: true,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    expect(await operator.org.tree.query()).toEqual(tree);
    await h.db
      .sql`update rm_opd_tree_opds set name = 'Nama dari read model' where opd_id = ${opdId}`;
    expect(
      (await operator.org.tree.query())[0]!.children.flatMap((c) => c.opds.map((o) => o.name)),
    ).toEqual(['Nama dari read model']);
  });
});

describe('LKjIP reports through the API', () => {
  it('queues a report once per data position, lists stored reports and downloads them as recorded', async () => {
    const first = await operator.reports.request.mutate({ opdId, year });
    expect(first).toMatchObject({
      added: true,
      jobId: expect.stringMatching(new RegExp(`^${opdId}:${year}:\\d+$`)),
    });
    const again = await operator.reports.request.mutate({ opdId, year });
    expect(again).toMatchObject({ added: false, jobId: first.jobId });

    // The API serves what the reporter stored: render one here the way the worker does.
    const generated = await generateReport(
      { sql: h.db.sql, storage: h.api.app.get<LocalObjectStorage>(STORAGE) },
      { opdId, year, formats: ['docx'] },
    );
    const listed = await operator.reports.list.query({ opdId, year });
    expect(listed.reports.map((r) => r.id)).toContain(generated.files[0]!.id);
    expect(listed.jobs.map((j) => j.id)).toContain(first.jobId);

    const token = await h.login('operator');
    const res = await fetch(`${h.api.url}/reports/${generated.files[0]!.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(generated.files[0]!.sha256);
    expect(res.headers.get('content-disposition')).toContain('.docx');
    expect((await fetch(`${h.api.url}/reports/${generated.files[0]!.id}`)).status).toBe(401);
    await h.api.app.get<Queue>(REPORT_QUEUE).obliterate({ force: true });
  });
});
