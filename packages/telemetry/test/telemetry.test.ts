import { trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { contextFromTraceparent, currentTraceparent, initTracing, inSpan } from '../src/index';

const tracing = initTracing({ serviceName: 'test', exporter: 'memory' });
afterAll(() => tracing.shutdown());

describe('tracing', () => {
  it('carries a trace across an event through its stored traceparent', async () => {
    let stored: string | null = null;
    await inSpan(tracing.tracer, 'command', {}, async () => {
      stored = currentTraceparent();
    });
    expect(stored).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await inSpan(
      tracing.tracer,
      'projection.apply',
      {},
      async () => undefined,
      contextFromTraceparent(stored),
    );
    const spans = tracing.memory!.getFinishedSpans();
    const [command, projection] = [
      spans.find((s) => s.name === 'command')!,
      spans.find((s) => s.name === 'projection.apply')!,
    ];
    expect(projection.spanContext().traceId).toBe(command.spanContext().traceId);
    expect(projection.parentSpanContext?.spanId).toBe(command.spanContext().spanId);
  });

  it('records a failure on the span and rethrows', async () => {
    await expect(
      inSpan(tracing.tracer, 'boom', {}, async () => Promise.reject(new Error('gagal'))),
    ).rejects.toThrow('gagal');
    const span = tracing.memory!.getFinishedSpans().find((s) => s.name === 'boom')!;
    expect(span.status.code).toBe(2);
    expect(span.events[0]?.name).toBe('exception');
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
