// The `lkjip` BullMQ queue: on-demand and scheduled report jobs, deduplicated by
// `${opdId}:${year}:${feedPosition}` (the same data is never rendered twice), retried with
// exponential backoff, the final failure kept with its reason (in BullMQ and in `reports`).
import type { Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import type { Job, JobsOptions, Queue } from 'bullmq';
import {
  generateReport,
  recordReportFailure,
  type GeneratedReport,
  type ReportDeps,
} from './generate';
import {
  checkFinalisation,
  finalisationKey,
  ReportInputError,
  type FinalisationInput,
} from './finalisation';
import { dataPosition, defaultSigner, opdsOfRegion } from './loader';
import { lastReportedPosition, listReports, type ReportFormat, type ReportRow } from './repository';

export const LKJIP_QUEUE = 'lkjip';
export const SCHEDULER_ID = 'lkjip-nightly';

export interface GenerateJobData {
  kind: 'generate';
  opdId: string;
  year: number;
  feedPosition: number;
  formats: ReportFormat[];
  reason: 'on_demand' | 'scheduled';
  /** Date, place and signer chosen by the user; absent = a draft. */
  finalisation?: FinalisationInput;
}
export interface ScheduleJobData {
  kind: 'schedule';
}
export type LkjipJobData = GenerateJobData | ScheduleJobData;

export interface JobPolicy {
  attempts: number;
  backoffMs: number;
  formats: ReportFormat[];
}
export const DEFAULT_JOB_POLICY: JobPolicy = {
  attempts: 3,
  backoffMs: 30_000,
  formats: ['docx', 'pdf'],
};

/** The same data (and the same finalisation) is one job. BullMQ accepts a custom id with colons only when it has exactly three parts. */
export const reportJobId = (
  opdId: string,
  year: number,
  feedPosition: number,
  finalisation?: FinalisationInput,
): string =>
  `${opdId}:${year}:${feedPosition}${finalisation ? `-final-${finalisationKey(finalisation)}` : ''}`;

const isRegionCode = (id: string) => /^\d{2}(\.\d{2})?$/.test(id);

/** The data position of an OPD's (or, for a region code, the pemda's) report for a year. */
export async function subjectPosition(sql: Sql, subjectId: string, year: number): Promise<number> {
  if (!isRegionCode(subjectId)) return dataPosition(sql, subjectId, year);
  const positions = await Promise.all(
    (await opdsOfRegion(sql, subjectId)).map((id) => dataPosition(sql, id, year)),
  );
  return Math.max(0, ...positions);
}

function jobOptions(jobId: string, policy: JobPolicy): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    // Kept so a duplicate id stays a no-op for a while and failures stay inspectable.
    removeOnComplete: { age: 30 * 24 * 3600, count: 50_000 },
    removeOnFail: { age: 90 * 24 * 3600, count: 50_000 },
  };
}

export interface EnqueueResult {
  jobId: string;
  feedPosition: number;
  /** False when a job for the same data already existed (nothing new was queued). */
  added: boolean;
  state: string;
}

/**
 * Queues a report for an OPD (or pemda) and year at its current data position. The same data
 * twice is one job; a failed job for the same data is retried when `retryFailed` is set.
 */
export async function enqueueReport(
  queue: Queue,
  input: {
    opdId: string;
    year: number;
    formats?: ReportFormat[];
    reason?: GenerateJobData['reason'];
    retryFailed?: boolean;
    finalisation?: FinalisationInput | undefined;
  },
  deps: { sql: Sql; policy?: Partial<JobPolicy> },
): Promise<EnqueueResult> {
  const policy = { ...DEFAULT_JOB_POLICY, ...deps.policy };
  if (input.finalisation) {
    checkFinalisation(input.finalisation);
    // Refused now rather than as a failed job: a finalised report needs someone to sign it.
    if (!input.finalisation.signer && !(await defaultSigner(deps.sql, input.opdId, input.year)))
      throw new ReportInputError(
        'finalise.signer',
        `belum ada PK ${input.year} yang menyebut kepala ${input.opdId}; isi nama dan jabatan penandatangan`,
        `no ${input.year} PK names the head of ${input.opdId}; give the signer's name and position`,
      );
  }
  const feedPosition = await subjectPosition(deps.sql, input.opdId, input.year);
  const jobId = reportJobId(input.opdId, input.year, feedPosition, input.finalisation);
  const existing = await queue.getJob(jobId);
  if (existing) {
    let state = await existing.getState();
    if (state === 'failed' && input.retryFailed) {
      await existing.retry('failed');
      state = await existing.getState();
    }
    return { jobId, feedPosition, added: false, state };
  }
  const data: GenerateJobData = {
    kind: 'generate',
    opdId: input.opdId,
    year: input.year,
    feedPosition,
    formats: input.formats ?? policy.formats,
    reason: input.reason ?? 'on_demand',
    ...(input.finalisation ? { finalisation: input.finalisation } : {}),
  };
  const job = await queue.add('generate', data, jobOptions(jobId, policy));
  return { jobId, feedPosition, added: job.id === jobId, state: await job.getState() };
}

/** Installs (or updates) the repeatable scheduler job: cron pattern in a time zone. */
export async function upsertReportScheduler(
  queue: Queue,
  schedule: { pattern: string; tz: string },
): Promise<void> {
  await queue.upsertJobScheduler(
    SCHEDULER_ID,
    { pattern: schedule.pattern, tz: schedule.tz },
    {
      name: 'schedule',
      data: { kind: 'schedule' } satisfies ScheduleJobData,
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}

/** The calendar year at `now` in a time zone. */
export function yearIn(now: Date, tz: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric' }).format(now));
}

/** Past years of an OPD worth checking: years with a report or with year-specific data. */
async function pastYears(
  sql: Sql,
  opdId: string,
  current: number,
  lookback: number,
): Promise<number[]> {
  const reported = await sql<
    { year: number }[]
  >`select distinct year from reports where opd_id = ${opdId} and year < ${current}`;
  const years = new Set(reported.map((r) => r.year));
  const o = opdId.replace(/[\\%_]/g, (c) => `\\${c}`);
  for (let y = current - lookback; y < current; y++) {
    if (years.has(y)) continue;
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from streams
      where stream_id like any(${[`real-${o}-%-${y}`, `pk-${o}-${y}-%`, `budget-${o}-${y}`, `spend-${o}-${y}`]})`;
    if ((row?.n ?? 0) > 0) years.add(y);
  }
  return [...years].sort();
}

/**
 * One scheduler tick: for every OPD, the current year, and each past year whose data moved
 * past its last report's feed position. Jobs are deduplicated by id, so ticks that overlap or
 * repeat queue nothing new.
 */
export async function scheduleReports(
  queue: Queue,
  deps: { sql: Sql; policy?: Partial<JobPolicy>; tz: string; now?: Date; lookbackYears?: number },
): Promise<EnqueueResult[]> {
  const current = yearIn(deps.now ?? new Date(), deps.tz);
  const opdIds = (await new EventStore(deps.sql).streamIds('opd', 'opd-')).map((id) => id.slice(4));
  const out: EnqueueResult[] = [];
  for (const opdId of opdIds) {
    for (const year of [
      current,
      ...(await pastYears(deps.sql, opdId, current, deps.lookbackYears ?? 5)),
    ]) {
      const position = await dataPosition(deps.sql, opdId, year);
      const last = await lastReportedPosition(deps.sql, opdId, year);
      if (last !== null && last >= position) continue;
      out.push(await enqueueReport(queue, { opdId, year, reason: 'scheduled' }, deps));
    }
  }
  return out;
}

export interface ProcessorDeps extends ReportDeps {
  queue: Queue;
  tz: string;
  policy?: Partial<JobPolicy>;
}

/** The worker's processor for both job kinds. */
export async function processLkjipJob(
  deps: ProcessorDeps,
  job: Job<LkjipJobData>,
): Promise<GeneratedReport | { scheduled: number; added: number }> {
  const data = job.data;
  if (data.kind === 'schedule') {
    const results = await scheduleReports(deps.queue, {
      sql: deps.sql,
      tz: deps.tz,
      ...(deps.policy ? { policy: deps.policy } : {}),
    });
    return { scheduled: results.length, added: results.filter((r) => r.added).length };
  }
  try {
    return await generateReport(deps, {
      opdId: data.opdId,
      year: data.year,
      formats: data.formats,
      position: data.feedPosition,
      ...(job.id ? { jobId: job.id } : {}),
      ...(data.finalisation ? { finalisation: data.finalisation } : {}),
    });
  } catch (err) {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      const message = err instanceof Error ? err.message : String(err);
      for (const format of data.formats)
        await recordReportFailure(deps.sql, {
          opdId: data.opdId,
          year: data.year,
          format,
          feedPosition: data.feedPosition,
          jobId: job.id ?? null,
          error: message,
        });
    }
    throw err;
  }
}

export interface JobView {
  id: string;
  name: string;
  state: string;
  opdId: string | null;
  year: number | null;
  feedPosition: number | null;
  attemptsMade: number;
  failedReason: string | null;
  /** Stack of the last failure, for operators. */
  stacktrace: string[];
  timestamp: number;
  finishedOn: number | null;
}

async function view(job: Job<LkjipJobData>): Promise<JobView> {
  const d = job.data;
  return {
    id: job.id ?? '',
    name: job.name,
    state: await job.getState(),
    opdId: d.kind === 'generate' ? d.opdId : null,
    year: d.kind === 'generate' ? d.year : null,
    feedPosition: d.kind === 'generate' ? d.feedPosition : null,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    stacktrace: job.stacktrace ?? [],
    timestamp: job.timestamp,
    finishedOn: job.finishedOn ?? null,
  };
}

/** For the API: the jobs (queued, running, failed with reason, done) and stored reports of an OPD/year. */
export async function reportStatus(
  queue: Queue,
  sql: Sql,
  filter: { opdId: string; year?: number },
): Promise<{ jobs: JobView[]; reports: ReportRow[] }> {
  const jobs = (await queue.getJobs(
    ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'],
    0,
    1000,
  )) as Job<LkjipJobData>[];
  const mine = jobs.filter(
    (j) =>
      j &&
      j.data.kind === 'generate' &&
      j.data.opdId === filter.opdId &&
      (filter.year === undefined || j.data.year === filter.year),
  );
  const views = await Promise.all(mine.map(view));
  views.sort((a, b) => b.timestamp - a.timestamp);
  return {
    jobs: views,
    reports: await listReports(sql, {
      opdId: filter.opdId,
      ...(filter.year === undefined ? {} : { year: filter.year }),
    }),
  };
}

/** One job by id (e.g. the id enqueueReport returned). */
export async function jobStatus(queue: Queue, jobId: string): Promise<JobView | null> {
  const job = (await queue.getJob(jobId)) as Job<LkjipJobData> | undefined;
  return job ? view(job) : null;
}
