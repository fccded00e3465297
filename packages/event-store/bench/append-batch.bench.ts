/**
 * Batched-append micro benchmark: 200 batches of 100 events (each batch a new stream, one
 * es_append round trip per batch), then 20 batches of 1000. Prints one JSON line per run.
 * Creates and drops its own database. Run: pnpm exec tsx bench/append-batch.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@sakip/testing';
import { EventStore, type EventMetadata } from '../src';

async function run(store: EventStore, batches: number, batchSize: number, concurrency: number) {
  const data = { indicator: 'IKU-1', target: 80, unit: 'percent', note: 'x'.repeat(64) };
  let next = 0;
  const worker = async () => {
    while (next < batches) {
      next++;
      const commandId = randomUUID();
      const metadata: EventMetadata = {
        actor: { userId: 'bench', role: 'admin', scope: { level: 'national', code: 'ID' } },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        provinceCode: '31',
        regionCode: '3171',
      };
      await store.append({
        streamId: `bench-${commandId}`,
        streamType: 'bench',
        expectedVersion: 0,
        metadata,
        events: Array.from({ length: batchSize }, (_, i) => ({
          type: 'BenchEvent',
          data: { ...data, i },
        })),
        payload: { commandId, batchSize },
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    eventsPerSecond: Math.round((batches * batchSize) / seconds),
    batchSize,
    batches,
    concurrency,
    seconds: Number(seconds.toFixed(3)),
  };
}

const db = await createTestDatabase({ max: 4 });
try {
  const store = new EventStore(db.sql);
  await run(store, 10, 100, 1); // warm-up: prepared statements, plpgsql plan cache
  for (const [batches, size, conc] of [
    [200, 100, 1],
    [200, 100, 4],
    [20, 1000, 1],
  ] as const) {
    console.log(JSON.stringify(await run(store, batches, size, conc)));
  }
} finally {
  await db.drop();
}
