/**
 * Typed errors mapped from the SQLSTATEs raised by es_append / the immutability triggers
 * (see packages/db/migrations/0002_event_store.sql). Callers branch on these, never on text.
 */

export const SQLSTATE_VERSION_CONFLICT = 'P0409';
export const SQLSTATE_IDEMPOTENCY_CONFLICT = 'P0422';
export const SQLSTATE_IMMUTABLE = 'P0403';

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId}: expected version ${expectedVersion}, actual ${actualVersion}`);
  }
}

/** The same command id was already used with a different payload (or stream). */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(readonly commandId: string) {
    super(`Command ${commandId} was already used with a different payload`);
  }
}

interface PgErrorLike {
  code?: unknown;
  detail?: unknown;
}

export function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as PgErrorLike).code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns a driver error from es_append into a typed error; returns other errors unchanged. */
export function mapAppendError(
  err: unknown,
  streamId: string,
  expectedVersion: number,
  commandId: string,
): unknown {
  switch (sqlState(err)) {
    case SQLSTATE_VERSION_CONFLICT: {
      const detail = Number((err as PgErrorLike).detail);
      return new ConcurrencyError(streamId, expectedVersion, Number.isFinite(detail) ? detail : -1);
    }
    case SQLSTATE_IDEMPOTENCY_CONFLICT:
      return new IdempotencyConflictError(commandId);
    default:
      return err;
  }
}
