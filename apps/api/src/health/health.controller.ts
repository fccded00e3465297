import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { Sql } from '@sakip/db';
import type { EventStore } from '@sakip/event-store';
import { EVENT_STORE, REDIS, SQL } from '../infrastructure/tokens';
import { API_VERSION } from '../version';

type Check = { status: 'up' | 'down'; latencyMs: number; error?: string } & Record<string, unknown>;

const TIMEOUT_MS = 2000;

async function probe(fn: () => Promise<Record<string, unknown> | void>): Promise<Check> {
  const started = performance.now();
  try {
    const extra = await Promise.race([
      fn(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`timeout after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), ...(extra ?? {}) };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/** GET /health: 200 when every dependency answers, 503 otherwise, with each check's detail. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [postgres, redis, eventFeed] = await Promise.all([
      probe(async () => {
        await this.sql`select 1`;
      }),
      probe(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }),
      probe(async () => ({
        headPosition: await this.store.headPosition(),
        oldestOpenTransactionSeconds: await this.oldestOpenTransaction(),
      })),
    ]);
    const projections = await probe(async () => this.projections());
    const checks = { postgres, redis, eventFeed };
    const healthy = Object.values(checks).every((c) => c.status === 'up');
    // Dead letters and stopped projections are shown loudly but do not take the API out of service.
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      version: API_VERSION,
      checks: { ...checks, projections },
    });
  }

  private async projections(): Promise<Record<string, unknown>> {
    const [row] = await this.sql<{ dead: number; stopped: string[] | null }[]>`
      select (select count(*)::int from projection_dead_letters) as dead,
             (select array_agg(name || ' v' || version || ' ' || partition) from projection_checkpoints where state = 'stopped') as stopped`;
    return { deadLetters: row?.dead ?? 0, stopped: row?.stopped ?? [] };
  }

  /** A long open transaction holds the gap-safe feed back; show how long. */
  private async oldestOpenTransaction(): Promise<number> {
    const [row] = await this.sql<{ s: number | null }[]>`
      select extract(epoch from now() - min(xact_start))::float8 as s
      from pg_stat_activity where backend_xid is not null or backend_xmin is not null`;
    return Math.round(row?.s ?? 0);
  }
}
