import type { Config } from '@sakip/config';
import type { Sql } from '@sakip/db';
import type { EventStore } from '@sakip/event-store';
import { createKafka } from '@sakip/messaging';
import type { ConsumerConfig, RetryOptions } from 'kafkajs';
import {
  activeVersion,
  errorText,
  projections as allProjections,
  rebuildProjection,
  runProjection,
  type Logger,
  type Projection,
} from '@sakip/read-models';
import { runKafkaProjection } from './kafka-consumer';
import { runRelay } from './relay';
import type { ProjectorSettings } from './settings';

export interface ProjectorOptions {
  sql: Sql;
  store: EventStore;
  config: Pick<Config, 'KAFKA_BROKERS' | 'KAFKA_IDEMPOTENT' | 'LOG_LEVEL'>;
  settings: ProjectorSettings;
  signal: AbortSignal;
  logger: Logger;
  projections?: readonly Projection[];
  /** Kafka client overrides (tests: short timeouts for the mock broker). */
  kafkaClient?: { connectionTimeout?: number; requestTimeout?: number; retry?: RetryOptions };
  kafkaConsumer?: Omit<ConsumerConfig, 'groupId'>;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** Selected projections, in registry order. */
export function selectProjections(
  settings: ProjectorSettings,
  list: readonly Projection[] = allProjections,
): Projection[] {
  if (!settings.PROJECTOR_PROJECTIONS) return [...list];
  return settings.PROJECTOR_PROJECTIONS.map((n) => {
    const p = list.find((x) => x.name === n);
    if (!p) throw new Error(`PROJECTOR_PROJECTIONS: unknown projection '${n}'`);
    return p;
  });
}

/**
 * A projection whose code is newer than its active version (a release that changed its tables)
 * is rebuilt before it runs: the new version is built from position 0 beside the active one,
 * which keeps serving until the switch. Without it the new code would write into the old
 * version's tables and stop on the first event.
 */
export async function upgradeOutdated(
  o: Pick<ProjectorOptions, 'sql' | 'store' | 'logger' | 'signal'>,
  projection: Projection,
  list: readonly Projection[],
): Promise<void> {
  const active = await activeVersion(o.sql, projection.name);
  if (active === null || active >= projection.version) return;
  o.logger.warn(
    { projection: projection.name, active, code: projection.version },
    'projection code is newer than its active version; rebuilding it beside the active one',
  );
  await rebuildProjection(o.sql, o.store, projection.name, {
    logger: o.logger,
    projections: list,
    signal: o.signal,
  });
}

/**
 * Runs every selected projection until the signal aborts: feed path by default, Kafka path
 * (relay + consumer groups) when KAFKA_BROKERS is set. A version switch (rebuild) restarts the
 * projection on the new version; a failure is logged and retried after a pause; a poison event
 * under policy 'stop' leaves that partition stopped (status shows it) until restart.
 */
export async function runProjector(o: ProjectorOptions): Promise<void> {
  const { settings, logger, signal } = o;
  const selected = selectProjections(settings, o.projections);
  const tasks: Promise<void>[] = [];
  const supervise = async (label: string, once: () => Promise<'again' | 'idle'>): Promise<void> => {
    while (!signal.aborted) {
      try {
        const next = await once();
        if (next === 'idle') await pause(2 ** 31 - 1, signal);
      } catch (err) {
        if (signal.aborted) break;
        logger.error(
          { task: label, err: errorText(err) },
          'projector task failed; restarting in 2 s',
        );
        await pause(2000, signal);
      }
    }
  };

  if (o.config.KAFKA_BROKERS) {
    const kafka = createKafka({
      brokers: o.config.KAFKA_BROKERS,
      clientId: 'sakip-projector',
      idempotent: o.config.KAFKA_IDEMPOTENT,
      logLevel: o.config.LOG_LEVEL,
      ...o.kafkaClient,
    });
    const consumerConfig: Omit<ConsumerConfig, 'groupId'> = o.kafkaConsumer ?? {
      sessionTimeout: settings.PROJECTOR_KAFKA_SESSION_TIMEOUT_MS,
      rebalanceTimeout: settings.PROJECTOR_KAFKA_SESSION_TIMEOUT_MS,
      heartbeatInterval: Math.max(
        100,
        Math.floor(settings.PROJECTOR_KAFKA_SESSION_TIMEOUT_MS / 10),
      ),
      maxWaitTimeInMs: settings.PROJECTOR_KAFKA_MAX_WAIT_MS,
    };
    if (settings.PROJECTOR_RELAY) {
      tasks.push(
        supervise('relay', async () => {
          const producer = kafka.producer();
          await producer.connect();
          try {
            await runRelay({
              sql: o.sql,
              store: o.store,
              producer,
              topic: settings.PROJECTOR_KAFKA_TOPIC,
              batchSize: settings.PROJECTOR_BATCH_SIZE,
              signal,
              logger,
              pollIntervalMs: settings.PROJECTOR_POLL_MS,
            });
          } finally {
            await producer.disconnect().catch(() => {});
          }
          return 'again';
        }),
      );
    }
    for (const projection of selected) {
      tasks.push(
        supervise(`kafka:${projection.name}`, async () => {
          await upgradeOutdated(o, projection, selected);
          const end = await runKafkaProjection({
            sql: o.sql,
            kafka,
            projection,
            topic: settings.PROJECTOR_KAFKA_TOPIC,
            groupPrefix: settings.PROJECTOR_KAFKA_GROUP_PREFIX,
            ...(settings.PROJECTOR_PROVINCES ? { provinces: settings.PROJECTOR_PROVINCES } : {}),
            policy: settings.PROJECTOR_POLICY,
            signal,
            logger,
            consumer: consumerConfig,
          });
          return end === 'switched' ? 'again' : 'idle';
        }),
      );
    }
  } else {
    for (const projection of selected) {
      tasks.push(
        supervise(projection.name, async () => {
          await upgradeOutdated(o, projection, selected);
          const r = await runProjection({
            sql: o.sql,
            store: o.store,
            projection,
            ...(settings.PROJECTOR_PROVINCES ? { partitions: settings.PROJECTOR_PROVINCES } : {}),
            batchSize: settings.PROJECTOR_BATCH_SIZE,
            policy: settings.PROJECTOR_POLICY,
            pollIntervalMs: settings.PROJECTOR_POLL_MS,
            signal,
            logger,
          });
          if (r.partitions.some((p) => p.reason === 'switched')) return 'again';
          const stopped = r.partitions.filter((p) => p.reason === 'stopped');
          if (stopped.length) {
            logger.error(
              {
                projection: projection.name,
                version: r.version,
                partitions: stopped.map((p) => p.partition),
                error: stopped[0]?.error,
              },
              'projection STOPPED on a poison event (policy stop); see projection_dead_letters and `sakip projections status`',
            );
          }
          return 'idle';
        }),
      );
    }
  }
  await Promise.all(tasks);
}
