// The reporter process: a BullMQ worker on the `lkjip` queue and the nightly job scheduler.
import { connect, type Sql } from '@sakip/db';
import {
  createReportStorage,
  LKJIP_QUEUE,
  processLkjipJob,
  upsertReportScheduler,
  type JobPolicy,
  type LkjipJobData,
} from '@sakip/reports';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ReporterConfig } from './config';

export interface RunningReporter {
  queue: Queue<LkjipJobData>;
  worker: Worker<LkjipJobData>;
  sql: Sql;
  policy: JobPolicy;
  close(): Promise<void>;
}

export function policyOf(config: ReporterConfig): JobPolicy {
  return {
    attempts: config.REPORT_ATTEMPTS,
    backoffMs: config.REPORT_BACKOFF_MS,
    formats: config.REPORT_FORMATS,
  };
}

export async function startReporter(config: ReporterConfig, log: Logger): Promise<RunningReporter> {
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const sql = connect(config.DATABASE_URL, {
    max: Math.max(2, config.REPORTER_CONCURRENCY + 1),
    applicationName: 'sakip-reporter',
  });
  const storage = createReportStorage(config.storage);
  const policy = policyOf(config);
  const queue = new Queue<LkjipJobData>(LKJIP_QUEUE, {
    connection,
    prefix: config.REPORT_QUEUE_PREFIX,
  });
  const worker = new Worker<LkjipJobData>(
    LKJIP_QUEUE,
    (job: Job<LkjipJobData>) =>
      processLkjipJob({ sql, storage, queue, tz: config.REPORT_TZ, policy }, job),
    {
      connection,
      prefix: config.REPORT_QUEUE_PREFIX,
      concurrency: config.REPORTER_CONCURRENCY,
    },
  );
  worker.on('completed', (job) => log.info({ jobId: job.id, name: job.name }, 'report job done'));
  worker.on('failed', (job, err) =>
    log.warn(
      { jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message },
      'report job failed',
    ),
  );
  worker.on('error', (err) => log.error({ err: err.message }, 'reporter worker error'));
  if (config.REPORT_SCHEDULER) {
    await upsertReportScheduler(queue, { pattern: config.REPORT_CRON, tz: config.REPORT_TZ });
    log.info({ cron: config.REPORT_CRON, tz: config.REPORT_TZ }, 'LKjIP scheduler installed');
  }
  return {
    queue,
    worker,
    sql,
    policy,
    async close() {
      await worker.close();
      await queue.close();
      await sql.end({ timeout: 5 });
      connection.disconnect();
    },
  };
}
