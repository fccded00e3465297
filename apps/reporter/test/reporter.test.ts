// The reporter against real PostgreSQL and Redis. The nightly cron cannot be fast-forwarded
// with fake timers (BullMQ computes the next run inside Redis scripts from the real clock), so
// the scheduler test installs the same scheduler with a cron of every second and checks that
// the ticks enqueue one job per OPD for the current year, plus the past year that has data,
// and that repeated ticks add no duplicates.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, CommandExecutor, realizationUseCases, systemActor } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';
import {
  enqueueReport,
  jobStatus,
  listReports,
  reportStatus,
  yearIn,
  type LkjipJobData,
} from '@sakip/reports';
import {
  createTestDatabase,
  dropRedisPrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@sakip/testing';
import type { Job } from 'bullmq';
import { loadReporterConfig } from '../src/config';
import type { AddressInfo } from 'node:net';
import { startReporter, type RunningReporter } from '../src/reporter';
import { startReporterMetrics } from '../src/metrics';

let db: TestDatabase;
let metrics: ReturnType<typeof startReporterMetrics>;
let reporter: RunningReporter;
let opdIds: string[];
const OPD = '18.04-DISKOPERINDAG';
const queuePrefix = `test-${randomUUID().slice(0, 8)}`;
const TZ = 'Asia/Jakarta';

async function importExample(name: string) {
  const buf = await readFile(`${EXAMPLES_DIR}${name}`);
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const r = await applyImport(db.sql, parsed.document, systemActor('test'), {
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
}

async function until<T>(
  what: string,
  f: () => Promise<T | null | undefined | false>,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const generateJobs = async () =>
  (
    (await reporter.queue.getJobs(
      ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'],
      0,
      1000,
    )) as Job<LkjipJobData>[]
  ).filter((j) => j && j.data.kind === 'generate');

beforeAll(async () => {
  db = await createTestDatabase();
  await importExample('organisasi-demo.xlsx');
  await importExample('sk-lampung-barat-050-18-2023.xlsx');
  const executor = new CommandExecutor(new EventStore(db.sql));
  const evidence = {
    documentRef: 'Laporan TW IV 2024',
    dataSource: 'Bidang Koperasi',
    attachment: null,
  };
  await executor.execute(
    realizationUseCases.recordRealization,
    {
      opdId: OPD,
      indicatorCode: 'IKU-4',
      year: 2024,
      period: 'YEAR',
      value: '912.40',
      inputs: null,
      evidence,
      note: null,
    } as never,
    { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
  );
  opdIds = (await new EventStore(db.sql).streamIds('opd', 'opd-')).map((s) => s.slice(4));
  const config = loadReporterConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: await mkdtemp(join(tmpdir(), 'reporter-')),
    REPORT_CRON: '* * * * * *',
    REPORT_TZ: TZ,
    REPORTER_CONCURRENCY: '4',
    REPORT_ATTEMPTS: '3',
    REPORT_BACKOFF_MS: '50',
    REPORT_FORMATS: 'html',
    REPORT_QUEUE_PREFIX: queuePrefix,
  });
  reporter = await startReporter(config, pino({ level: 'silent' }));
  metrics = startReporterMetrics(reporter.queue, reporter.worker, 0);
}, 120_000);

afterAll(async () => {
  metrics?.server.close();
  if (reporter) {
    await reporter.queue.removeJobScheduler('lkjip-nightly');
    await reporter.queue.obliterate({ force: true });
    await reporter.close();
  }
  await dropRedisPrefix(queuePrefix);
  await db?.drop();
});

describe('reporter', () => {
  it('reads its settings through zod with the documented defaults, refusing bad values by name', () => {
    const c = loadReporterConfig({});
    expect(c).toMatchObject({
      REPORT_CRON: '0 1 * * *',
      REPORT_TZ: 'Asia/Jakarta',
      REPORTER_CONCURRENCY: 2,
      REPORT_ATTEMPTS: 3,
      REPORT_FORMATS: ['docx', 'pdf'],
      // The same root the API reads (relative paths start at the repository root).
      storage: {
        kind: 'local',
        dir: fileURLToPath(new URL('../../../var/storage', import.meta.url)),
      },
    });
    expect(() => loadReporterConfig({ REPORT_TZ: 'Mars/Olympus' })).toThrow(/REPORT_TZ/);
    expect(() => loadReporterConfig({ REPORTER_CONCURRENCY: '0' })).toThrow(/REPORTER_CONCURRENCY/);
    expect(() => loadReporterConfig({ REPORT_STORAGE: 's3' })).toThrow(/REPORT_S3_BUCKET/);
    expect(
      loadReporterConfig({ REPORT_STORAGE: 's3', REPORT_S3_BUCKET: 'lkjip' }).storage,
    ).toMatchObject({ kind: 's3', bucket: 'lkjip' });
  });

  it('the scheduler (cron every second here) enqueues one job per OPD for the current year and the past year with data, deduplicated, and the worker renders them', async () => {
    const current = yearIn(new Date(), TZ);
    await until('a job per OPD', async () => {
      const jobs = await generateJobs();
      return (
        opdIds.every((id) =>
          jobs.some(
            (j) => j.data.kind === 'generate' && j.data.opdId === id && j.data.year === current,
          ),
        ) && jobs
      );
    });
    // Let a few more ticks fire: nothing is queued twice for the same data.
    const ticksBefore = (await reporter.queue.getJobs(['completed'], 0, 1000)).filter(
      (j) => j?.name === 'schedule',
    ).length;
    await until(
      'three more ticks',
      async () =>
        (await reporter.queue.getJobs(['completed'], 0, 1000)).filter((j) => j?.name === 'schedule')
          .length >=
        ticksBefore + 3,
      15_000,
    );
    const jobs = await generateJobs();
    const currentJobs = jobs.filter((j) => j.data.kind === 'generate' && j.data.year === current);
    const perOpd = new Map<string, number>();
    for (const j of currentJobs)
      if (j.data.kind === 'generate') perOpd.set(j.data.opdId, (perOpd.get(j.data.opdId) ?? 0) + 1);
    expect([...perOpd.keys()].sort()).toEqual([...opdIds].sort());
    expect([...perOpd.values()].every((n) => n === 1)).toBe(true);
    for (const j of currentJobs)
      expect(j.id).toBe(
        `${(j.data as { opdId: string }).opdId}:${current}:${(j.data as { feedPosition: number }).feedPosition}`,
      );
    // 2024 has a realization for DISKOPERINDAG: its past year is reported too, once.
    expect(
      jobs
        .filter((j) => j.data.kind === 'generate' && j.data.year === 2024)
        .map((j) => (j.data as { opdId: string }).opdId),
    ).toEqual([OPD]);
    await until(
      'the reports',
      async () => (await listReports(db.sql, { status: 'ready' })).length >= opdIds.length + 1,
    );
    const status = await reportStatus(reporter.queue, db.sql, { opdId: OPD, year: current });
    expect(status.jobs[0]).toMatchObject({ state: 'completed', failedReason: null });
    expect(status.reports[0]).toMatchObject({ status: 'ready', format: 'html' });
  }, 90_000);

  it('deduplicates on-demand jobs for the same data', async () => {
    const a = await enqueueReport(
      reporter.queue,
      { opdId: OPD, year: 2024 },
      { sql: db.sql, policy: reporter.policy },
    );
    const b = await enqueueReport(
      reporter.queue,
      { opdId: OPD, year: 2024 },
      { sql: db.sql, policy: reporter.policy },
    );
    expect(b.jobId).toBe(a.jobId);
    expect(b.added).toBe(false);
  });

  it('retries a failing job with backoff and shows why it failed', async () => {
    const r = await enqueueReport(
      reporter.queue,
      { opdId: '18.04-TIDAKADA', year: 2024 },
      { sql: db.sql, policy: reporter.policy },
    );
    expect(r.added).toBe(true);
    const failed = await until(
      'the job to fail',
      async () => {
        const s = await jobStatus(reporter.queue, r.jobId);
        return s?.state === 'failed' ? s : null;
      },
      30_000,
    );
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/tidak ditemukan|not found/);
    const status = await reportStatus(reporter.queue, db.sql, {
      opdId: '18.04-TIDAKADA',
      year: 2024,
    });
    expect(status.jobs[0]).toMatchObject({ state: 'failed', attemptsMade: 3 });
    expect(status.reports.map((x) => [x.status, x.format])).toEqual([['failed', 'html']]);
    expect(status.reports[0]!.error).toMatch(/18\.04-TIDAKADA/);
  }, 40_000);

  it('exposes queue depth, job durations and report counts on /metrics', async () => {
    const { port } = metrics.server.address() as AddressInfo;
    const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(body).toMatch(/sakip_reports_total\{outcome="completed"\} [1-9]/);
    expect(body).toMatch(/sakip_reports_total\{outcome="failed"\} [1-9]/);
    expect(body).toMatch(/sakip_report_job_duration_seconds_count [1-9]/);
    expect(body).toMatch(/sakip_report_queue_jobs\{state="failed"\} [1-9]/);
  });
});
