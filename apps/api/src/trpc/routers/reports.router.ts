import { z } from 'zod';
import { opdId, regionCode } from '@sakip/contracts';
import { opdTarget, regionTarget, requireBinding } from '@sakip/application';
import { checkFinalisation, enqueueReport, listReports, reportStatus } from '@sakip/reports';
import { authedProcedure, router } from '../trpc';

const subject = z.object({
  opdId: z.union([opdId, regionCode]),
  year: z.number().int().min(2000).max(2100).optional(),
});
const targetOf = (id: string) => (id.includes('-') ? opdTarget(id) : regionTarget(id));

/** Date, place and signer printed on a finalised report; place and signer default (decree seat, PK head). */
const finalise = z.object({
  date: z.string().trim(),
  place: z.string().trim().max(120).optional(),
  signer: z
    .object({
      name: z.string().trim().max(200),
      nip: z.string().trim().max(30).nullable().optional(),
      position: z.string().trim().max(300),
    })
    .optional(),
});

/** LKjIP per OPD (or pemda by region code): list with status, request a (re)generation. Files download at GET /reports/:id. */
export const reportsRouter = router({
  list: authedProcedure.input(subject).query(async ({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', targetOf(input.opdId), 'reports.list');
    const [reports, status] = await Promise.all([
      listReports(ctx.sql, { opdId: input.opdId, ...(input.year ? { year: input.year } : {}) }),
      reportStatus(ctx.reports.queue, ctx.sql, {
        opdId: input.opdId,
        ...(input.year ? { year: input.year } : {}),
      }),
    ]);
    return { reports, jobs: status.jobs };
  }),
  /** A draft (no `finalise`), or the finalised report: whoever may enact the OPD's plan signs it. */
  request: authedProcedure
    .input(
      subject.extend({ year: z.number().int().min(2000).max(2100), finalise: finalise.optional() }),
    )
    .mutation(async ({ ctx, input }) => {
      requireBinding(ctx.actor, 'read', targetOf(input.opdId), 'reports.request');
      if (input.finalise) {
        requireBinding(
          ctx.actor,
          'plan.enact',
          targetOf(input.opdId),
          'reports.request (finalise)',
        );
        checkFinalisation(input.finalise);
      }
      const result = await enqueueReport(
        ctx.reports.queue,
        {
          opdId: input.opdId,
          year: input.year,
          reason: 'on_demand',
          retryFailed: true,
          finalisation: input.finalise,
        },
        { sql: ctx.sql },
      );
      ctx.log.info(
        {
          opdId: input.opdId,
          year: input.year,
          jobId: result.jobId,
          added: result.added,
          finalised: Boolean(input.finalise),
        },
        'report requested',
      );
      return result;
    }),
});
