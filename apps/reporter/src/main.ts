// sakip-reporter: renders LKjIP reports from the `lkjip` queue and runs the nightly scheduler.
import pino from 'pino';
import { loadReporterConfig } from './config';
import { startReporter } from './reporter';
import { startReporterMetrics } from './metrics';

const config = loadReporterConfig();
const log = pino({ level: config.LOG_LEVEL, base: { app: 'reporter' } });
const running = await startReporter(config, log);
const metrics =
  config.REPORTER_METRICS_PORT > 0
    ? startReporterMetrics(running.queue, running.worker, config.REPORTER_METRICS_PORT)
    : null;
log.info(
  {
    concurrency: config.REPORTER_CONCURRENCY,
    storage: config.storage.kind,
    metricsPort: config.REPORTER_METRICS_PORT,
  },
  'reporter started',
);
const stop = async (signal: string) => {
  log.info({ signal }, 'reporter stopping');
  metrics?.server.close();
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
