import { randomUUID } from 'node:crypto';
import { createTRPCClient, httpLink } from '@trpc/client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { initTracing } from '@sakip/telemetry';
import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  type TestDatabase,
} from '@sakip/testing';
import { CommandExecutor } from '@sakip/application';
import { startApi, type RunningApi } from '../src/server';
import type { AppRouter } from '../src/trpc/router';
import { addUser, PASSWORD, seedBasics, testConfig } from './harness';

const tracing = initTracing({ serviceName: 'sakip-api-test', exporter: 'memory' });
let db: TestDatabase;
let api: RunningApi;
const queuePrefix = testQueuePrefix();

beforeAll(async () => {
  db = await createTestDatabase();
  const executor = new CommandExecutor(new EventStore(db.sql));
  await seedBasics(executor);
  await addUser(executor, 'admin.lampung', [
    { role: 'province_admin', scope: { level: 'province', code: '18' } },
  ]);
  api = await startApi(
    testConfig(db, { REPORT_QUEUE_PREFIX: queuePrefix }),
    pino({ level: 'silent' }),
    tracing.tracer,
  );
}, 60_000);
afterAll(async () => {
  await api?.close();
  await db?.drop();
  await dropRedisPrefix(queuePrefix);
  await tracing.shutdown();
});

describe('OpenTelemetry traces', () => {
  it('follows one request from the tRPC call through the command to the appended event', async () => {
    const client = (token?: string) =>
      createTRPCClient<AppRouter>({
        links: [
          httpLink({
            url: `${api.url}/trpc`,
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      });
    const { token } = await client().auth.login.mutate({
      username: 'admin.lampung',
      password: PASSWORD,
    });
    const result = await client(token).opds.register.mutate({
      regionCode: '18.04',
      code: 'DINKES',
      name: 'Dinas Kesehatan',
      commandId: randomUUID(),
    });

    const spans = tracing.memory!.getFinishedSpans();
    const request = spans.find((s) => s.name === 'trpc opds.register')!;
    const command = spans.find((s) => s.name === 'command RegisterOpd')!;
    expect(command.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(command.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(command.attributes['sakip.correlation_id']).toBe(result.correlationId);

    const { events } = await new EventStore(db.sql).readStream(result.streamId);
    const traceparent = events[0]!.metadata.traceparent!;
    expect(traceparent.split('-')[1]).toBe(request.spanContext().traceId);
    expect(traceparent.split('-')[2]).toBe(command.spanContext().spanId);
  });
});
