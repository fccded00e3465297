// The reporter's settings: the platform's (@sakip/config) plus its own, validated once.
import { loadConfig, type Config } from '@sakip/config';
import { REPORT_FORMATS, type ReportStorageSettings } from '@sakip/reports';
import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const reporterSchema = z.object({
  REPORT_CRON: z.string().trim().min(9).default('0 1 * * *'),
  REPORT_TZ: z
    .string()
    .default('Asia/Jakarta')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown IANA time zone'),
  REPORT_SCHEDULER: bool.default(true),
  REPORTER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  REPORTER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  REPORT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  REPORT_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
  REPORT_FORMATS: z
    .string()
    .default('docx,pdf')
    .transform((v) =>
      v
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(REPORT_FORMATS)).min(1)),
  REPORT_LOOKBACK_YEARS: z.coerce.number().int().min(0).max(20).default(5),
  REPORT_QUEUE_PREFIX: z.string().min(1).default('bull'),
  REPORT_STORAGE: z.enum(['local', 's3']).default('local'),
  REPORT_S3_BUCKET: z.string().min(3).optional(),
  REPORT_S3_REGION: z.string().default('us-east-1'),
  REPORT_S3_ENDPOINT: z.string().url().optional(),
  REPORT_S3_PREFIX: z.string().default(''),
  REPORT_S3_FORCE_PATH_STYLE: bool.optional(),
});

export type ReporterConfig = Config &
  z.infer<typeof reporterSchema> & { storage: ReportStorageSettings };

export const reporterConfigDocs: Record<keyof z.infer<typeof reporterSchema>, string> = {
  REPORT_CRON: 'cron pattern of the nightly scheduler (5 fields, or 6 with seconds)',
  REPORT_TZ: 'IANA time zone of the cron pattern and of "the current year"',
  REPORT_SCHEDULER: 'false = this process only works jobs and does not install the scheduler',
  REPORTER_CONCURRENCY: 'jobs rendered at once per process',
  REPORTER_METRICS_PORT: 'Prometheus /metrics port (default 9465; 0 = off)',
  REPORT_ATTEMPTS: 'tries per job before it is failed with its reason',
  REPORT_BACKOFF_MS: 'first retry delay; doubles on each retry (exponential)',
  REPORT_FORMATS: 'formats the scheduler produces: docx, pdf, html (comma-separated)',
  REPORT_LOOKBACK_YEARS: 'past years the scheduler checks for changed data',
  REPORT_QUEUE_PREFIX: 'BullMQ key prefix in Redis',
  REPORT_STORAGE: 'local (default) or s3',
  REPORT_S3_BUCKET: 'bucket when REPORT_STORAGE=s3 (credentials: the AWS SDK default chain)',
  REPORT_S3_REGION: 'S3 region',
  REPORT_S3_ENDPOINT: 'S3-compatible endpoint (MinIO, Ceph); implies path-style URLs',
  REPORT_S3_PREFIX: 'key prefix inside the bucket',
  REPORT_S3_FORCE_PATH_STYLE: 'force path-style URLs',
};

export function loadReporterConfig(
  // eslint-disable-next-line no-restricted-syntax -- the reporter's one config module, like @sakip/config: the only place it reads the environment.
  env: Record<string, string | undefined> = process.env,
): ReporterConfig {
  const base = loadConfig(env);
  const parsed = reporterSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Konfigurasi reporter tidak valid / invalid reporter configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  const r = parsed.data;
  if (r.REPORT_STORAGE === 's3' && !r.REPORT_S3_BUCKET)
    throw new Error(
      'REPORT_S3_BUCKET: wajib bila REPORT_STORAGE=s3 / required when REPORT_STORAGE=s3',
    );
  const storage: ReportStorageSettings =
    r.REPORT_STORAGE === 's3'
      ? {
          kind: 's3',
          bucket: r.REPORT_S3_BUCKET!,
          region: r.REPORT_S3_REGION,
          endpoint: r.REPORT_S3_ENDPOINT,
          prefix: r.REPORT_S3_PREFIX,
          forcePathStyle: r.REPORT_S3_FORCE_PATH_STYLE,
        }
      : // The API serves downloads from STORAGE_DIR: a separate report directory would 404.
        { kind: 'local', dir: base.STORAGE_DIR };
  return { ...base, ...r, storage };
}
