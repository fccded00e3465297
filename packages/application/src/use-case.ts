import type { Decider, DomainEvent, Permission, RoleBinding, Target } from '@sakip/domain';
import type { Actor } from './actor';
import type { StateLoader } from './state-loader';

/**
 * One command of the platform: which stream it writes, who may run it, how the input becomes
 * a domain command. The executor does the rest (load, authorize, decide, append).
 */
export interface UseCase<Input, Command, Event extends DomainEvent, State> {
  name: string;
  permission: Permission;
  decider: Decider<Command, Event, State>;
  streamType: string;
  streamId(input: Input): string;
  /** Where the data lives: drives the scope check and the event's province/region metadata. */
  target(input: Input, state: State): Target;
  /** Builds the domain command; may check other streams (a parent must exist) or hash secrets. */
  toCommand(input: Input, loader: StateLoader, actor: Actor): Promise<Command> | Command;
  /**
   * Replaces the default check (a binding with `permission` whose scope covers `target`) when
   * the rule is richer, e.g. only grant what you hold. Returns the binding the actor used.
   */
  authorize?(actor: Actor, input: Input, state: State): RoleBinding | null;
  /** The decree (SK) the change is made under, recorded in every event's metadata. */
  decree?(input: Input, state: State): { decreeId: string; number: string } | null;
  /** The payload used for idempotency, without secrets. Defaults to the input without commandId. */
  payload?(input: Input): unknown;
}
