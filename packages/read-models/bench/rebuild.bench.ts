/**
 * Rebuild benchmark: N synthetic events (default 1,000,000; first CLI arg or BENCH_EVENTS) over
 * 10 provinces, appended in large per-stream batches (200 events per es_append, 4 in flight),
 * then a rebuild of audit_log and opd_tree side by side. Prints JSON lines.
 * Creates and drops its own database. Run: pnpm --filter @sakip/read-models bench [N]
 */
import { createTestDatabase } from '@sakip/testing';
import { EventStore } from '@sakip/event-store';
import { rebuildProjection, type Logger } from '../src';
import { generateEvents } from '../src/testing';

const total = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 1_000_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 5000);
const quiet: Logger = { info: () => {}, warn: () => {}, error: (o, m) => console.error(m, o) };

const db = await createTestDatabase({ max: 8 });
try {
  const store = new EventStore(db.sql);
  let t = performance.now();
  const gen = await generateEvents(store, { total, streamSize: 200, concurrency: 4 });
  const genSeconds = (performance.now() - t) / 1000;
  console.log(
    JSON.stringify({
      step: 'generate',
      events: gen.appended,
      streams: gen.streams,
      seconds: +genSeconds.toFixed(2),
      eventsPerSecond: Math.round(gen.appended / genSeconds),
    }),
  );
  await db.sql`vacuum analyze events`;

  t = performance.now();
  const [audit, tree] = await Promise.all([
    rebuildProjection(db.sql, store, 'audit_log', { logger: quiet, batchSize }),
    rebuildProjection(db.sql, store, 'opd_tree', { logger: quiet, batchSize }),
  ]);
  const seconds = (performance.now() - t) / 1000;
  console.log(
    JSON.stringify({
      step: 'rebuild audit_log + opd_tree (concurrently, each reads the whole feed)',
      events: total,
      batchSize,
      seconds: +seconds.toFixed(2),
      eventsPerSecond: Math.round(total / seconds),
      auditSeconds: +audit.seconds.toFixed(2),
      opdTreeSeconds: +tree.seconds.toFixed(2),
    }),
  );
} finally {
  await db.drop();
}
