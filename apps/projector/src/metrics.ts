import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Sql } from '@sakip/db';
import { projectionStatus } from '@sakip/read-models';

/**
 * GET /metrics on PROJECTOR_METRICS_PORT: position, lag, dead letters and stopped state per
 * projection, version and province partition, read from the checkpoints at scrape time.
 */
export function startMetricsServer(sql: Sql, port: number): Server {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sakip_projector_' });
  const labels = ['projection', 'version', 'partition'] as const;
  const position = new Gauge({
    name: 'sakip_projection_position',
    help: 'Last applied global position',
    labelNames: labels,
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'sakip_projection_lag_events',
    help: 'Readable events not yet applied',
    labelNames: labels,
    registers: [registry],
  });
  const dead = new Gauge({
    name: 'sakip_projection_dead_letters',
    help: 'Dead-lettered events',
    labelNames: labels,
    registers: [registry],
  });
  const stopped = new Gauge({
    name: 'sakip_projection_stopped',
    help: '1 when a poison event stopped the partition',
    labelNames: labels,
    registers: [registry],
  });
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        for (const g of [position, lag, dead, stopped]) g.reset();
        for (const s of await projectionStatus(sql)) {
          if (s.versionStatus === 'retired') continue;
          const l = { projection: s.name, version: String(s.version), partition: s.partition };
          position.set(l, s.position);
          if (s.lag !== null) lag.set(l, s.lag);
          dead.set(l, s.deadLetters);
          stopped.set(l, s.state === 'stopped' ? 1 : 0);
        }
        res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      } catch (err) {
        res.writeHead(503).end(String(err));
      }
    })();
  });
  // A busy port must not take the projector down: metrics are an aid, projections are the job.
  server.on('error', (err) =>
    process.stderr.write(
      `${JSON.stringify({ level: 40, msg: 'metrics server error', err: String(err) })}\n`,
    ),
  );
  server.listen(port);
  return server;
}
