import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  type TestDatabase,
} from '@sakip/testing';
import { startApi } from '../src/server';
import { testConfig } from './harness';

let db: TestDatabase;
const queuePrefix = testQueuePrefix();
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  await dropRedisPrefix(queuePrefix);
});

async function health(overrides: Record<string, string> = {}) {
  const api = await startApi(
    testConfig(db, { REPORT_QUEUE_PREFIX: queuePrefix, ...overrides }),
    pino({ level: 'silent' }),
  );
  try {
    const res = await fetch(`${api.url}/health`);
    return {
      status: res.status,
      body: (await res.json()) as {
        status: string;
        version: string;
        checks: Record<string, { status: string; error?: string }>;
      },
    };
  } finally {
    await api.close();
  }
}

describe('GET /health', () => {
  it('is 200 with every dependency up and the api version', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.fromEntries(Object.entries(body.checks).map(([k, v]) => [k, v.status]))).toEqual({
      postgres: 'up',
      redis: 'up',
      eventFeed: 'up',
      projections: 'up',
    });
    expect(body.checks.projections).toMatchObject({ deadLetters: 0, stopped: [] });
  });

  it('is 503 naming redis when Redis is unreachable', async () => {
    const { status, body } = await health({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(503);
    expect(body.checks.redis?.status).toBe('down');
    expect(body.checks.postgres?.status).toBe('up');
  });

  it('is 503 naming postgres and the feed when PostgreSQL is unreachable', async () => {
    const { status, body } = await health({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing',
    });
    expect(status).toBe(503);
    expect(body.checks.postgres?.status).toBe('down');
    expect(body.checks.eventFeed?.status).toBe('down');
    expect(body.checks.redis?.status).toBe('up');
  });

  it('shows dead letters loudly while staying in service', async () => {
    await db.sql`insert into projection_dead_letters (name, version, partition, event_id, global_position, type, error, status)
                 values ('opd_tree', 1, '18', gen_random_uuid(), 42, 'OpdRegistered', 'malformed data', 'skipped')`;
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.checks.projections).toMatchObject({ status: 'up', deadLetters: 1 });
  });
});
