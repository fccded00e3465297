import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryOptions } from 'kafkajs';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore } from '@sakip/event-store';
import { startKafkaTestBroker, type KafkaTestBroker } from '@sakip/messaging/testing';
import type { Logger } from '@sakip/read-models';
import { generateEvents } from '@sakip/read-models/testing';
import { loadProjectorSettings, runProjector } from '../src';
import { count, eventually } from './helpers';

// Tuned for the librdkafka mock (see packages/messaging/test/kafka-test-broker.test.ts).
const RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 1000, retries: 10 };
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let db: TestDatabase;
let broker: KafkaTestBroker;
beforeAll(async () => {
  db = await createTestDatabase({ max: 10 });
  broker = await startKafkaTestBroker({
    brokers: 3,
    topics: [{ name: 'sakip.events', partitions: 4 }],
  });
});
afterAll(async () => {
  await broker?.stop();
  await db?.drop();
});

describe('Kafka path', () => {
  it('a broker down during relay and consumption: nothing lost, nothing applied twice', async () => {
    const store = new EventStore(db.sql);
    await generateEvents(store, { total: 2000, streamSize: 40, tag: 'k1' });
    const ac = new AbortController();
    const running = runProjector({
      sql: db.sql,
      store,
      config: { KAFKA_BROKERS: broker.bootstrap, KAFKA_IDEMPOTENT: false, LOG_LEVEL: 'silent' },
      settings: loadProjectorSettings({ PROJECTOR_BATCH_SIZE: '200', PROJECTOR_POLL_MS: '100' }),
      signal: ac.signal,
      logger: quiet,
      kafkaClient: { connectionTimeout: 1000, requestTimeout: 5000, retry: RETRY },
      kafkaConsumer: {
        sessionTimeout: 6000,
        heartbeatInterval: 500,
        rebalanceTimeout: 6000,
        maxWaitTimeInMs: 100,
        retry: RETRY,
      },
    });
    try {
      await eventually(
        async () => (await count(db.sql, 'rm_audit_log')) > 0,
        30_000,
        'first events consumed',
      );
      // Broker 1 goes down while the relay still has events to send and the consumers read.
      await broker.down(1);
      await generateEvents(store, { total: 2000, streamSize: 40, tag: 'k2' });
      await new Promise((r) => setTimeout(r, 1500));
      await broker.up(1);
      const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from events`;
      await eventually(
        async () => (await count(db.sql, 'rm_audit_log')) === all?.n,
        60_000,
        'every event in audit_log',
      );
      const [units] = await db.sql<
        { n: number }[]
      >`select count(*)::int as n from events where type = 'UnitAdded'`;
      await eventually(
        async () => {
          const [s] = await db.sql<
            { n: number }[]
          >`select coalesce(sum(units_count), 0)::int as n from rm_opd_tree_opds`;
          return s?.n === units?.n;
        },
        30_000,
        'opd_tree counts',
      );
      // Each event exactly once.
      const [dupes] = await db.sql<
        { n: number }[]
      >`select count(*)::int as n from (select event_id from rm_audit_log group by event_id having count(*) > 1) d`;
      expect(dupes?.n).toBe(0);
      expect(await count(db.sql, 'projection_applied_events', `name = 'audit_log'`)).toBe(all?.n);
      expect(await count(db.sql, 'projection_dead_letters')).toBe(0);
      const [positions] = await db.sql<
        { n: number }[]
      >`select sum(positions_count)::int as n from rm_opd_tree_opds`;
      const [posEvents] = await db.sql<
        { n: number }[]
      >`select count(*)::int as n from events where type = 'PositionAdded'`;
      expect(positions?.n).toBe(posEvents?.n);
    } finally {
      ac.abort();
      await running;
    }
  }, 120_000);
});
