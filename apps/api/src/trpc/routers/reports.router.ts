import { z } from 'zod';
import { opdId, regionCode } from '@sakip/contracts';
import { opdTarget, regionTarget, requireBinding } from '@sakip/application';
import { enqueueReport, listReports, reportStatus } from '@sakip/reports';
import { authedProcedure, router } from '../trpc';

const subject = z.object({
  opdId: z.union([opdId, regionCode]),
  year: z.number().int().min(2000).max(2100).optional(),
});
const targetOf = (id: string) => (id.includes('-') ? opdTarget(id) : regionTarget(id));

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
  request: authedProcedure
    .input(subject.extend({ year: z.number().int().min(2000).max(2100) }))
    .mutation(async ({ ctx, input }) => {
      requireBinding(ctx.actor, 'read', targetOf(input.opdId), 'reports.request');
      const result = await enqueueReport(
        ctx.reports.queue,
        { opdId: input.opdId, year: input.year, reason: 'on_demand', retryFailed: true },
        { sql: ctx.sql },
      );
      ctx.log.info(
        { opdId: input.opdId, year: input.year, jobId: result.jobId, added: result.added },
        'report requested',
      );
      return result;
    }),
});
