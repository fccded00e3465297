// Building blocks of the event payload schemas. These describe what is STORED, so they check
// shape (strict objects: an unknown key is drift, not noise) and leave business rules to the
// deciders that produced the event.
import { z } from 'zod';
import type { DomainEvent } from '@sakip/domain';

/** One event type at one schema version. */
export interface EventSchema<T extends string = string, D = unknown> {
  type: T;
  version: number;
  schema: z.ZodType<D>;
}

export const eventSchema = <T extends string, D>(
  type: T,
  version: number,
  schema: z.ZodType<D>,
): EventSchema<T, D> => ({ type, version, schema });

/**
 * Compile-time check that a schema's output is exactly the domain's payload type (assignable
 * both ways), so a field added to the domain event and not to the schema fails typecheck.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type DataOf<E extends DomainEvent, T extends E['type']> = Extract<E, { type: T }>['data'];

export const text = z.string();
export const nullableText = z.string().nullable();
export const integer = z.number().int();
