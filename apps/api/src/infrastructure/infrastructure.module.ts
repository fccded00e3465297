import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@sakip/config';
import { connect, type Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { CommandExecutor } from '@sakip/application';
import { CONFIG, EVENT_STORE, EXECUTOR, LOGGER, REDIS, SQL } from './tokens';

class Closer implements OnApplicationShutdown {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.sql.end({ timeout: 5 });
    this.logger.info('pools closed');
  }
}

/** Connections and the event store, created once per process from the validated config. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: SQL, useFactory: () => connect(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX, applicationName: 'sakip-api' }) },
        {
          provide: REDIS,
          useFactory: () =>
            new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }),
        },
        { provide: EVENT_STORE, useFactory: (sql: Sql) => new EventStore(sql), inject: [SQL] },
        { provide: EXECUTOR, useFactory: (store: EventStore) => new CommandExecutor(store), inject: [EVENT_STORE] },
        Closer,
      ],
      exports: [CONFIG, LOGGER, SQL, REDIS, EVENT_STORE, EXECUTOR],
    };
  }
}
