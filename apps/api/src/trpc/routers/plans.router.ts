import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  defineElementInput,
  defineIndicatorInput,
  diffQuery,
  draftDecreeInput,
  enactDecreeInput,
  opdQuery,
  retireIndicatorInput,
  snapshotQuery,
  withdrawChangeInput,
} from '@sakip/contracts';
import { opdTarget, planUseCases, requireBinding } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

/** Reading an OPD's plan needs the `read` permission within the OPD's scope. */
const readable = authedProcedure.input(opdQuery).use(({ ctx, input, next }) => {
  requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'plans.read');
  return next();
});

const notFound = (what: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `${what} tidak ditemukan / not found` });

export const plansRouter = router({
  draftDecree: authedProcedure
    .input(draftDecreeInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.draftDecree, input)),
  editDecree: authedProcedure
    .input(draftDecreeInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.editDecree, input)),
  defineElement: authedProcedure
    .input(defineElementInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.defineElement, input)),
  defineIndicator: authedProcedure
    .input(defineIndicatorInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.defineIndicator, input)),
  retireIndicator: authedProcedure
    .input(retireIndicatorInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.retireIndicator, input)),
  withdrawChange: authedProcedure
    .input(withdrawChangeInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.withdrawChange, input)),
  enactDecree: authedProcedure
    .input(enactDecreeInput)
    .mutation(({ ctx, input }) => runCommand(ctx, planUseCases.enactDecree, input)),

  decrees: readable.query(({ ctx, input }) => ctx.queries.plans.decrees(input.opdId)),
  history: readable.query(({ ctx, input }) => ctx.queries.plans.history(input.opdId)),
  snapshot: readable.input(snapshotQuery).query(async ({ ctx, input }) => {
    const snap = await ctx.queries.plans.snapshot(input.opdId, input);
    if (!snap) throw notFound('SK yang ditetapkan / enacted decree');
    return snap;
  }),
  draft: readable.input(z.object({ decreeId: z.string().uuid() })).query(async ({ ctx, input }) => {
    const d = await ctx.queries.plans.draft(input.opdId, input.decreeId);
    if (!d) throw notFound('SK / decree');
    return d;
  }),
  diff: readable.input(diffQuery).query(async ({ ctx, input }) => {
    const d = await ctx.queries.plans.diff(input.opdId, input.fromDecreeId, input.toDecreeId);
    if (!d) throw notFound('SK yang ditetapkan / enacted decree');
    return d;
  }),
});
