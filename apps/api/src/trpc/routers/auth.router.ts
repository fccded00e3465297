import { loginInput } from '@sakip/contracts';
import { authenticate, issueToken } from '@sakip/application';
import { authedProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const actor = await authenticate(ctx.loader, input.username, input.password);
    const token = await issueToken(
      { username: actor.userId },
      ctx.config.AUTH_SECRET,
      ctx.config.AUTH_TOKEN_TTL,
    );
    ctx.log.info({ user: actor.userId }, 'signed in');
    return { token, username: actor.userId, bindings: actor.bindings };
  }),
  me: authedProcedure.query(({ ctx }) => ({
    username: ctx.actor.userId,
    displayName: ctx.actor.displayName,
    bindings: ctx.actor.bindings,
  })),
});
