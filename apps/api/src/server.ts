import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { trace, type Tracer } from '@opentelemetry/api';
import type { Config } from '@sakip/config';
import {
  AchievementQueries,
  actorFor,
  AgreementQueries,
  CommandExecutor,
  OrgQueries,
  PlanQueries,
  UserQueries,
  verifyToken,
} from '@sakip/application';
import type { ObjectStorage } from '@sakip/storage';
import type { Queue } from 'bullmq';
import type { EventStore } from '@sakip/event-store';
import { AppModule } from './app.module';
import { EVENT_STORE, EXECUTOR, REPORT_QUEUE, SQL, STORAGE } from './infrastructure/tokens';
import type { Sql } from '@sakip/db';
import { requestContext } from './logging/logger';
import { bearerToken, correlationIdOf, type ApiContext } from './trpc/context';
import { appRouter } from './trpc/router';
import { METRICS, type ApiMetrics } from './metrics/metrics';

export interface RunningApi {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds and starts the API; used by main.ts and by the tests (real HTTP on loopback). */
export async function startApi(
  config: Config,
  logger: Logger,
  tracer: Tracer = trace.getTracer('sakip-api'),
): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, logger, tracer),
    {
      logger: false,
      bodyParser: false,
    },
  );
  const commandBus = app.get(CommandBus);
  const sql = app.get<Sql>(SQL);
  const metrics = app.get<ApiMetrics>(METRICS);
  // Imports travel as base64 inside JSON: allow spreadsheets of a province (20 MB).
  app.useBodyParser('json', { limit: '30mb' });
  const loader = app.get<CommandExecutor>(EXECUTOR).loader;
  const store = app.get<EventStore>(EVENT_STORE);
  const queries = {
    plans: new PlanQueries(store, loader),
    agreements: new AgreementQueries(loader),
    achievements: new AchievementQueries(store, loader),
    org: new OrgQueries(store, loader, sql, (why) => logger.warn({ why }, 'read model fallback')),
    users: new UserQueries(store, loader),
  };
  const storage = app.get<ObjectStorage>(STORAGE);
  const reports = { queue: app.get<Queue>(REPORT_QUEUE) };

  // Correlation id and an access log line for every request.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const correlationId = correlationIdOf(req);
    res.setHeader('x-correlation-id', correlationId);
    (req as Request & { correlationId: string }).correlationId = correlationId;
    const started = performance.now();
    res.on('finish', () => {
      const route = req.originalUrl.startsWith('/trpc/')
        ? req.originalUrl.split('?')[0]!.slice(0, 120)
        : ((req.route as { path?: string } | undefined)?.path ?? req.path);
      metrics.http.observe(
        { method: req.method, route, status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    res.on('finish', () =>
      requestContext.run({ correlationId }, () =>
        logger.info(
          {
            method: req.method,
            url: req.originalUrl.split('?')[0],
            status: res.statusCode,
            ms: Math.round(performance.now() - started),
          },
          'request',
        ),
      ),
    );
    requestContext.run({ correlationId }, next);
  });

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      async createContext({ req }): Promise<ApiContext> {
        const correlationId = (req as Request & { correlationId: string }).correlationId;
        const token = bearerToken(req);
        const claims = token ? await verifyToken(token, config.AUTH_SECRET) : null;
        const actor = claims ? await actorFor(loader, claims.username) : null;
        return {
          actor,
          correlationId,
          commandBus,
          loader,
          config,
          queries,
          sql,
          storage,
          reports,
          tracer,
          log: logger.child({ correlationId }),
        };
      },
    }),
  );

  // Signals are handled by main.ts (close() runs the shutdown hooks); tests call close() directly.
  await app.listen(config.PORT, config.HOST);
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  return { app, url, close: () => app.close() };
}
