/** Public shapes of the event store; other packages code against these names, keep them stable. */

export interface ActorRef {
  userId: string;
  role: string;
  scope: { level: 'national' | 'province' | 'region' | 'opd'; code: string };
}

export interface DecreeRef {
  decreeId: string;
  number: string;
}

export interface EventMetadata {
  actor: ActorRef;
  commandId: string;
  correlationId: string;
  causationId: string;
  provinceCode: string | null;
  regionCode: string | null;
  decree?: DecreeRef | null;
  /** W3C traceparent of the request that wrote the event, so projections continue its trace. */
  traceparent?: string | null;
}

/** schemaVersion defaults to 1. */
export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
  schemaVersion?: number;
}

export interface RecordedEvent<D = Record<string, unknown>> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata & { recordedAt: string };
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  /** xid8 as text: it can exceed 2^53 in theory and is only compared in SQL. */
  transactionId: string;
  recordedAt: string;
  provinceCode: string | null;
  regionCode: string | null;
}

export interface AppendRequest {
  streamId: string;
  streamType: string;
  /** 0 = the stream must not exist yet. */
  expectedVersion: number;
  events: NewEvent[];
  /** metadata.commandId drives idempotency. */
  metadata: EventMetadata;
  /** The command payload; its canonical hash tells "same id, different payload" apart. */
  payload: unknown;
}

export interface AppendResult {
  streamId: string;
  nextExpectedVersion: number;
  globalPositions: number[];
  eventIds: string[];
  replayed: boolean;
}

/** Feed position: last (transaction id, global position) a reader has handled. */
export interface FeedCheckpoint {
  transactionId: string;
  position: number;
}
