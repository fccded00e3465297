import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';

/** The correlation id of the request being served, for every log line written inside it. */
export const requestContext = new AsyncLocalStorage<{ correlationId: string }>();

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sakip-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = requestContext.getStore();
      const span = trace.getActiveSpan()?.spanContext();
      return {
        ...(ctx ? { correlationId: ctx.correlationId } : {}),
        ...(span ? { traceId: span.traceId } : {}),
      };
    },
    // Secrets never reach the logs, whatever object a caller passes in.
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'passwordHash',
        '*.passwordHash',
      ],
      censor: '[redacted]',
    },
  });
}
