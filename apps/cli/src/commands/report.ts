import { resolve } from 'node:path';
import { generateReport, type FinalisationInput, type ReportFormat } from '@sakip/reports';
import { LocalObjectStorage } from '@sakip/storage';
import type { CliRuntime } from '../runtime';

/**
 * `sakip report lkjip --opd <id|region> --year <y> --out <dir> [--date … --place … --signer-…]`:
 * renders now, stores, writes files. With `finalisation` the report is finalised; without, a draft.
 */
export async function reportLkjip(
  rt: CliRuntime,
  o: {
    opd: string;
    year: number;
    out: string;
    formats: ReportFormat[];
    finalisation?: FinalisationInput | undefined;
  },
): Promise<string[]> {
  const storage = new LocalObjectStorage(resolve(rt.config.STORAGE_DIR));
  const report = await generateReport(
    { sql: rt.sql, storage },
    {
      opdId: o.opd,
      year: o.year,
      formats: o.formats,
      outDir: resolve(o.out),
      finalisation: o.finalisation,
    },
  );
  const final = report.files[0]?.finalisation;
  return [
    `LKjIP ${report.opdId} ${report.year} @ posisi / position ${report.feedPosition} (SK: ${report.decrees.map((d) => d.number).join(', ') || '-'})`,
    report.draft
      ? `  DRAF / draft: ${final ? 'ada nilai belum diverifikasi / values not verified yet' : 'belum difinalisasi / not finalised'} (lihat sampul / see the cover)`
      : `  final: ${final?.place}, ${final?.date}, ${final?.signer.name} (${final?.signer.position})`,
    ...report.files.map(
      (f) =>
        `  ${f.format}: ${f.path ?? f.storageKey} (${f.size} bytes, sha256 ${(f.sha256 ?? '').slice(0, 12)}…)`,
    ),
  ];
}
