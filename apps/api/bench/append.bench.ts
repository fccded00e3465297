/**
 * `pnpm bench append`: single-event commands through the NestJS CommandBus (sequential and with
 * 8 concurrent callers) and batched appends, against the local PostgreSQL in a scratch database.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pino from 'pino';
import { loadConfig } from '@sakip/config';
import { EventStore } from '@sakip/event-store';
import { opdUseCases, regionUseCases, systemActor } from '@sakip/application';
import { createTestDatabase, TEST_REDIS_URL } from '@sakip/testing';
import { AppModule } from '../src/app.module';
import { DispatchCommand } from '../src/commands/dispatch-command';

const COMMANDS = Number(process.argv[2] ?? 3000);
const BATCHES = 100;
const BATCH_SIZE = 500;

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

const db = await createTestDatabase({ max: 20 });
const config = loadConfig({
  DATABASE_URL: db.url,
  REDIS_URL: TEST_REDIS_URL,
  LOG_LEVEL: 'silent',
  DATABASE_POOL_MAX: '10',
});
const app = await NestFactory.createApplicationContext(
  AppModule.forRoot(config, pino({ level: 'silent' })),
  { logger: false },
);
const bus = app.get(CommandBus);
const ctx = () => ({
  actor: systemActor('bench'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

await bus.execute(
  new DispatchCommand(
    regionUseCases.registerRegion as never,
    { code: '18', name: 'Lampung', codeEdition: 'bench' },
    ctx(),
  ),
);
await bus.execute(
  new DispatchCommand(
    regionUseCases.registerRegion as never,
    { code: '18.04', name: 'Lampung Barat', codeEdition: 'bench' },
    ctx(),
  ),
);

let seq = 0;
const registerOpd = () =>
  bus.execute(
    new DispatchCommand(
      opdUseCases.registerOpd as never,
      {
        regionCode: '18.04',
        code: `B${(seq++).toString(36).toUpperCase().padStart(6, '0')}`,
        name: 'Dinas Benchmark',
      },
      ctx(),
    ),
  );

async function commands(total: number, callers: number) {
  const latencies: number[] = [];
  const started = performance.now();
  let left = total;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (left-- > 0) {
        const t0 = performance.now();
        await registerOpd();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    callers,
    commands: total,
    perSecond: round(total / seconds, 0),
    p50ms: round(quantile(latencies, 0.5)),
    p99ms: round(quantile(latencies, 0.99)),
  };
}

await commands(300, 8); // warm-up: JIT, pool connections
const sequential = await commands(COMMANDS, 1);
const concurrent = await commands(COMMANDS, 8);

const store = new EventStore(db.sql);
const meta = {
  actor: { userId: 'bench', role: 'system', scope: { level: 'national' as const, code: '' } },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  provinceCode: '18',
  regionCode: '18.04',
};
const batchStarted = performance.now();
for (let b = 0; b < BATCHES; b++) {
  await store.append({
    streamId: `bench-batch-${b}`,
    streamType: 'bench',
    expectedVersion: 0,
    events: Array.from({ length: BATCH_SIZE }, (_, i) => ({
      type: 'TargetSet',
      data: { indicator: `IKU-${i}`, year: 2024, value: '30.5' },
    })),
    metadata: { ...meta, commandId: randomUUID() },
    payload: { b },
  });
}
const batchSeconds = (performance.now() - batchStarted) / 1000;
const batched = {
  batches: BATCHES,
  batchSize: BATCH_SIZE,
  eventsPerSecond: round((BATCHES * BATCH_SIZE) / batchSeconds, 0),
};

await app.close();
await db.drop();
const result = {
  date: new Date().toISOString(),
  node: process.version,
  sequential,
  concurrent,
  batched,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
