import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '@sakip/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

/** One registry per API process: command rate, latency and errors, HTTP, feed head. */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly commands = new Histogram({
    name: 'sakip_command_duration_seconds',
    help: 'Commands through the CommandBus, by use case and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly commandErrors = new Counter({
    name: 'sakip_command_errors_total',
    help: 'Refused or failed commands by use case and error kind',
    labelNames: ['command', 'kind'] as const,
    registers: [this.registry],
  });
  readonly http = new Histogram({
    name: 'sakip_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly feedHead = new Gauge({
    name: 'sakip_event_feed_head_position',
    help: 'Highest global position in the event store',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'sakip_api_' });
  }
}

export const METRICS = Symbol('METRICS');

@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: ApiMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    this.metrics.feedHead.set(await this.store.headPosition().catch(() => -1));
    res.setHeader('content-type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
