import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  achievementQuery,
  correctRealizationInput,
  lockYearInput,
  measurementSettingsInput,
  opdId,
  realizationQuery,
  regionCode,
  recordComparisonInput,
  recordNarrativeInput,
  recordRealizationInput,
  recordSpendingInput,
  returnRealizationInput,
  submitRealizationInput,
  verifyRealizationInput,
} from '@sakip/contracts';
import { opdTarget, realizationUseCases, regionTarget, requireBinding } from '@sakip/application';
import { authedProcedure, router, runCommand } from '../trpc';

const MAX_ATTACHMENT = 10 * 1024 * 1024;

export const realizationsRouter = router({
  record: authedProcedure
    .input(recordRealizationInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.recordRealization, input)),
  correct: authedProcedure
    .input(correctRealizationInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.correctRealization, input)),
  submit: authedProcedure
    .input(submitRealizationInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.submitRealization, input)),
  verify: authedProcedure
    .input(verifyRealizationInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.verifyRealization, input)),
  return: authedProcedure
    .input(returnRealizationInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.returnRealization, input)),
  lockYear: authedProcedure
    .input(lockYearInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.lockYear, input)),
  recordNarrative: authedProcedure
    .input(recordNarrativeInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.recordNarrative, input)),
  recordSpending: authedProcedure
    .input(recordSpendingInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.recordSpending, input)),
  recordComparison: authedProcedure
    .input(recordComparisonInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.recordComparison, input)),
  configureMeasurement: authedProcedure
    .input(measurementSettingsInput)
    .mutation(({ ctx, input }) => runCommand(ctx, realizationUseCases.configureMeasurement, input)),

  /** Evidence attachment: stored outside the event store; the realization records its hash. */
  uploadEvidence: authedProcedure
    .input(
      z.object({
        opdId,
        fileName: z.string().min(1).max(200),
        contentBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_ATTACHMENT * 4) / 3), 'Lampiran maks. 10 MB / attachment max 10 MB'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      requireBinding(ctx.actor, 'realization.submit', opdTarget(input.opdId), 'uploadEvidence');
      const stored = await ctx.storage.put(Buffer.from(input.contentBase64, 'base64'));
      return { name: input.fileName, ...stored };
    }),

  settings: authedProcedure.input(z.object({ code: regionCode })).query(({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', regionTarget(input.code), 'realizations.settings');
    return ctx.queries.users.measurementSettings(input.code);
  }),
  achievement: authedProcedure.input(achievementQuery).query(async ({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'realizations.achievement');
    const result = await ctx.queries.achievements.opdYear(input.opdId, input.year);
    if (!result)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `Belum ada SK IKU yang berlaku untuk ${input.year} / no enacted IKU decree covers ${input.year}`,
      });
    return result;
  }),
  detail: authedProcedure.input(realizationQuery).query(({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'realizations.detail');
    return ctx.queries.achievements.realizationDetail(input.opdId, input.indicatorCode, input.year);
  }),
  queue: authedProcedure
    .input(z.object({ opdId, level: z.enum(['head', 'inspector']) }))
    .query(({ ctx, input }) => {
      requireBinding(
        ctx.actor,
        input.level === 'head' ? 'realization.verify' : 'realization.inspect',
        opdTarget(input.opdId),
        'realizations.queue',
      );
      return ctx.queries.achievements.verificationQueue(input.opdId, input.level);
    }),
});
