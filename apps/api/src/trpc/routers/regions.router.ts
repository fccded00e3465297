import { registerRegionInput, renameRegionInput } from '@sakip/contracts';
import { regionUseCases } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

export const regionsRouter = router({
  register: authedProcedure
    .input(registerRegionInput)
    .mutation(({ ctx, input }) => runCommand(ctx, regionUseCases.registerRegion, input)),
  rename: authedProcedure
    .input(renameRegionInput)
    .mutation(({ ctx, input }) => runCommand(ctx, regionUseCases.renameRegion, input)),
});
