import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { applyImport, systemActor, type ImportReport } from '@sakip/application';
import { parseImportBuffer, type ImportProblem } from '@sakip/importer';
import type { Sql } from '@sakip/db';

export interface ImportOutcome {
  ok: boolean;
  lines: string[];
  report: ImportReport | null;
  problems: ImportProblem[];
}

const formatProblem = (p: ImportProblem): string =>
  `  ${p.sheet}!${p.row}${p.column ? ` [${p.column}]` : ''}: ${p.message}`;

/**
 * `sakip import <file> [--dry-run]`: parse, check every row, then apply all or nothing.
 * Progress goes to `progress` (stderr in the CLI) so large files show they are moving.
 */
export async function importFile(
  sql: Sql,
  path: string,
  opts: { dryRun: boolean; progress: (line: string) => void },
): Promise<ImportOutcome> {
  const buf = await readFile(path);
  const contentHash = createHash('sha256').update(buf).digest('hex');
  let lastShown = 0;
  const tick = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (done === total || now - lastShown > 500) {
      lastShown = now;
      opts.progress(
        `${phase}: ${done}/${total} (${total ? Math.round((done / total) * 100) : 100}%)`,
      );
    }
  };
  const parsed = await parseImportBuffer(buf, basename(path), {
    onProgress: (p) =>
      tick(p.phase === 'read' ? 'membaca / reading' : 'memeriksa / validating', p.done, p.total),
  });
  if (!parsed.ok) {
    return {
      ok: false,
      report: null,
      problems: parsed.problems,
      lines: [
        `${parsed.problems.length} masalah; tidak ada yang ditulis / ${parsed.problems.length} problems; nothing written:`,
        ...parsed.problems.map(formatProblem),
      ],
    };
  }
  const report = await applyImport(sql, parsed.document, systemActor('import'), {
    dryRun: opts.dryRun,
    contentHash,
    correlationId: randomUUID(),
    onProgress: (p) => tick('menyimpan / applying', p.done, p.total),
  });
  const lines = report.ok
    ? [
        report.dryRun
          ? `uji coba OK: ${parsed.rowCount} baris valid, tidak ada yang ditulis / dry run OK: ${parsed.rowCount} rows valid, nothing written`
          : report.unchanged
            ? `tidak ada perubahan: isi berkas sudah tercatat / unchanged: the file is already recorded`
            : `${parsed.kind}: ${parsed.rowCount} baris, ${report.eventsWritten} peristiwa di ${report.streamsWritten} stream / ${parsed.rowCount} rows, ${report.eventsWritten} events in ${report.streamsWritten} streams`,
      ]
    : [
        `${report.problems.length} masalah; tidak ada yang ditulis / ${report.problems.length} problems; nothing written:`,
        ...report.problems.map(formatProblem),
      ];
  return { ok: report.ok, lines, report, problems: report.problems };
}
