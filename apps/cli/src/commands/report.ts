import { resolve } from 'node:path';
import { generateReport, type ReportFormat } from '@sakip/reports';
import { LocalObjectStorage } from '@sakip/storage';
import type { CliRuntime } from '../runtime';

/** `sakip report lkjip --opd <id|region> --year <y> --out <dir>`: renders now, stores, writes files. */
export async function reportLkjip(
  rt: CliRuntime,
  o: { opd: string; year: number; out: string; formats: ReportFormat[] },
): Promise<string[]> {
  const storage = new LocalObjectStorage(resolve(rt.config.STORAGE_DIR));
  const report = await generateReport(
    { sql: rt.sql, storage },
    { opdId: o.opd, year: o.year, formats: o.formats, outDir: resolve(o.out) },
  );
  return [
    `LKjIP ${report.opdId} ${report.year} @ posisi / position ${report.feedPosition} (SK: ${report.decrees.map((d) => d.number).join(', ') || '-'})`,
    ...report.files.map(
      (f) =>
        `  ${f.format}: ${f.path ?? f.storageKey} (${f.size} bytes, sha256 ${(f.sha256 ?? '').slice(0, 12)}…)`,
    ),
  ];
}
