import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandExecutor, ExecutionResult, UseCase } from '@sakip/application';
import type { DomainEvent } from '@sakip/domain';
import type { Tracer } from '@opentelemetry/api';
import { currentTraceparent, inSpan } from '@sakip/telemetry';
import { EXECUTOR, TRACER } from '../infrastructure/tokens';
import { METRICS, type ApiMetrics } from '../metrics/metrics';

/**
 * One bus command for every use case: the use case object says which stream, decider and
 * permission apply, so the handler stays the same load → authorize → decide → append.
 */
export class DispatchCommand extends Command<ExecutionResult> {
  constructor(
    // The bus is heterogeneous by design; each use case is typed where it is defined.
    readonly useCase: UseCase<never, unknown, DomainEvent, unknown>,
    readonly input: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DispatchCommand)
export class DispatchCommandHandler implements ICommandHandler<DispatchCommand, ExecutionResult> {
  constructor(
    @Inject(EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(METRICS) private readonly metrics: ApiMetrics,
    @Inject(TRACER) private readonly tracer: Tracer,
  ) {}

  async execute(command: DispatchCommand): Promise<ExecutionResult> {
    const name = command.useCase.name;
    const stop = this.metrics.commands.startTimer({ command: name });
    try {
      // The command span's traceparent goes into every event, so the projection continues the trace.
      const result = await inSpan(
        this.tracer,
        `command ${name}`,
        { 'sakip.command': name, 'sakip.correlation_id': command.context.correlationId },
        async (span) => {
          const r = await this.executor.execute(command.useCase, command.input as never, {
            ...command.context,
            traceparent: currentTraceparent(),
          });
          span.setAttribute('sakip.stream_id', r.streamId);
          span.setAttribute('sakip.global_positions', r.globalPositions.join(','));
          return r;
        },
      );
      stop({ outcome: result.replayed ? 'replayed' : 'ok' });
      return result;
    } catch (err) {
      const kind = err instanceof Error ? err.name : 'unknown';
      stop({ outcome: 'error' });
      this.metrics.commandErrors.inc({ command: name, kind });
      throw err;
    }
  }
}
