import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '@sakip/config';
import { connect, type Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { CommandExecutor, systemActor, type CommandContext } from '@sakip/application';

/** What a CLI command needs: config, a pool and the command executor acting as `system`. */
export interface CliRuntime {
  config: Config;
  sql: Sql;
  executor: CommandExecutor;
  context(commandId?: string): CommandContext;
  close(): Promise<void>;
}

export function openRuntime(config: Config = loadConfig()): CliRuntime {
  const sql = connect(config.DATABASE_URL, { max: 4, applicationName: 'sakip-cli' });
  const executor = new CommandExecutor(new EventStore(sql));
  const correlationId = randomUUID();
  return {
    config,
    sql,
    executor,
    context: (commandId) => ({
      actor: systemActor('cli'),
      commandId: commandId ?? randomUUID(),
      correlationId,
    }),
    close: () => sql.end({ timeout: 5 }),
  };
}
