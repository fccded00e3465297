import { loadConfig } from '@sakip/config';
import { connect } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { jsonLogger, type Logger } from '@sakip/read-models';
import { runProjector, selectProjections } from './projector';
import { loadProjectorSettings } from './settings';
import { startMetricsServer } from './metrics';
import { initTracing } from '@sakip/telemetry';

const config = loadConfig();
// eslint-disable-next-line no-restricted-syntax -- projector-only settings, validated by the zod schema in ./settings (packages/config stays shared).
const settings = loadProjectorSettings(process.env);
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const logger: Logger =
  config.LOG_LEVEL === 'silent'
    ? silent
    : config.LOG_LEVEL === 'error' || config.LOG_LEVEL === 'fatal'
      ? { ...silent, error: jsonLogger.error }
      : config.LOG_LEVEL === 'warn'
        ? { ...jsonLogger, info: () => {} }
        : jsonLogger;

// Every projection partition holds one reserved connection for its advisory lock, and batches
// need more: a pool smaller than that would wait for itself forever.
const partitions = settings.PROJECTOR_PROVINCES?.length ?? 1;
const needed = selectProjections(settings).length * partitions + 4;
if (needed > config.DATABASE_POOL_MAX)
  logger.info(
    { configured: config.DATABASE_POOL_MAX, used: needed },
    'pool raised to fit one locked connection per projection partition',
  );
const sql = connect(config.DATABASE_URL, {
  max: Math.max(config.DATABASE_POOL_MAX, needed),
  applicationName: 'sakip-projector',
});
const tracing = initTracing({
  serviceName: 'sakip-projector',
  exporter: config.OTEL_TRACES_EXPORTER,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
});
const metrics =
  settings.PROJECTOR_METRICS_PORT > 0
    ? startMetricsServer(sql, settings.PROJECTOR_METRICS_PORT)
    : null;
const store = new EventStore(sql);
const ac = new AbortController();
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.once(sig, () => {
    logger.info({ signal: sig }, 'shutting down: finishing the current batch');
    ac.abort();
  });
}
logger.info(
  {
    kafka: Boolean(config.KAFKA_BROKERS),
    provinces: settings.PROJECTOR_PROVINCES ?? '*',
    batchSize: settings.PROJECTOR_BATCH_SIZE,
    policy: settings.PROJECTOR_POLICY,
  },
  'projector starting',
);
try {
  await runProjector({ sql, store, config, settings, signal: ac.signal, logger });
} finally {
  metrics?.close();
  await tracing.shutdown();
  await sql.end({ timeout: config.SHUTDOWN_TIMEOUT_MS / 1000 });
}
logger.info({}, 'projector stopped');
process.exit(0);
