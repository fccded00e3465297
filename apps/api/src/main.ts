import { loadConfig } from '@sakip/config';
import { createLogger } from './logging/logger';
import { startApi } from './server';
import { initTracing } from '@sakip/telemetry';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

const tracing = initTracing({
  serviceName: 'sakip-api',
  exporter: config.OTEL_TRACES_EXPORTER,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
});
const api = await startApi(config, logger, tracing.tracer);
logger.info(
  { url: api.url, trpc: `${api.url}/trpc`, health: `${api.url}/health` },
  'sakip api listening',
);

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close pools; force after a timeout.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    api
      .close()
      .then(() => tracing.shutdown())
      .then(() => {
        logger.info('shutdown complete');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  });
}
