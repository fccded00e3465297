import type { RecordedEvent } from '@sakip/event-store';
import { parseEvent } from '@sakip/contracts';
import { trace } from '@opentelemetry/api';
import { contextFromTraceparent, inSpan } from '@sakip/telemetry';
import { errorText } from './logger';

// Looked up per use: a tracer taken at import time would stay a no-op if the provider registers later.
const tracer = () => trace.getTracer('sakip-projector');
import type {
  Logger,
  PoisonPolicy,
  ProjectedEvent,
  Projection,
  TableNames,
  TransactionSql,
} from './types';

export interface ApplyEventsOptions {
  projection: Projection;
  version: number;
  partition: string;
  tables: TableNames;
  policy: PoisonPolicy;
  logger: Logger;
}

export interface ApplyEventsResult {
  applied: number;
  deadLettered: number;
  /** Policy 'stop': the poison event; nothing from it on was applied. */
  stoppedAt: RecordedEvent | null;
  error: string | null;
}

export function handlesEvent(projection: Projection, event: RecordedEvent): boolean {
  return projection.handles.includes('*') || projection.handles.includes(event.type);
}

/** The stored event with its data parsed by the event's schema (after upcasting). */
export function toProjectedEvent(e: RecordedEvent): ProjectedEvent {
  const parsed = parseEvent(e);
  return { ...e, type: parsed.type, data: parsed.data } as ProjectedEvent;
}

type Parsed = { event: RecordedEvent } & (
  { ok: true; projected: ProjectedEvent } | { ok: false; error: unknown }
);

function parseAll(events: readonly RecordedEvent[]): Parsed[] {
  return events.map((event) => {
    try {
      return { event, ok: true, projected: toProjectedEvent(event) };
    } catch (error) {
      return { event, ok: false, error };
    }
  });
}

/**
 * Applies events (already filtered to those the projection handles, in feed order) inside the
 * caller's transaction. Each event's data is first parsed with its schema; one that does not
 * parse is a poison event like one whose apply throws. Fast path: applyBatch in one savepoint. On failure, or without
 * applyBatch: one savepoint per event, so a poison event is rolled back alone, written to
 * projection_dead_letters (same transaction) and then skipped or, with 'stop', ends the batch.
 */
export async function applyEvents(
  tx: TransactionSql,
  events: readonly RecordedEvent[],
  o: ApplyEventsOptions,
): Promise<ApplyEventsResult> {
  const result: ApplyEventsResult = { applied: 0, deadLettered: 0, stoppedAt: null, error: null };
  if (events.length === 0) return result;
  const { projection, tables } = o;
  const parsed = parseAll(events);
  const projected = parsed.flatMap((p) => (p.ok ? [p.projected] : []));
  if (projection.applyBatch && projected.length === events.length) {
    const batch = projection.applyBatch.bind(projection);
    try {
      // One span per batch, linked to the request span of every event in it.
      const links = events.flatMap((e) => {
        const ctx = trace.getSpanContext(contextFromTraceparent(e.metadata.traceparent));
        return ctx ? [{ context: ctx }] : [];
      });
      await tracer().startActiveSpan(
        `projection ${projection.name} apply batch`,
        {
          links,
          attributes: { 'sakip.projection': projection.name, 'sakip.events': events.length },
        },
        async (span) => {
          try {
            await tx.savepoint((sp) => batch(sp, projected, tables));
          } finally {
            span.end();
          }
        },
      );
      result.applied = events.length;
      return result;
    } catch (err) {
      o.logger.warn(
        {
          projection: projection.name,
          version: o.version,
          partition: o.partition,
          err: errorText(err),
          events: events.length,
        },
        'batch apply failed; replaying the batch event by event to isolate the poison event',
      );
    }
  }
  for (const p of parsed) {
    const { event } = p;
    try {
      if (!p.ok) throw p.error;
      const projectedEvent = p.projected;
      // The span continues the trace of the request that wrote the event (traceparent in its metadata).
      await inSpan(
        tracer(),
        `projection ${projection.name} apply`,
        {
          'sakip.projection': projection.name,
          'sakip.event_type': event.type,
          'sakip.global_position': event.globalPosition,
          'sakip.partition': o.partition,
        },
        () => tx.savepoint((sp) => projection.apply(sp, projectedEvent, tables)),
        contextFromTraceparent(event.metadata.traceparent),
      );
      result.applied++;
    } catch (err) {
      const error = errorText(err);
      const status = o.policy === 'stop' ? 'blocking' : 'skipped';
      await tx`
        insert into projection_dead_letters (name, version, partition, event_id, global_position, type, error, status)
        values (${projection.name}, ${o.version}, ${o.partition}, ${event.eventId}, ${event.globalPosition}, ${event.type}, ${error}, ${status})
        on conflict (name, version, event_id) do update
          set error = excluded.error, status = excluded.status, partition = excluded.partition, occurred_at = now()`;
      o.logger.error(
        {
          projection: projection.name,
          version: o.version,
          partition: o.partition,
          eventId: event.eventId,
          position: event.globalPosition,
          type: event.type,
          err: error,
          policy: o.policy,
        },
        o.policy === 'stop'
          ? 'poison event dead-lettered; projection STOPPED'
          : 'poison event dead-lettered and SKIPPED',
      );
      if (o.policy === 'stop') {
        result.stoppedAt = event;
        result.error = error;
        return result;
      }
      result.deadLettered++;
    }
  }
  return result;
}
