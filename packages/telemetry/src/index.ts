import {
  context,
  propagation,
  trace,
  SpanStatusCode,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export type TraceExporterKind = 'none' | 'otlp' | 'memory';

export interface Tracing {
  tracer: Tracer;
  /** Spans kept in memory (exporter 'memory', for tests). */
  memory: InMemorySpanExporter | null;
  shutdown(): Promise<void>;
}

/**
 * One tracer provider per process. 'otlp' sends to an OpenTelemetry collector (OTEL endpoint),
 * 'memory' keeps spans for tests, 'none' records nothing but still propagates trace ids.
 */
export function initTracing(options: {
  serviceName: string;
  exporter: TraceExporterKind;
  otlpEndpoint?: string | undefined;
}): Tracing {
  const memory = options.exporter === 'memory' ? new InMemorySpanExporter() : null;
  const processors: SpanProcessor[] = [];
  if (memory) processors.push(new SimpleSpanProcessor(memory));
  if (options.exporter === 'otlp')
    processors.push(
      new BatchSpanProcessor(
        new OTLPTraceExporter(options.otlpEndpoint ? { url: options.otlpEndpoint } : {}),
      ),
    );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    tracer: trace.getTracer(options.serviceName),
    memory,
    shutdown: () => provider.shutdown(),
  };
}

/** Runs `fn` in a span, recording errors; the span ends when the promise settles. */
export async function inSpan<T>(
  tracer: Tracer,
  name: string,
  attributes: Record<string, string | number | boolean>,
  fn: (span: Span) => Promise<T>,
  parent?: Context,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err instanceof Error ? err : new Error(String(err)));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The current span as a W3C `traceparent`, to store in event metadata; null outside a span. */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** A context whose parent is the span an event was written in (from its stored traceparent). */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}
