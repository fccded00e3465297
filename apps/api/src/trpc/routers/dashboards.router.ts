import { z } from 'zod';
import { opdId, provinceCode } from '@sakip/contracts';
import { opdTarget, regionTarget, requireBinding } from '@sakip/application';
import { scopeWithin } from '@sakip/domain';
import { comparisonRows, projectionStatus, verificationQueue } from '@sakip/read-models';
import { TRPCError } from '@trpc/server';
import { authedProcedure, router } from '../trpc';

/** A read model the projector has not built yet is a clear state, not an internal error. */
async function fromReadModel<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `Read model ${name} belum dibangun; jalankan projector atau "sakip projections rebuild ${name}" / read model ${name} is not built yet: run the projector`,
      });
    }
    throw err;
  }
}

/**
 * Cross-OPD views served from the projector's read models (one indexed query each, whatever
 * the size of the province), not folded per request.
 */
export const dashboardsRouter = router({
  /** A catalog indicator across every mapped OPD and kabupaten of a province: target, realization, capaian, predikat. */
  comparison: authedProcedure
    .input(
      z.object({
        provinceCode,
        catalogCode: z.string().min(2).max(40),
        year: z.number().int().min(2000).max(2100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const inProvince = ctx.actor.bindings.some(
        (b) =>
          b.scope.level === 'national' ||
          scopeWithin(b.scope, { level: 'province', code: input.provinceCode }),
      );
      if (!inProvince)
        requireBinding(
          ctx.actor,
          'read',
          regionTarget(input.provinceCode),
          'dashboards.comparison',
        );
      return fromReadModel('comparison', () =>
        comparisonRows(ctx.sql, {
          provinceCode: input.provinceCode,
          catalogCode: input.catalogCode,
          ...(input.year ? { year: input.year } : {}),
        }),
      );
    }),
  /** Read models: position, lag, dead letters and stopped partitions (province and national admins). */
  projections: authedProcedure.query(async ({ ctx }) => {
    if (!ctx.actor.bindings.some((b) => b.role === 'province_admin' || b.role === 'region_admin')) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Hanya admin / administrators only' });
    }
    const rows = await projectionStatus(ctx.sql).catch((err: { code?: string }) =>
      err.code === '42P01' ? [] : Promise.reject(err),
    );
    return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  }),
  /** The verification queue of an OPD from the realizations read model. */
  queue: authedProcedure
    .input(z.object({ opdId, level: z.enum(['head', 'inspector']) }))
    .query(({ ctx, input }) => {
      requireBinding(
        ctx.actor,
        input.level === 'head' ? 'realization.verify' : 'realization.inspect',
        opdTarget(input.opdId),
        'dashboards.queue',
      );
      return fromReadModel('realizations', () =>
        verificationQueue(ctx.sql, { opdId: input.opdId, level: input.level }),
      );
    }),
});
