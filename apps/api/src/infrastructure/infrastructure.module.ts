import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@sakip/config';
import { connect, type Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { CommandExecutor } from '@sakip/application';
import type { Tracer } from '@opentelemetry/api';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { LKJIP_QUEUE } from '@sakip/reports';
import { LocalObjectStorage } from '@sakip/storage';
import {
  CONFIG,
  EVENT_STORE,
  EXECUTOR,
  LOGGER,
  REDIS,
  REPORT_QUEUE,
  SQL,
  STORAGE,
  TRACER,
} from './tokens';

class Closer implements OnApplicationShutdown {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REPORT_QUEUE) private readonly reportQueue: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.reportQueue.close();
    await this.sql.end({ timeout: 5 });
    this.logger.info('pools closed');
  }
}

/** Connections and the event store, created once per process from the validated config. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: Config, logger: Logger, tracer: Tracer): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: TRACER, useValue: tracer },
        {
          provide: SQL,
          useFactory: () =>
            connect(config.DATABASE_URL, {
              max: config.DATABASE_POOL_MAX,
              applicationName: 'sakip-api',
            }),
        },
        {
          provide: REDIS,
          useFactory: () => {
            const redis = new Redis(config.REDIS_URL, {
              lazyConnect: true,
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              connectTimeout: 2000,
            });
            // /health reports Redis being down; the connection errors themselves are only noise.
            redis.on('error', (err: Error) =>
              logger.debug({ err: err.message }, 'redis connection error'),
            );
            return redis;
          },
        },
        { provide: EVENT_STORE, useFactory: (sql: Sql) => new EventStore(sql), inject: [SQL] },
        // Folded stream states are cached per process; every load still reads the stream's tail.
        {
          provide: EXECUTOR,
          useFactory: (store: EventStore) => new CommandExecutor(store, { cacheSize: 5000 }),
          inject: [EVENT_STORE],
        },
        { provide: STORAGE, useFactory: () => new LocalObjectStorage(resolve(config.STORAGE_DIR)) },
        {
          provide: REPORT_QUEUE,
          useFactory: () => {
            // Its own connection: BullMQ needs blocking-friendly settings (no per-request retry cap).
            const connection = new Redis(config.REDIS_URL, {
              maxRetriesPerRequest: null,
              lazyConnect: true,
            });
            connection.on('error', (err: Error) =>
              logger.debug({ err: err.message }, 'report queue redis error'),
            );
            const queue = new Queue(LKJIP_QUEUE, {
              connection,
              prefix: config.REPORT_QUEUE_PREFIX,
            });
            queue.on('error', (err: Error) =>
              logger.debug({ err: err.message }, 'report queue error'),
            );
            return queue;
          },
        },
        Closer,
      ],
      exports: [CONFIG, LOGGER, TRACER, SQL, REDIS, EVENT_STORE, EXECUTOR, STORAGE, REPORT_QUEUE],
    };
  }
}
