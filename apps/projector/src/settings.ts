import { z } from 'zod';

/**
 * Projector-only settings (the shared ones — DATABASE_URL, KAFKA_BROKERS, KAFKA_IDEMPOTENT,
 * LOG_LEVEL, DATABASE_POOL_MAX — come from @sakip/config).
 */
export const projectorSettingsSchema = z.object({
  /** Comma-separated province codes this instance projects ('00' = national events); unset = whole feed. */
  PROJECTOR_PROVINCES: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : undefined,
    )
    .refine(
      (v) => !v || v.every((p) => /^[0-9A-Za-z]{1,8}$/.test(p)),
      'province codes are 1-8 letters/digits',
    ),
  /** Comma-separated projection names; unset = all registered. */
  PROJECTOR_PROJECTIONS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : undefined,
    ),
  PROJECTOR_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(1000),
  PROJECTOR_POLICY: z.enum(['stop', 'skip']).default('stop'),
  PROJECTOR_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  PROJECTOR_KAFKA_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('sakip.events'),
  PROJECTOR_KAFKA_GROUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('sakip-projector'),
  /** Run the feed → Kafka relay in this process (Kafka path only). */
  PROJECTOR_RELAY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  PROJECTOR_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  PROJECTOR_KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(10).default(500),
  /** Prometheus /metrics port; 0 = off. */
  PROJECTOR_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
});

export type ProjectorSettings = z.infer<typeof projectorSettingsSchema>;

export const projectorSettingsDocs: Record<keyof ProjectorSettings, string> = {
  PROJECTOR_PROVINCES:
    "comma-separated province codes ('00' = events without a province); unset = one worker over the whole feed",
  PROJECTOR_PROJECTIONS:
    'comma-separated projection names to run; unset = all (opd_tree, audit_log)',
  PROJECTOR_BATCH_SIZE: 'events per transaction (default 1000)',
  PROJECTOR_POLICY:
    "poison events: 'stop' (default) halts that projection partition, 'skip' dead-letters and goes on",
  PROJECTOR_POLL_MS: 'poll interval when no NOTIFY arrives (default 500)',
  PROJECTOR_KAFKA_TOPIC: 'Kafka topic of the relay (default sakip.events)',
  PROJECTOR_KAFKA_GROUP_PREFIX:
    'consumer group prefix; group = <prefix>.<projection>.v<version>[.<provinces>]',
  PROJECTOR_RELAY:
    'run the feed → Kafka relay in this process (default true; one relay is active cluster-wide)',
  PROJECTOR_KAFKA_SESSION_TIMEOUT_MS:
    'consumer session timeout (default 30000; 6000 for the test broker)',
  PROJECTOR_KAFKA_MAX_WAIT_MS: 'fetch long-poll (default 500; 100 for the test broker)',
  PROJECTOR_METRICS_PORT: 'Prometheus /metrics port (default 9464; 0 = off)',
};

export class ProjectorSettingsError extends Error {
  override readonly name = 'ProjectorSettingsError';
}

export function loadProjectorSettings(env: Record<string, string | undefined>): ProjectorSettings {
  const parsed = projectorSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new ProjectorSettingsError(
      `invalid projector configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  }
  return parsed.data;
}
