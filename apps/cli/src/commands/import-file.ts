import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  importParsed,
  systemActor,
  type ImportChange,
  type ImportChanges,
  type ImportReport,
} from '@sakip/application';
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

const MARK = { added: '+', changed: '~', unchanged: '=', removed: '-' } as const;

function formatChange(c: ImportChange): string {
  const where = c.row > 0 ? `${c.sheet}!${c.row}` : c.sheet;
  const line = `  ${MARK[c.status]} ${where} ${c.key}`;
  if (c.status !== 'changed') return line;
  const diffs = c.columns.map(
    (col) => `${col}: ${c.before?.[col] || '∅'} → ${c.after?.[col] || '∅'}`,
  );
  return `${line}: ${diffs.join('; ')}`;
}

/** The change list: totals, the replace-period notice, then one line per row. */
export function formatChanges(ch: ImportChanges): string[] {
  const t = ch.totals;
  return [
    `perubahan / changes: ${t.added} ditambah / added, ${t.changed} diubah / changed, ${t.unchanged} tetap / unchanged, ${t.removed} dihapus / removed`,
    ...(ch.replacePeriod
      ? [
          'mengganti seluruh periode: baris tercatat yang tidak ada di berkas dihapus / replacing whole periods: recorded rows absent from the file are removed',
        ]
      : []),
    ...ch.changes.map(formatChange),
  ];
}

/**
 * `sakip import <file> [--dry-run] [--replace-period]`: parse, check every row against the
 * file and the database, then apply all or nothing. Progress goes to `progress` (stderr in the
 * CLI) so large files show they are moving.
 */
export async function importFile(
  sql: Sql,
  path: string,
  opts: { dryRun: boolean; replacePeriod?: boolean; progress: (line: string) => void },
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
  const report = await importParsed(sql, parsed, systemActor('import'), {
    dryRun: opts.dryRun,
    replacePeriod: opts.replacePeriod ?? false,
    contentHash,
    correlationId: randomUUID(),
    // A dry run decides every stream against the database too, then rolls back.
    onProgress: (p) =>
      tick(
        opts.dryRun
          ? 'memeriksa terhadap data tersimpan / checking against recorded data'
          : 'menyimpan / applying',
        p.done,
        p.total,
      ),
  });
  const problems = report?.problems ?? (parsed.ok ? [] : parsed.problems);
  if (!report?.ok) {
    return {
      ok: false,
      report,
      problems,
      lines: [
        `${problems.length} masalah; tidak ada yang ditulis / ${problems.length} problems; nothing written:`,
        ...problems.map(formatProblem),
      ],
    };
  }
  const summary = report.dryRun
    ? `uji coba OK: ${parsed.rowCount} baris valid, tidak ada yang ditulis / dry run OK: ${parsed.rowCount} rows valid, nothing written`
    : report.unchanged
      ? `tidak ada perubahan: isi berkas sudah tercatat / unchanged: the file is already recorded`
      : `${report.kind}: ${parsed.rowCount} baris, ${report.eventsWritten} peristiwa di ${report.streamsWritten} stream / ${parsed.rowCount} rows, ${report.eventsWritten} events in ${report.streamsWritten} streams`;
  return { ok: true, lines: [summary, ...formatChanges(report.changes)], report, problems };
}
