import type { Consumer, ConsumerConfig, EachBatchPayload } from 'kafkajs';
import type { Kafka } from 'kafkajs';
import type { Sql } from '@sakip/db';
import type { RecordedEvent } from '@sakip/event-store';
import {
  activeVersion,
  applyEvents,
  ensureActiveVersion,
  errorText,
  handlesEvent,
  loadCheckpoint,
  PartitionManager,
  provinceKey,
  tableNames,
  type Logger,
  type PoisonPolicy,
  type Projection,
} from '@sakip/read-models';

export interface KafkaProjectionOptions {
  sql: Sql;
  kafka: Kafka;
  projection: Projection;
  topic: string;
  groupPrefix: string;
  provinces?: readonly string[];
  policy: PoisonPolicy;
  signal: AbortSignal;
  logger: Logger;
  consumer?: Omit<ConsumerConfig, 'groupId'>;
}

export type KafkaRunEnd = 'aborted' | 'switched' | 'stopped';

/** (transaction id, position) ≤ baseline: already applied by the feed (e.g. by a rebuild). */
function atOrBefore(e: RecordedEvent, base: { transactionId: string; position: number }): boolean {
  const t = BigInt(e.transactionId);
  const b = BigInt(base.transactionId);
  return t < b || (t === b && e.globalPosition <= base.position);
}

/**
 * Kafka path of one projection version: a consumer group per (projection, version[, provinces]);
 * each fetched batch is applied in ONE transaction together with its event ids in
 * projection_applied_events (dedupe: a redelivered or re-relayed event is skipped) and the
 * 'kafka:<partition>' status row; offsets are committed after the transaction. Same Projection
 * code and same poison handling as the feed path.
 */
export async function runKafkaProjection(o: KafkaProjectionOptions): Promise<KafkaRunEnd> {
  const { sql, projection, logger } = o;
  const name = projection.name;
  const version = await ensureActiveVersion(sql, projection);
  const tables = tableNames(projection, version);
  const base = (await loadCheckpoint(sql, name, version, '*')) ?? {
    transactionId: '0',
    position: 0,
  };
  const provinces = o.provinces && o.provinces.length > 0 ? new Set(o.provinces) : undefined;
  const groupId = `${o.groupPrefix}.${name}.v${version}${provinces ? `.${[...provinces].sort().join('-')}` : ''}`;
  const partitions = new PartitionManager(sql, logger);
  const consumer: Consumer = o.kafka.consumer({ ...(o.consumer ?? {}), groupId });
  let end: KafkaRunEnd | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const stop = (why: KafkaRunEnd): void => {
    end ??= why;
    finish();
  };
  o.signal.addEventListener('abort', () => stop('aborted'), { once: true });
  const timer = setInterval(() => {
    activeVersion(sql, name)
      .then((v) => {
        if (v !== version) {
          logger.info(
            { projection: name, version, active: v },
            'active version changed; leaving this version',
          );
          stop('switched');
        }
      })
      .catch(() => {});
  }, 2000);

  const eachBatch = async ({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload) => {
    if (!isRunning() || isStale() || end) return;
    const partitionLabel = `kafka:${batch.partition}`;
    const decoded = batch.messages.map((m) => ({
      offset: m.offset,
      event: JSON.parse(m.value?.toString() ?? 'null') as RecordedEvent,
    }));
    const seen = new Set<string>();
    const wanted = decoded.filter(({ event }) => {
      if (!event || seen.has(event.eventId)) return false;
      seen.add(event.eventId);
      if (provinces && !provinces.has(provinceKey(event))) return false;
      return handlesEvent(projection, event) && !atOrBefore(event, base);
    });
    await partitions.ensure(
      projection,
      tables,
      wanted.map(({ event }) => provinceKey(event)),
    );
    const last = decoded.at(-1);
    const outcome = await sql.begin(async (tx) => {
      const ids = wanted.map(({ event }) => event.eventId);
      const done = ids.length
        ? new Set(
            (
              await tx<{ id: string }[]>`select event_id::text as id from projection_applied_events
                  where name = ${name} and version = ${version} and event_id = any(${ids}::uuid[])`
            ).map((r) => r.id),
          )
        : new Set<string>();
      const fresh = wanted
        .filter(({ event }) => !done.has(event.eventId))
        .map(({ event }) => event);
      const r = await applyEvents(tx, fresh, {
        projection,
        version,
        partition: partitionLabel,
        tables,
        policy: o.policy,
        logger,
      });
      const upTo = r.stoppedAt ? fresh.indexOf(r.stoppedAt) : fresh.length;
      const recorded = fresh.slice(0, upTo).map((e) => e.eventId);
      if (recorded.length) {
        await tx`insert into projection_applied_events (name, version, event_id)
                 select ${name}, ${version}, unnest(${recorded}::uuid[]) on conflict do nothing`;
      }
      const lastApplied = r.stoppedAt ? fresh[upTo - 1] : last?.event;
      if (lastApplied) {
        await tx`
          insert into projection_checkpoints (name, version, partition, transaction_id, position, state, last_error)
          values (${name}, ${version}, ${partitionLabel}, ${lastApplied.transactionId}::xid8, ${lastApplied.globalPosition},
                  ${r.stoppedAt ? 'stopped' : 'running'}, ${r.error})
          on conflict (name, version, partition) do update
            set transaction_id = excluded.transaction_id, position = excluded.position, state = excluded.state,
                last_error = excluded.last_error, updated_at = now()`;
      }
      return r;
    });
    if (outcome.stoppedAt) {
      const poison = decoded.find(({ event }) => event?.eventId === outcome.stoppedAt?.eventId);
      if (poison) {
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: poison.offset },
        ]);
      }
      consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
      logger.error(
        { projection: name, version, partition: partitionLabel },
        'Kafka partition paused on a poison event (policy stop)',
      );
      return;
    }
    if (last) {
      resolveOffset(last.offset);
      // Offsets only after the transaction committed: a crash in between redelivers (deduped).
      await consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: (BigInt(last.offset) + 1n).toString(),
        },
      ]);
    }
    await heartbeat();
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topic: o.topic, fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, autoCommit: false, eachBatch });
    logger.info({ projection: name, version, groupId }, 'Kafka projection consuming');
    await finished;
  } catch (err) {
    logger.error({ projection: name, version, err: errorText(err) }, 'Kafka projection failed');
    throw err;
  } finally {
    clearInterval(timer);
    await consumer.disconnect().catch(() => {});
  }
  return end ?? 'aborted';
}
