import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue, Worker } from 'bullmq';

/** GET /metrics on REPORTER_METRICS_PORT: queue depth by state, job durations, reports by outcome. */
export function startReporterMetrics(
  queue: Queue,
  worker: Worker,
  port: number,
): { server: Server; registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sakip_reporter_' });
  const depth = new Gauge({
    name: 'sakip_report_queue_jobs',
    help: 'LKjIP jobs by state',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sakip_report_job_duration_seconds',
    help: 'Time to render and store one LKjIP job',
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: 'sakip_reports_total',
    help: 'Finished report jobs by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  worker.on('completed', (job) => {
    outcomes.inc({ outcome: 'completed' });
    if (job.processedOn && job.finishedOn)
      duration.observe((job.finishedOn - job.processedOn) / 1000);
  });
  worker.on('failed', () => outcomes.inc({ outcome: 'failed' }));
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        const counts = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'completed',
          'prioritized',
        );
        for (const [state, n] of Object.entries(counts)) depth.set({ state }, n);
        res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      } catch (err) {
        res.writeHead(503).end(String(err));
      }
    })();
  });
  server.on('error', (err) =>
    process.stderr.write(
      `${JSON.stringify({ level: 40, msg: 'metrics server error', err: String(err) })}\n`,
    ),
  );
  server.listen(port);
  return { server, registry };
}
