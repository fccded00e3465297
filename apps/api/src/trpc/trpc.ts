import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, ForbiddenError, type DomainEvent } from '@sakip/domain';
import { ConcurrencyError, IdempotencyConflictError } from '@sakip/event-store';
import { AuthenticationError, type ExecutionResult, type UseCase } from '@sakip/application';
import type { CommandResult } from '@sakip/contracts';
import { DispatchCommand } from '../commands/dispatch-command';
import { inSpan } from '@sakip/telemetry';
import type { ApiContext } from './context';

/** Error details the admin shows next to the field that caused them. */
export interface ErrorDetails {
  correlationId: string;
  fieldErrors: { path: (string | number)[]; message: string }[];
  messageId?: string;
  messageEn?: string;
  actualVersion?: number;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const details = (error.cause as { details?: ErrorDetails } | undefined)?.details;
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const fieldErrors = zod
      ? zod.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
        }))
      : (details?.fieldErrors ?? []);
    return {
      message: zod
        ? fieldErrors.map((f) => `${f.path.join('.')}: ${f.message}`).join('; ')
        : shape.message,
      code: shape.code,
      // No stack, ever: it can leak internals to the browser.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        correlationId: details?.correlationId ?? ctx?.correlationId ?? null,
        fieldErrors,
        messageId: details?.messageId ?? null,
        messageEn: details?.messageEn ?? null,
      },
    };
  },
});

class DetailedCause extends Error {
  constructor(
    message: string,
    readonly details: ErrorDetails,
  ) {
    super(message);
  }
}

/** Maps what the domain and the store throw to tRPC codes; anything else is logged and hidden. */
export function toTrpcError(
  err: unknown,
  correlationId: string,
  log: (err: unknown) => void,
): TRPCError {
  if (err instanceof TRPCError) return err;
  const details = (extra: Partial<ErrorDetails> = {}): ErrorDetails => ({
    correlationId,
    fieldErrors: [],
    ...extra,
  });
  if (err instanceof DomainError) {
    const d = details({
      fieldErrors: [{ path: [...err.path], message: err.message }],
      messageId: err.messageId,
      messageEn: err.messageEn,
    });
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: err.message,
      cause: new DetailedCause(err.message, d),
    });
  }
  if (err instanceof ForbiddenError) {
    return new TRPCError({
      code: 'FORBIDDEN',
      message: err.message,
      cause: new DetailedCause(
        err.message,
        details({ messageId: err.messageId, messageEn: err.messageEn }),
      ),
    });
  }
  if (err instanceof AuthenticationError)
    return new TRPCError({ code: 'UNAUTHORIZED', message: err.message });
  if (err instanceof ConcurrencyError) {
    const messageId = 'Data ini baru saja diubah orang lain; muat ulang lalu coba lagi';
    const messageEn = 'Someone else changed this just now; reload and try again';
    const msg = `${messageId} / ${messageEn}`;
    return new TRPCError({
      code: 'CONFLICT',
      message: msg,
      cause: new DetailedCause(
        msg,
        details({ messageId, messageEn, actualVersion: err.actualVersion }),
      ),
    });
  }
  if (err instanceof IdempotencyConflictError) {
    const msg =
      'ID perintah sudah dipakai untuk isi yang berbeda / command id already used with a different payload';
    return new TRPCError({
      code: 'CONFLICT',
      message: msg,
      cause: new DetailedCause(
        msg,
        details({ fieldErrors: [{ path: ['commandId'], message: msg }] }),
      ),
    });
  }
  log(err);
  const msg = `Terjadi kesalahan internal; sebutkan kode ${correlationId} kepada admin / internal error; quote ${correlationId} to support`;
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: msg,
    cause: new DetailedCause(msg, details()),
  });
}

export const router = t.router;

/** Every procedure: domain and store errors become their tRPC codes (see toTrpcError). */
export const publicProcedure = t.procedure.use(async ({ ctx, next, path, type }) => {
  const result = await inSpan(
    ctx.tracer,
    `trpc ${path}`,
    {
      'rpc.system': 'trpc',
      'rpc.method': path,
      'sakip.trpc_type': type,
      'sakip.correlation_id': ctx.correlationId,
    },
    async () => next(),
  );
  if (
    !result.ok &&
    result.error.code === 'INTERNAL_SERVER_ERROR' &&
    !(result.error.cause instanceof DetailedCause)
  ) {
    throw toTrpcError(result.error.cause ?? result.error, ctx.correlationId, (err) =>
      ctx.log.error({ err }, 'unhandled error'),
    );
  }
  return result;
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Silakan masuk terlebih dahulu / please sign in first',
    });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Runs a use case through the CommandBus on behalf of the signed-in actor. */
export async function runCommand<
  I extends { commandId?: string | undefined },
  C,
  E extends DomainEvent,
  S,
>(
  ctx: ApiContext & { actor: NonNullable<ApiContext['actor']> },
  useCase: UseCase<I, C, E, S>,
  input: I,
  expectedVersion?: number,
): Promise<CommandResult> {
  const result: ExecutionResult = await ctx.commandBus.execute(
    new DispatchCommand(useCase as unknown as DispatchCommand['useCase'], input, {
      actor: ctx.actor,
      commandId: input.commandId ?? randomUUID(),
      correlationId: ctx.correlationId,
      expectedVersion,
    }),
  );
  return {
    streamId: result.streamId,
    version: result.nextExpectedVersion,
    eventIds: result.eventIds,
    globalPositions: result.globalPositions,
    replayed: result.replayed,
    correlationId: result.correlationId,
  };
}
