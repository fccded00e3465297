import { z } from 'zod';
import {
  configureTimeZoneInput,
  regionCode,
  registerRegionInput,
  renameRegionInput,
} from '@sakip/contracts';
import { regionUseCases } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

export const regionsRouter = router({
  register: authedProcedure
    .input(registerRegionInput)
    .mutation(({ ctx, input }) => runCommand(ctx, regionUseCases.registerRegion, input)),
  rename: authedProcedure
    .input(renameRegionInput)
    .mutation(({ ctx, input }) => runCommand(ctx, regionUseCases.renameRegion, input)),
  configureTimeZone: authedProcedure
    .input(configureTimeZoneInput)
    .mutation(({ ctx, input }) => runCommand(ctx, regionUseCases.configureTimeZone, input)),
  /**
   * The zone the pemda's timestamps are shown in, and whether it was chosen or defaulted. No
   * secret: any signed-in user (an OPD operator too) sees dates in it.
   */
  timeZone: authedProcedure
    .input(z.object({ code: regionCode }))
    .query(({ ctx, input }) => ctx.queries.users.timeZone(input.code)),
});
