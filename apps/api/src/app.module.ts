import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { trace, type Tracer } from '@opentelemetry/api';
import type { Config } from '@sakip/config';
import { DispatchCommandHandler } from './commands/dispatch-command';
import { HealthController } from './health/health.controller';
import { ReportsController } from './reports/reports.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ApiMetrics, METRICS, MetricsController } from './metrics/metrics';

@Module({})
export class AppModule {
  static forRoot(
    config: Config,
    logger: Logger,
    tracer: Tracer = trace.getTracer('sakip-api'),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config, logger, tracer)],
      controllers: [HealthController, MetricsController, ReportsController],
      providers: [DispatchCommandHandler, { provide: METRICS, useFactory: () => new ApiMetrics() }],
    };
  }
}
