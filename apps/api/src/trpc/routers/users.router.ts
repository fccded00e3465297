import {
  changePasswordInput,
  disableUserInput,
  grantRoleInput,
  registerUserInput,
  revokeRoleInput,
} from '@sakip/contracts';
import { userUseCases } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

export const usersRouter = router({
  /** Accounts within the signed-in admin's scope (empty for non-admins). */
  list: authedProcedure.query(({ ctx }) => ctx.queries.users.list(ctx.actor.bindings)),
  register: authedProcedure
    .input(registerUserInput)
    .mutation(({ ctx, input }) => runCommand(ctx, userUseCases.registerUser, input)),
  grantRole: authedProcedure
    .input(grantRoleInput)
    .mutation(({ ctx, input }) => runCommand(ctx, userUseCases.grantRole, input)),
  revokeRole: authedProcedure
    .input(revokeRoleInput)
    .mutation(({ ctx, input }) => runCommand(ctx, userUseCases.revokeRole, input)),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => runCommand(ctx, userUseCases.changePassword, input)),
  disable: authedProcedure
    .input(disableUserInput)
    .mutation(({ ctx, input }) => runCommand(ctx, userUseCases.disableUser, input)),
});
