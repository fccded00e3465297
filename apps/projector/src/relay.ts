import type { Producer } from 'kafkajs';
import type { Sql } from '@sakip/db';
import type { EventStore, FeedCheckpoint, RecordedEvent } from '@sakip/event-store';
import {
  casCheckpoint,
  errorText,
  loadCheckpoint,
  provinceKey,
  type Logger,
} from '@sakip/read-models';

export const RELAY_VERSION = 1;
export const relayName = (topic: string): string => `relay:${topic}`;

export interface RelayOptions {
  sql: Sql;
  store: EventStore;
  producer: Producer;
  topic: string;
  batchSize: number;
  signal: AbortSignal;
  logger: Logger;
  pollIntervalMs?: number;
}

/** Kafka message of one event: key = province code ('00' national), headers for routing and dedupe. */
export function toMessage(e: RecordedEvent) {
  return {
    key: provinceKey(e),
    value: JSON.stringify(e),
    headers: {
      'event-id': e.eventId,
      'event-type': e.type,
      'global-position': String(e.globalPosition),
      'transaction-id': e.transactionId,
      'schema-version': String(e.schemaVersion),
    },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Feed → Kafka. One active relay per topic (session advisory lock; others stand by). A batch is
 * sent with acks=-1; the relay's checkpoint (projection_checkpoints 'relay:<topic>') advances by
 * compare-and-set only after the broker acknowledged it. A crash between ack and checkpoint
 * re-sends the batch: consumers dedupe by event id.
 */
export async function runRelay(o: RelayOptions): Promise<void> {
  const name = relayName(o.topic);
  const key = { name, version: RELAY_VERSION, partition: '*' };
  const lock = await o.sql.reserve();
  const wake = { fn: (): void => {} };
  const listener = await o.sql.listen('sakip_events', () => wake.fn());
  try {
    let announced = false;
    for (;;) {
      const [row] = await lock<
        { ok: boolean }[]
      >`select pg_try_advisory_lock(hashtext('sakip:relay'), hashtext(${o.topic})) as ok`;
      if (row?.ok) break;
      if (!announced) o.logger.info({ topic: o.topic }, 'another relay is active; standing by');
      announced = true;
      if (o.signal.aborted) return;
      await sleep(1000, o.signal);
    }
    await o.sql`insert into projection_versions (name, version, status, activated_at) values (${name}, ${RELAY_VERSION}, 'active', now())
                on conflict do nothing`;
    await o.sql`insert into projection_checkpoints (name, version, partition) values (${name}, ${RELAY_VERSION}, '*') on conflict do nothing`;
    const loaded = await loadCheckpoint(o.sql, name, RELAY_VERSION, '*');
    let checkpoint: FeedCheckpoint = loaded ?? { transactionId: '0', position: 0 };
    o.logger.info({ topic: o.topic, checkpoint }, 'relay started');
    while (!o.signal.aborted) {
      const page = await o.store.readFeed({ after: checkpoint, limit: o.batchSize });
      if (page.events.length === 0 || !page.checkpoint) {
        await new Promise<void>((resolve) => {
          wake.fn = resolve;
          void sleep(o.pollIntervalMs ?? 500, o.signal).then(resolve);
        });
        continue;
      }
      try {
        await o.producer.send({ topic: o.topic, acks: -1, messages: page.events.map(toMessage) });
      } catch (err) {
        o.logger.error(
          { topic: o.topic, err: errorText(err), events: page.events.length },
          'relay send failed; retrying the batch',
        );
        await sleep(500, o.signal);
        continue;
      }
      const next = page.checkpoint;
      await o.sql.begin((tx) =>
        casCheckpoint(tx, key, checkpoint, next, { state: 'running', error: null }),
      );
      checkpoint = next;
    }
  } finally {
    await lock`select pg_advisory_unlock(hashtext('sakip:relay'), hashtext(${o.topic}))`.catch(
      () => {},
    );
    lock.release();
    await listener.unlisten().catch(() => {});
  }
}
