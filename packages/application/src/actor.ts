import type { RoleBinding } from '@sakip/domain';

/** Who is acting. The CLI acts as `system` on the operator's own machine. */
export type Actor =
  | { kind: 'user'; userId: string; bindings: readonly RoleBinding[] }
  | { kind: 'system'; userId: string };

export const systemActor = (name = 'cli'): Actor => ({ kind: 'system', userId: `system:${name}` });

export interface CommandContext {
  actor: Actor;
  /** Client-supplied for safe retries; generated when missing. */
  commandId: string;
  correlationId: string;
  causationId?: string | undefined;
  /** When set, the stream must be at this version ("someone else changed this" otherwise). */
  expectedVersion?: number | undefined;
  /** W3C traceparent of the span that runs the command. */
  traceparent?: string | null | undefined;
}
