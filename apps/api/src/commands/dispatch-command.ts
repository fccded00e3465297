import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandExecutor, ExecutionResult, UseCase } from '@sakip/application';
import type { DomainEvent } from '@sakip/domain';
import { EXECUTOR } from '../infrastructure/tokens';
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
  ) {}

  async execute(command: DispatchCommand): Promise<ExecutionResult> {
    const name = command.useCase.name;
    const stop = this.metrics.commands.startTimer({ command: name });
    try {
      const result = await this.executor.execute(command.useCase, command.input as never, command.context);
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
