// One registry of event payload schemas, keyed by (event type, schema version). Writers check
// each new event against the current version before append; readers parse stored events (after
// upcasting) with it, so a payload that does not match its schema is refused at the door or
// dead-lettered with the reason, never cast and found wrong later.
import type { z } from 'zod';
import type {
  BudgetEvent,
  CatalogEvent,
  ComparisonEvent,
  NarrativeEvent,
  OpdEvent,
  PkEvent,
  PlanEvent,
  RealizationEvent,
  RegionEvent,
  SpendingEvent,
  UserEvent,
} from '@sakip/domain';
import { agreementEventSchemas } from './agreements';
import { budgetEventSchemas } from './budgets';
import { catalogEventSchemas } from './catalog';
import { opdEventSchemas } from './opds';
import { planEventSchemas } from './plans';
import { realizationEventSchemas } from './realizations';
import { regionEventSchemas } from './regions';
import type { EventSchema } from './shape';
import { userEventSchemas } from './users';

/** Every event the domain emits, in its current schema version. */
export type SakipEvent =
  | RegionEvent
  | OpdEvent
  | UserEvent
  | CatalogEvent
  | PlanEvent
  | PkEvent
  | BudgetEvent
  | SpendingEvent
  | RealizationEvent
  | NarrativeEvent
  | ComparisonEvent;
export type SakipEventType = SakipEvent['type'];

/**
 * The version new events are written with. Typed over every domain event type, so an event
 * added to a decider's union without an entry here fails typecheck. Raising a version needs a
 * schema for it and an upcaster from the one before (packages/event-store upcasters).
 */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<SakipEventType, number>> = {
  RegionRegistered: 1,
  RegionRenamed: 1,
  MeasurementConfigured: 1,
  TimeZoneConfigured: 1,
  OpdRegistered: 1,
  OpdRenamed: 1,
  UnitAdded: 1,
  PositionAdded: 1,
  OpdMerged: 1,
  OpdDissolved: 1,
  UserRegistered: 1,
  RoleGranted: 1,
  RoleRevoked: 1,
  PasswordChanged: 1,
  UserDisabled: 1,
  CatalogIndicatorDefined: 1,
  IndicatorMapped: 1,
  IndicatorRemapped: 1,
  IndicatorUnmapped: 1,
  DecreeDrafted: 1,
  DecreeEdited: 1,
  ElementDefined: 1,
  IndicatorDefined: 1,
  IndicatorRetired: 1,
  DraftChangeWithdrawn: 1,
  DecreeEnacted: 1,
  PkSigned: 1,
  PkRevised: 1,
  BudgetStageRecorded: 1,
  SpendingRecorded: 1,
  RealizationRecorded: 1,
  RealizationSubmitted: 1,
  RealizationVerified: 1,
  RealizationReturned: 1,
  RealizationCorrected: 1,
  RealizationYearLocked: 1,
  NarrativeRecorded: 1,
  ComparisonRecorded: 1,
  ComparisonCarriedOver: 1,
  ComparisonCarriedTo: 1,
};

export const EVENT_SCHEMAS: readonly EventSchema[] = [
  ...regionEventSchemas,
  ...opdEventSchemas,
  ...userEventSchemas,
  ...catalogEventSchemas,
  ...planEventSchemas,
  ...agreementEventSchemas,
  ...budgetEventSchemas,
  ...realizationEventSchemas,
];

const key = (type: string, version: number) => `${type}@${version}`;
const byKey = new Map<string, z.ZodType>();
for (const s of EVENT_SCHEMAS) {
  if (byKey.has(key(s.type, s.version)))
    throw new Error(`event schema registered twice: ${key(s.type, s.version)}`);
  byKey.set(key(s.type, s.version), s.schema);
}

export type InvalidEventCode = 'unknown_event_type' | 'invalid_event_data';

/** A payload that does not match its schema, or a (type, version) with no schema. */
export class InvalidEventError extends Error {
  constructor(
    readonly code: InvalidEventCode,
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly messageId: string,
    readonly messageEn: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'InvalidEventError';
  }
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: ['data', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

export function hasEventSchema(type: string, schemaVersion: number): boolean {
  return byKey.has(key(type, schemaVersion));
}

/**
 * The payload parsed with the schema of (type, schemaVersion). Throws InvalidEventError naming
 * the event and every field that does not match.
 */
export function parseEventData(type: string, schemaVersion: number, data: unknown): unknown {
  const schema = byKey.get(key(type, schemaVersion));
  if (!schema)
    throw new InvalidEventError(
      'unknown_event_type',
      type,
      schemaVersion,
      `Jenis peristiwa "${type}" versi ${schemaVersion} tidak dikenal`,
      `Unknown event type "${type}" version ${schemaVersion}`,
    );
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new InvalidEventError(
    'invalid_event_data',
    type,
    schemaVersion,
    `Data peristiwa ${type} v${schemaVersion} tidak sesuai skema: ${list}`,
    `${type} v${schemaVersion} event data does not match its schema: ${list}`,
    issues,
  );
}

/**
 * A stored event, already upcast to the current version, as the domain event it is. An older
 * version left over means an upcaster is missing: refused like a bad payload.
 */
export function parseEvent(e: { type: string; schemaVersion: number; data: unknown }): SakipEvent {
  const current = (CURRENT_SCHEMA_VERSION as Readonly<Record<string, number>>)[e.type];
  if (current !== undefined && e.schemaVersion !== current)
    throw new InvalidEventError(
      'unknown_event_type',
      e.type,
      e.schemaVersion,
      `Peristiwa ${e.type} v${e.schemaVersion} belum dinaikkan ke v${current} (upcaster tidak ada)`,
      `${e.type} v${e.schemaVersion} was not upcast to v${current} (no upcaster)`,
    );
  // The registry maps each current (type, version) to the schema of exactly that event's data.
  return { type: e.type, data: parseEventData(e.type, e.schemaVersion, e.data) } as SakipEvent;
}

/**
 * Checks events a decider produced before they are appended; returns them with their schema
 * version and their data AS GIVEN (the stored payload is what the domain wrote; a strict schema
 * refuses unknown keys rather than dropping them). Throws on the first invalid event.
 */
export function checkNewEvents(
  events: readonly { type: string; data: unknown }[],
): { type: string; schemaVersion: number; data: Record<string, unknown> }[] {
  return events.map((e) => {
    const schemaVersion = (CURRENT_SCHEMA_VERSION as Readonly<Record<string, number>>)[e.type] ?? 0;
    parseEventData(e.type, schemaVersion, e.data);
    return { type: e.type, schemaVersion, data: e.data as Record<string, unknown> };
  });
}
