import { z } from 'zod';
import {
  addPositionInput,
  addUnitInput,
  dissolveOpdInput,
  mergeOpdInput,
  registerOpdInput,
  renameOpdInput,
} from '@sakip/contracts';
import { opdUseCases } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

/** Edits of an existing OPD may pin the version the user saw ("someone else changed this"). */
const pinned = z.object({ expectedVersion: z.number().int().min(1).optional() });

export const opdsRouter = router({
  register: authedProcedure
    .input(registerOpdInput)
    .mutation(({ ctx, input }) => runCommand(ctx, opdUseCases.registerOpd, input)),
  rename: authedProcedure
    .input(renameOpdInput.merge(pinned))
    .mutation(({ ctx, input }) =>
      runCommand(ctx, opdUseCases.renameOpd, input, input.expectedVersion),
    ),
  addUnit: authedProcedure
    .input(addUnitInput.merge(pinned))
    .mutation(({ ctx, input }) =>
      runCommand(ctx, opdUseCases.addUnit, input, input.expectedVersion),
    ),
  addPosition: authedProcedure
    .input(addPositionInput.merge(pinned))
    .mutation(({ ctx, input }) =>
      runCommand(ctx, opdUseCases.addPosition, input, input.expectedVersion),
    ),
  merge: authedProcedure
    .input(mergeOpdInput)
    .mutation(({ ctx, input }) => runCommand(ctx, opdUseCases.mergeOpd, input)),
  dissolve: authedProcedure
    .input(dissolveOpdInput)
    .mutation(({ ctx, input }) => runCommand(ctx, opdUseCases.dissolveOpd, input)),
});
