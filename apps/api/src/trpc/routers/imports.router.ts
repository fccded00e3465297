import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  EXPORTABLE,
  exportTemplate,
  ExportScopeError,
  importParsed,
  opdTarget,
  requireBinding,
} from '@sakip/application';
import { parseImportBuffer } from '@sakip/importer';
import { authedProcedure, router } from '../trpc';

const MAX_BYTES = 20 * 1024 * 1024;

export const importInput = z.object({
  fileName: z
    .string()
    .regex(/\.(xlsx|csv)$/i, 'Berkas harus .xlsx atau .csv / the file must be .xlsx or .csv')
    .max(200),
  contentBase64: z
    .string()
    .min(1)
    .max(
      Math.ceil((MAX_BYTES * 4) / 3),
      'Berkas terlalu besar (maks. 20 MB) / file too large (max 20 MB)',
    ),
  dryRun: z.boolean().default(false),
  /** anggaran/serapan: each document or period of the file replaces the recorded one whole. */
  replacePeriod: z.boolean().default(false),
});

export const exportInput = z.object({
  kind: z.enum(EXPORTABLE),
  opdId: z.string().min(1).max(80),
  year: z.number().int().min(2000).max(2100).optional(),
  decreeNumber: z.string().min(1).max(200).optional(),
  positionCode: z.string().min(1).max(40).optional(),
});

const EMPTY_CHANGES = {
  changes: [],
  totals: { added: 0, changed: 0, unchanged: 0, removed: 0 },
  replacePeriod: false,
};

/** The same import as `sakip import`, on behalf of the signed-in user (every row scope-checked). */
export const importsRouter = router({
  run: authedProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    const buf = Buffer.from(input.contentBase64, 'base64');
    const parsed = await parseImportBuffer(buf, input.fileName);
    const report = await importParsed(ctx.sql, parsed, ctx.actor, {
      dryRun: input.dryRun,
      replacePeriod: input.replacePeriod,
      contentHash: createHash('sha256').update(buf).digest('hex'),
      correlationId: ctx.correlationId,
    });
    if (!report)
      return {
        ok: false as const,
        kind: parsed.kind,
        rowCount: parsed.rowCount,
        problems: parsed.ok ? [] : parsed.problems,
        eventsWritten: 0,
        unchanged: false,
        dryRun: input.dryRun,
        changes: { ...EMPTY_CHANGES, replacePeriod: input.replacePeriod },
      };
    ctx.log.info(
      {
        kind: report.kind,
        ok: report.ok,
        problems: report.problems.length,
        events: report.eventsWritten,
        dryRun: report.dryRun,
        replacePeriod: input.replacePeriod,
      },
      'import',
    );
    return {
      ok: report.ok,
      kind: report.kind,
      rowCount: parsed.rowCount,
      problems: report.problems,
      eventsWritten: report.eventsWritten,
      unchanged: report.unchanged,
      dryRun: report.dryRun,
      changes: report.changes,
    };
  }),
  /** What is recorded, as an import template file (base64 XLSX). */
  export: authedProcedure.input(exportInput).query(async ({ ctx, input }) => {
    requireBinding(ctx.actor, 'read', opdTarget(input.opdId), 'imports.export');
    try {
      const file = await exportTemplate(ctx.sql, input.kind, {
        opdId: input.opdId,
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.decreeNumber !== undefined ? { decreeNumber: input.decreeNumber } : {}),
        ...(input.positionCode !== undefined ? { positionCode: input.positionCode } : {}),
      });
      return {
        fileName: file.fileName,
        rowCount: file.rowCount,
        contentBase64: file.content.toString('base64'),
      };
    } catch (err) {
      if (err instanceof ExportScopeError)
        throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
      throw err;
    }
  }),
});
