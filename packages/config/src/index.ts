import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Every environment variable the platform reads, validated once at start-up.
 * Apps call loadConfig() in main and pass the result down; nothing else reads process.env.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/sakip'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((b) => b.trim())
            .filter(Boolean)
        : undefined,
    ),
  KAFKA_IDEMPOTENT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  AUTH_TOKEN_TTL: z.string().default('12h'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  STORAGE_DIR: z.string().min(1).default('var/storage'),
  REPORT_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,60}$/)
    .default('bull'),
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp']).default('none'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
});

export type Config = Omit<z.infer<typeof configSchema>, 'AUTH_SECRET'> & { AUTH_SECRET: string };

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Konfigurasi tidak valid / invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The repository root: the nearest directory above this package holding pnpm-workspace.yaml.
 * Every app starts in its own directory (apps/<name>), so a relative path resolved against the
 * working directory would name a different place in each app.
 */
export function workspaceRoot(
  from: string = dirname(fileURLToPath(import.meta.url)),
): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** An absolute STORAGE_DIR: a relative one is taken from the repository root (else the working directory). */
export function resolveStorageDir(dir: string, root: string | null = workspaceRoot()): string {
  return isAbsolute(dir) ? dir : resolve(root ?? process.cwd(), dir);
}

// Development and tests may run without a secret; production must set one.
const DEV_SECRET = 'sakip-development-secret-do-not-use-in-production';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  if (!c.AUTH_SECRET && c.NODE_ENV === 'production') {
    throw new ConfigError(['AUTH_SECRET: wajib di production / required in production']);
  }
  return {
    ...c,
    STORAGE_DIR: resolveStorageDir(c.STORAGE_DIR),
    AUTH_SECRET: c.AUTH_SECRET ?? DEV_SECRET,
  };
}

/** Configuration table for the README; kept here so docs and schema cannot drift apart. */
export const configDocs: Record<keyof z.infer<typeof configSchema>, string> = {
  NODE_ENV: 'development, test or production; production requires AUTH_SECRET',
  DATABASE_URL: 'PostgreSQL connection string of the event store and read models',
  DATABASE_POOL_MAX: 'maximum connections per process pool',
  REDIS_URL: 'Redis for BullMQ report jobs and health',
  KAFKA_BROKERS: 'comma-separated Kafka brokers; unset = no Kafka, projectors read the store feed',
  KAFKA_IDEMPOTENT: 'idempotent Kafka producer (turn off only for the librdkafka test broker)',
  PORT: 'HTTP port of the API (tRPC at /trpc, health at /health)',
  HOST: 'interface the API listens on',
  LOG_LEVEL: 'pino log level',
  AUTH_SECRET: 'HMAC secret (≥ 32 chars) that signs session tokens; never logged',
  AUTH_TOKEN_TTL: 'lifetime of a session token, e.g. 12h',
  SHUTDOWN_TIMEOUT_MS: 'how long SIGTERM waits for in-flight requests before closing pools',
  STORAGE_DIR:
    'directory for evidence attachments and reports (content-addressed); a relative path is taken from the repository root, so every app uses the same one',
  REPORT_QUEUE_PREFIX: 'BullMQ key prefix of the LKjIP queue (API and reporter must agree)',
  OTEL_TRACES_EXPORTER:
    'none or otlp: OpenTelemetry traces from request to command to event to projection',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:
    'OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces',
};
