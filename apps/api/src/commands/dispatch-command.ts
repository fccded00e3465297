import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandExecutor, ExecutionResult, UseCase } from '@sakip/application';
import type { DomainEvent } from '@sakip/domain';
import { EXECUTOR } from '../infrastructure/tokens';

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
  constructor(@Inject(EXECUTOR) private readonly executor: CommandExecutor) {}

  execute(command: DispatchCommand): Promise<ExecutionResult> {
    return this.executor.execute(command.useCase, command.input as never, command.context);
  }
}
