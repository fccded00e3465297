import { router } from './trpc';
import { authRouter } from './routers/auth.router';
import { opdsRouter } from './routers/opds.router';
import { plansRouter } from './routers/plans.router';
import { importsRouter } from './routers/imports.router';
import { realizationsRouter } from './routers/realizations.router';
import { orgRouter } from './routers/org.router';
import { reportsRouter } from './routers/reports.router';
import { dashboardsRouter } from './routers/dashboards.router';
import { budgetRouter, catalogRouter, pkRouter } from './routers/agreements.router';
import { regionsRouter } from './routers/regions.router';
import { usersRouter } from './routers/users.router';

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  regions: regionsRouter,
  opds: opdsRouter,
  users: usersRouter,
  plans: plansRouter,
  pk: pkRouter,
  budget: budgetRouter,
  catalog: catalogRouter,
  imports: importsRouter,
  realizations: realizationsRouter,
  reports: reportsRouter,
  dashboards: dashboardsRouter,
});

/** The admin imports this type only, never the server code. */
export type AppRouter = typeof appRouter;
