import { TRPCError } from '@trpc/server';
import { opdQuery } from '@sakip/contracts';
import { opdTarget, requireBinding } from '@sakip/application';
import { authedProcedure, router } from '../trpc';

export const orgRouter = router({
  /** Provinces → kabupaten/kota → OPDs, limited to what the user may read. */
  tree: authedProcedure.query(({ ctx }) => ctx.queries.org.tree(ctx.actor.bindings)),
  opd: authedProcedure.input(opdQuery).query(async ({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'org.opd');
    const opd = await ctx.queries.org.opd(input.opdId);
    if (!opd)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `OPD ${input.opdId} tidak ditemukan / not found`,
      });
    return opd;
  }),
});
