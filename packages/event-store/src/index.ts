export type {
  ActorRef,
  AppendRequest,
  AppendResult,
  DecreeRef,
  EventMetadata,
  FeedCheckpoint,
  NewEvent,
  RecordedEvent,
} from './types';
export { ConcurrencyError, IdempotencyConflictError } from './errors';
export { EventStore, type EventStoreOptions } from './event-store';
export { eventIdFor, canonicalHash } from './ids';
export { UpcasterRegistry, type Upcaster } from './upcasters';
