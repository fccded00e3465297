import { afterEach, describe, expect, it } from 'vitest';
import type { Consumer, ConsumerConfig, KafkaMessage, Producer, RetryOptions } from 'kafkajs';
import { createKafka, type SakipKafka } from '../src/index';
import { startKafkaTestBroker, testLogLevel, type KafkaTestBroker } from '../src/testing/index';

/*
 * kafkajs settings for the librdkafka mock broker (measured on loopback, Node 20):
 *
 * - connectionTimeout 1000 ms: a downed mock broker closes its listener, so connects
 *   fail at once with ECONNREFUSED; 1 s only bounds a wedged connect.
 * - requestTimeout 5000 ms.
 * - retry { initialRetryTime 100, maxRetryTime 1000, retries 10 }: backoff
 *   ~0.1, 0.2, 0.4, 0.8, then 1 s steps => ~8 s of retries, well above the 1.5 s
 *   outage below; kafkajs' default (300 ms initial, 30 s max, 5 retries) waits longer
 *   between attempts after the broker is back.
 * - consumer sessionTimeout 6000, heartbeatInterval 500, rebalanceTimeout 6000,
 *   maxWaitTimeInMs 100. The first JoinGroup of a new group on the mock always
 *   takes ~3.0 s (its fixed initial-rebalance delay; measured 3.06 s with
 *   session 3000/6000/10000 alike), later rebalances wait up to the session
 *   timeout, so keep it at the low end. maxWaitTimeInMs 100 keeps fetch long-polls
 *   short, so disconnect() returns in ~100 ms instead of up to 5 s.
 * - producer: idempotent false (the mock's controller id 0 breaks kafkajs'
 *   idempotent producer), acks -1, maxInFlightRequests 1 (per-partition order).
 *
 * Measured over 6 runs: test 1 3.3-4.4 s, test 2 5.3-6.4 s (1.5 s outage + 3 s group
 * join); whole file 9-11 s. The extra ~1 s in some runs is the mock cluster shutdown.
 */
const RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 1000, retries: 10 };
const CONSUMER: Omit<ConsumerConfig, 'groupId'> = {
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  rebalanceTimeout: 6000,
  maxWaitTimeInMs: 100,
  retry: RETRY,
};

function kafkaFor(broker: KafkaTestBroker, clientId: string): SakipKafka {
  return createKafka({
    brokers: broker.bootstrap,
    clientId,
    idempotent: false,
    logLevel: testLogLevel(),
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: RETRY,
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Reverse order: clients first, broker last.
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch(() => {});
  }
});

async function startBroker(
  topics: { name: string; partitions: number }[],
): Promise<KafkaTestBroker> {
  const broker = await startKafkaTestBroker({ brokers: 3, topics });
  cleanups.push(() => broker.stop());
  return broker;
}

async function connectedProducer(kafka: SakipKafka): Promise<Producer> {
  const producer = kafka.producer();
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  return producer;
}

interface Received {
  partition: number;
  offset: bigint;
  key: string;
  value: string;
}

/** Consumes `topic` from the beginning with a fresh group until `done(received)` holds. */
async function consumeUntil(
  kafka: SakipKafka,
  topic: string,
  done: (received: Received[]) => boolean,
  timeoutMs = 20_000,
): Promise<Received[]> {
  const consumer: Consumer = kafka.consumer({ ...CONSUMER, groupId: `g-${topic}-${Date.now()}` });
  cleanups.push(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received: Received[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`consumed only ${received.length} messages from ${topic} in ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    consumer
      .run({
        eachMessage: async ({
          partition,
          message,
        }: {
          partition: number;
          message: KafkaMessage;
        }) => {
          received.push({
            partition,
            offset: BigInt(message.offset),
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
          });
          if (done(received)) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return received;
}

describe('kafka test broker (librdkafka mock, 3 brokers)', () => {
  it('delivers 1,000 keyed messages exactly once, in order per partition, to a consumer group', async () => {
    const topic = 'orders';
    const broker = await startBroker([{ name: topic, partitions: 6 }]);
    expect(broker.brokerIds).toEqual([1, 2, 3]);
    expect(broker.bootstrap).toHaveLength(3);

    const kafka = kafkaFor(broker, 'exactly-once-test');
    const producer = await connectedProducer(kafka);

    // 50 keys x 20 messages; value = global sequence number.
    const total = 1000;
    const produced = new Map<string, number[]>();
    for (let batch = 0; batch < total / 100; batch++) {
      const messages = Array.from({ length: 100 }, (_, j) => {
        const seq = batch * 100 + j;
        const key = `order-${seq % 50}`;
        produced.set(key, [...(produced.get(key) ?? []), seq]);
        return { key, value: String(seq) };
      });
      await producer.send({ topic, acks: -1, messages });
    }

    const received = await consumeUntil(kafka, topic, (r) => r.length >= total);

    // Exactly once.
    expect(received).toHaveLength(total);
    expect(new Set(received.map((m) => m.value)).size).toBe(total);

    // Offsets strictly increasing within each partition, and a key lives in one partition.
    const lastOffset = new Map<number, bigint>();
    const partitionOfKey = new Map<string, number>();
    const seenPerKey = new Map<string, number[]>();
    for (const m of received) {
      const prev = lastOffset.get(m.partition);
      if (prev !== undefined) expect(m.offset).toBeGreaterThan(prev);
      lastOffset.set(m.partition, m.offset);
      expect(partitionOfKey.get(m.key) ?? m.partition).toBe(m.partition);
      partitionOfKey.set(m.key, m.partition);
      seenPerKey.set(m.key, [...(seenPerKey.get(m.key) ?? []), Number(m.value)]);
    }
    // Per-key (hence per-partition) order equals production order.
    expect(seenPerKey).toEqual(produced);
    // The keys actually spread over several partitions.
    expect(new Set(partitionOfKey.values()).size).toBeGreaterThan(1);
  }, 30_000);

  it('loses nothing when the leader of a partition goes down during production and comes back', async () => {
    const topic = 'events';
    const broker = await startBroker([{ name: topic, partitions: 3 }]);
    const kafka = kafkaFor(broker, 'leader-outage-test');

    // Metadata works on the mock (only CreateTopics and the controller are off).
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const leader = metadata.topics[0]?.partitions.find((p) => p.partitionId === 0)?.leader;
    expect(broker.brokerIds).toContain(leader);
    if (leader === undefined) throw new Error('no leader for partition 0');

    const producer = await connectedProducer(kafka);
    const total = 1000;
    const batchSize = 25;
    const outageMs = 1500;
    let slowestSendMs = 0;
    let upPromise: Promise<void> | undefined;
    for (let batch = 0; batch < total / batchSize; batch++) {
      if (batch === 10) {
        // Mid-production: take the leader of partition 0 down and schedule its return.
        // The mock does not move leadership, so sends to its partitions retry until up.
        await broker.down(leader);
        upPromise = new Promise<void>((resolve, reject) => {
          setTimeout(() => broker.up(leader).then(resolve, reject), outageMs);
        });
      }
      const messages = Array.from({ length: batchSize }, (_, j) => {
        const seq = batch * batchSize + j;
        return { key: `event-${seq}`, value: String(seq) };
      });
      const started = Date.now();
      await producer.send({ topic, acks: -1, messages });
      slowestSendMs = Math.max(slowestSendMs, Date.now() - started);
    }
    await upPromise;
    // The outage really blocked a send, and kafkajs' retries bridged it.
    expect(slowestSendMs).toBeGreaterThanOrEqual(outageMs - 200);

    // Consume everything that is in the log (high watermarks), duplicates included.
    const offsets = await admin.fetchTopicOffsets(topic);
    const inLog = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    expect(inLog).toBeGreaterThanOrEqual(total);
    const received = await consumeUntil(kafka, topic, (r) => r.length >= inLog);

    const uniqueKeys = new Set(received.map((m) => m.key));
    expect(uniqueKeys.size).toBe(total);
    // Without idempotence a retry after a lost ack may duplicate; report it, do not fail.
    if (received.length > total)
      console.info(`leader outage: ${received.length - total} duplicate(s)`);
  }, 30_000);
});
