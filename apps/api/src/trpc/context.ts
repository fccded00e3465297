import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandBus } from '@nestjs/cqrs';
import type {
  AchievementQueries,
  Actor,
  AgreementQueries,
  OrgQueries,
  PlanQueries,
  StateLoader,
  UserQueries,
} from '@sakip/application';
import type { ObjectStorage } from '@sakip/storage';
import type { Queue } from 'bullmq';
import type { Config } from '@sakip/config';
import type { Logger } from 'pino';
import type { Tracer } from '@opentelemetry/api';
import type { Sql } from '@sakip/db';

export type UserActor = Actor & { kind: 'user'; displayName: string };

/** What every procedure sees: who is asking, the request's correlation id, and the services. */
export interface ApiContext {
  actor: UserActor | null;
  correlationId: string;
  commandBus: CommandBus;
  loader: StateLoader;
  config: Config;
  log: Logger;
  tracer: Tracer;
  sql: Sql;
  queries: {
    plans: PlanQueries;
    agreements: AgreementQueries;
    achievements: AchievementQueries;
    org: OrgQueries;
    users: UserQueries;
  };
  storage: ObjectStorage;
  reports: { queue: Queue };
}

export function correlationIdOf(req: Request): string {
  const given = req.header('x-correlation-id');
  return given && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}

export function bearerToken(req: Request): string | null {
  const header = req.header('authorization');
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1] ?? null;
}
