import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandExecutor, regionUseCases, opdUseCases, systemActor } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { currentTraceparent, initTracing, inSpan } from '@sakip/telemetry';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { opdTreeProjection, runProjection } from '../src';
import { quietLogger } from './helpers';

const tracing = initTracing({ serviceName: 'read-models-test', exporter: 'memory' });
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  await tracing.shutdown();
});

describe('traces reach the projection', () => {
  it('links the projection span to the request span that wrote the event', async () => {
    const executor = new CommandExecutor(new EventStore(db.sql));
    const ctx = () => ({
      actor: systemActor('test'),
      commandId: randomUUID(),
      correlationId: randomUUID(),
      traceparent: currentTraceparent(),
    });
    let traceId = '';
    await inSpan(tracing.tracer, 'request', {}, async (span) => {
      traceId = span.spanContext().traceId;
      await executor.execute(
        regionUseCases.registerRegion,
        { code: '18', name: 'Lampung', codeEdition: 'x' },
        ctx(),
      );
      await executor.execute(
        regionUseCases.registerRegion,
        { code: '18.04', name: 'Lampung Barat', codeEdition: 'x' },
        ctx(),
      );
      await executor.execute(
        opdUseCases.registerOpd,
        { regionCode: '18.04', code: 'DINKES', name: 'Dinas Kesehatan' },
        ctx(),
      );
    });
    await runProjection({
      sql: db.sql,
      store: new EventStore(db.sql),
      projection: opdTreeProjection,
      batchSize: 100,
      untilCaughtUp: true,
      logger: quietLogger,
    });
    const [rows] = await db.sql<{ n: number }[]>`select count(*)::int as n from rm_opd_tree_opds`;
    expect(rows!.n).toBe(1);
    const spans = tracing
      .memory!.getFinishedSpans()
      .filter((s) => s.name.startsWith('projection opd_tree'));
    expect(spans.length).toBeGreaterThan(0);
    const linked = spans.flatMap((s) => [
      ...s.links.map((l) => l.context.traceId),
      ...(s.parentSpanContext ? [s.spanContext().traceId] : []),
    ]);
    expect(linked).toContain(traceId);
  });
});
