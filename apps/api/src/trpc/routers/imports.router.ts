import { createHash } from 'node:crypto';
import { z } from 'zod';
import { applyImport } from '@sakip/application';
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
});

/** The same import as `sakip import`, on behalf of the signed-in user (every row scope-checked). */
export const importsRouter = router({
  run: authedProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    const buf = Buffer.from(input.contentBase64, 'base64');
    const parsed = await parseImportBuffer(buf, input.fileName);
    if (!parsed.ok)
      return {
        ok: false as const,
        kind: parsed.kind,
        rowCount: parsed.rowCount,
        problems: parsed.problems,
        eventsWritten: 0,
        unchanged: false,
        dryRun: input.dryRun,
      };
    const report = await applyImport(ctx.sql, parsed.document, ctx.actor, {
      dryRun: input.dryRun,
      contentHash: createHash('sha256').update(buf).digest('hex'),
      correlationId: ctx.correlationId,
    });
    ctx.log.info(
      {
        kind: report.kind,
        ok: report.ok,
        problems: report.problems.length,
        events: report.eventsWritten,
        dryRun: report.dryRun,
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
    };
  }),
});
