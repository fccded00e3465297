import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { auditLogProjection, runProjection } from '@sakip/read-models';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { startMetricsServer } from '../src/metrics';
import { count, eventually } from './helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe('projector /metrics', () => {
  it('exposes position, lag and dead letters per projection and partition', async () => {
    const store = new EventStore(db.sql);
    await store.append({
      streamId: 'region-18',
      streamType: 'region',
      expectedVersion: 0,
      events: [
        {
          type: 'RegionRegistered',
          data: {
            code: '18',
            level: 'province',
            provinceCode: '18',
            name: 'Lampung',
            codeEdition: 'x',
          },
        },
      ],
      metadata: {
        actor: { userId: 't', role: 'system', scope: { level: 'national', code: '' } },
        commandId: crypto.randomUUID(),
        correlationId: 'c',
        causationId: 'c',
        provinceCode: '18',
        regionCode: null,
      },
      payload: {},
    });
    // Another test's open transaction anywhere on the server can hold the gap-safe feed back
    // for a moment: project until the event has been applied.
    await eventually(
      async () => {
        await runProjection({
          sql: db.sql,
          store,
          projection: auditLogProjection,
          batchSize: 100,
          untilCaughtUp: true,
          logger: { info: () => {}, warn: () => {}, error: () => {} },
        });
        return (await count(db.sql, 'rm_audit_log')) === 1;
      },
      30_000,
      'event projected',
      200,
    );
    const server = startMetricsServer(db.sql, 0);
    await once(server, 'listening');
    try {
      const body = await (
        await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)
      ).text();
      expect(body).toMatch(
        /sakip_projection_position\{projection="audit_log",version="1",partition="\*"\} [1-9]/,
      );
      expect(body).toMatch(
        /sakip_projection_lag_events\{projection="audit_log",version="1",partition="\*"\} 0/,
      );
      expect(body).toMatch(
        /sakip_projection_dead_letters\{projection="audit_log",version="1",partition="\*"\} 0/,
      );
    } finally {
      server.close();
    }
  });
});
