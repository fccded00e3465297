import { TRPCError } from '@trpc/server';
import {
  budgetQuery,
  catalogQuery,
  defineCatalogIndicatorInput,
  mapIndicatorInput,
  pkQuery,
  recordBudgetStageInput,
  revisePkInput,
  signPkInput,
  unmapIndicatorInput,
} from '@sakip/contracts';
import {
  agreementUseCases,
  budgetUseCases,
  catalogUseCases,
  opdTarget,
  regionTarget,
  requireBinding,
} from '@sakip/application';
import { scopeWithin } from '@sakip/domain';
import { authedProcedure, router, runCommand } from '../trpc';

export const pkRouter = router({
  sign: authedProcedure
    .input(signPkInput)
    .mutation(({ ctx, input }) => runCommand(ctx, agreementUseCases.signPk, input)),
  revise: authedProcedure
    .input(revisePkInput)
    .mutation(({ ctx, input }) => runCommand(ctx, agreementUseCases.revisePk, input)),
  get: authedProcedure.input(pkQuery).query(async ({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'pk.get');
    const pk = await ctx.queries.agreements.pk(input.opdId, input.year, input.positionCode);
    if (!pk)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: 'Perjanjian Kinerja tidak ditemukan / performance agreement not found',
      });
    return pk;
  }),
});

export const budgetRouter = router({
  recordStage: authedProcedure
    .input(recordBudgetStageInput)
    .mutation(({ ctx, input }) => runCommand(ctx, budgetUseCases.recordBudgetStage, input)),
  get: authedProcedure.input(budgetQuery).query(({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'budget.get');
    return ctx.queries.agreements.budget(input.opdId, input.year);
  }),
});

export const catalogRouter = router({
  define: authedProcedure
    .input(defineCatalogIndicatorInput)
    .mutation(({ ctx, input }) => runCommand(ctx, catalogUseCases.defineCatalogIndicator, input)),
  map: authedProcedure
    .input(mapIndicatorInput)
    .mutation(({ ctx, input }) => runCommand(ctx, catalogUseCases.mapIndicator, input)),
  unmap: authedProcedure
    .input(unmapIndicatorInput)
    .mutation(({ ctx, input }) => runCommand(ctx, catalogUseCases.unmapIndicator, input)),
  list: authedProcedure.input(catalogQuery).query(({ ctx, input }) => {
    // Everyone working in the province compares against its catalog, down to OPD operators.
    const inProvince = ctx.actor.bindings.some(
      (b) =>
        b.scope.level === 'national' ||
        scopeWithin(b.scope, { level: 'province', code: input.provinceCode }),
    );
    if (!inProvince)
      requireBinding(ctx.actor, 'read', regionTarget(input.provinceCode), 'catalog.list');
    return ctx.queries.agreements.catalog(input.provinceCode);
  }),
});
