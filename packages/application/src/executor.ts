import {
  DomainError,
  findBinding,
  ForbiddenError,
  type DomainEvent,
  type Permission,
  type RoleBinding,
  type Target,
} from '@sakip/domain';
import { checkNewEvents } from '@sakip/contracts';
import { ConcurrencyError, type EventStore, type AppendResult } from '@sakip/event-store';
import type { Actor, CommandContext } from './actor';
import { StateLoader } from './state-loader';
import type { UseCase } from './use-case';

export interface ExecutionResult extends AppendResult {
  correlationId: string;
}

/** Runs a use case: load the stream, check the actor, decide, append. Retries once on a race. */
export class CommandExecutor {
  readonly loader: StateLoader;

  constructor(
    private readonly store: EventStore,
    options: { cacheSize?: number } = {},
  ) {
    this.loader = new StateLoader(store, options);
  }

  async execute<I, C, E extends DomainEvent, S>(
    useCase: UseCase<I, C, E, S>,
    input: I,
    ctx: CommandContext,
  ): Promise<ExecutionResult> {
    try {
      return await this.attempt(useCase, input, ctx);
    } catch (err) {
      // A concurrent writer won the race; the client did not pin a version, so decide again.
      if (err instanceof ConcurrencyError && ctx.expectedVersion === undefined)
        return this.attempt(useCase, input, ctx);
      throw err;
    }
  }

  private async attempt<I, C, E extends DomainEvent, S>(
    useCase: UseCase<I, C, E, S>,
    input: I,
    ctx: CommandContext,
  ): Promise<ExecutionResult> {
    const streamId = useCase.streamId(input);
    const { state, version } = await this.loader.load(useCase.decider, streamId);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, ctx.expectedVersion, version);
    }
    const target = useCase.target(input, state);
    const binding = useCase.authorize
      ? useCase.authorize(ctx.actor, input, state)
      : requireBinding(ctx.actor, useCase.permission, target, useCase.name);

    const payload = useCase.payload ? useCase.payload(input) : withoutCommandId(input);
    let events: E[];
    try {
      events = useCase.decider.decide(
        await useCase.toCommand(input, this.loader, ctx.actor),
        state,
      );
    } catch (err) {
      // A retry of a command that already succeeded fails the rules now; answer the first result.
      if (err instanceof DomainError) {
        const previous = await this.store.findCommand(ctx.commandId, payload);
        if (previous) return { ...previous, correlationId: ctx.correlationId };
      }
      throw err;
    }
    if (events.length === 0) {
      // A retry of a command that was applied answers the first result; anything else that
      // changes nothing (the same import again) succeeds without writing.
      const previous = await this.store.findCommand(ctx.commandId, payload);
      if (previous) return { ...previous, correlationId: ctx.correlationId };
      return {
        streamId,
        nextExpectedVersion: version,
        globalPositions: [],
        eventIds: [],
        replayed: false,
        correlationId: ctx.correlationId,
      };
    }
    const result = await this.store.append({
      streamId,
      streamType: useCase.streamType,
      expectedVersion: version,
      events: checkNewEvents(events),
      payload,
      metadata: {
        actor: {
          userId: ctx.actor.userId,
          role: binding?.role ?? 'system',
          scope: binding?.scope ?? { level: 'national', code: '' },
        },
        commandId: ctx.commandId,
        correlationId: ctx.correlationId,
        causationId: ctx.causationId ?? ctx.correlationId,
        provinceCode: target.provinceCode,
        regionCode: target.regionCode,
        decree: useCase.decree?.(input, state) ?? null,
        traceparent: ctx.traceparent ?? null,
      },
    });
    return { ...result, correlationId: ctx.correlationId };
  }
}

/** The actor's binding that allows `permission` on `target`; null for the system actor. */
export function requireBinding(
  actor: Actor,
  permission: Permission,
  target: Target,
  action: string,
): RoleBinding | null {
  if (actor.kind === 'system') return null;
  const binding = findBinding(actor.bindings, permission, target);
  if (!binding) {
    const where = target.opdId ?? target.regionCode ?? (target.provinceCode || 'nasional');
    throw new ForbiddenError(
      `Anda tidak berwenang menjalankan ${action} untuk ${where}`,
      `You are not allowed to run ${action} on ${where}`,
    );
  }
  return binding;
}

/**
 * Several inputs for ONE stream (an imported decree with hundreds of indicators): the stream is
 * loaded once, each input decided against the state the previous ones produced, and all events
 * appended in one round trip under one command id. Any refusal refuses the whole batch.
 */
export async function executeBatch<I, C, E extends DomainEvent, S>(
  store: EventStore,
  loader: StateLoader,
  steps: readonly { useCase: UseCase<I, C, E, S>; input: I }[],
  ctx: CommandContext,
): Promise<ExecutionResult & { eventCount: number }> {
  const first = steps[0];
  if (!first) throw new Error('executeBatch: no steps');
  const streamId = first.useCase.streamId(first.input);
  const { decider } = first.useCase;
  const loaded = await loader.load(decider, streamId);
  let state = loaded.state;
  const version = loaded.version;
  const events: E[] = [];
  let binding: RoleBinding | null = null;
  let decree: { decreeId: string; number: string } | null = null;
  for (const { useCase, input } of steps) {
    if (useCase.streamId(input) !== streamId)
      throw new Error(`executeBatch: ${useCase.name} writes another stream`);
    const target = useCase.target(input, state);
    binding = useCase.authorize
      ? useCase.authorize(ctx.actor, input, state)
      : requireBinding(ctx.actor, useCase.permission, target, useCase.name);
    decree = useCase.decree?.(input, state) ?? decree;
    const produced = useCase.decider.decide(
      await useCase.toCommand(input, loader, ctx.actor),
      state,
    );
    for (const e of produced) state = useCase.decider.evolve(state, e);
    events.push(...produced);
  }
  const target = first.useCase.target(first.input, state);
  if (events.length === 0) {
    return {
      streamId,
      nextExpectedVersion: version,
      globalPositions: [],
      eventIds: [],
      replayed: false,
      correlationId: ctx.correlationId,
      eventCount: 0,
    };
  }
  const result = await store.append({
    streamId,
    streamType: first.useCase.streamType,
    expectedVersion: version,
    events: checkNewEvents(events),
    payload: steps.map((s) => withoutCommandId(s.input)),
    metadata: {
      actor: {
        userId: ctx.actor.userId,
        role: binding?.role ?? 'system',
        scope: binding?.scope ?? { level: 'national', code: '' },
      },
      commandId: ctx.commandId,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? ctx.correlationId,
      provinceCode: target.provinceCode,
      regionCode: target.regionCode,
      decree,
    },
  });
  return { ...result, correlationId: ctx.correlationId, eventCount: events.length };
}

function withoutCommandId(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { commandId: _c, ...rest } = input as Record<string, unknown>;
  return rest;
}
