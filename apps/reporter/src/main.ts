// sakip-reporter: renders LKjIP reports from the `lkjip` queue and runs the nightly scheduler.
import pino from 'pino';
import { loadReporterConfig } from './config';
import { startReporter } from './reporter';

const config = loadReporterConfig();
const log = pino({ level: config.LOG_LEVEL, base: { app: 'reporter' } });
const running = await startReporter(config, log);
log.info({ concurrency: config.REPORTER_CONCURRENCY, storage: config.storage.kind }, 'reporter started');
const stop = async (signal: string) => {
  log.info({ signal }, 'reporter stopping');
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
