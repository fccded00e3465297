// generateReport: load → build → render → store → record. Used by the worker, the CLI and the API.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import type { ObjectStorage } from '@sakip/storage';
import { buildLkjip } from './build';
import type { LkjipData } from './data';
import { resolveFinalisation, type FinalisationInput } from './finalisation';
import { loadLkjipData, loadPemdaLkjipData, type LoadOptions } from './loader';
import { contentHash, type LkjipDocument } from './model';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';
import { insertReport, reportFileName, type ReportFormat, type ReportRow } from './repository';

export interface ReportDeps {
  sql: Sql;
  storage: ObjectStorage;
}

export interface GenerateInput {
  /** OPD id ("18.04-DISKOPERINDAG") or region code ("18.04") for the pemda-level report. */
  opdId: string;
  year: number;
  formats?: readonly ReportFormat[];
  /** Rebuild as of this feed position (a past report's feed_position). */
  position?: number;
  /** Also write the files here (CLI --out). */
  outDir?: string;
  jobId?: string;
  /** Date, place and signer of the finalised report; without it the report is a draft. */
  finalisation?: FinalisationInput | undefined;
}

export interface GeneratedReport {
  opdId: string;
  year: number;
  feedPosition: number;
  decrees: { number: string; date: string }[];
  contentHash: string;
  /** Marked DRAF: values not verified yet, or not finalised. */
  draft: boolean;
  files: (ReportRow & { path?: string })[];
}

const isRegionCode = (id: string) => /^\d{2}(\.\d{2})?$/.test(id);

export async function renderFormat(doc: LkjipDocument, format: ReportFormat): Promise<Buffer> {
  if (format === 'docx') return renderDocx(doc);
  if (format === 'pdf') return renderPdf(doc);
  return Buffer.from(renderHtml(doc), 'utf8');
}

export function loadReportData(
  deps: { sql: Sql },
  opdId: string,
  year: number,
  options: LoadOptions = {},
): Promise<LkjipData> {
  return isRegionCode(opdId)
    ? loadPemdaLkjipData(deps, opdId, year, options)
    : loadLkjipData(deps, opdId, year, options);
}

export async function generateReport(
  deps: ReportDeps,
  input: GenerateInput,
): Promise<GeneratedReport> {
  const formats = input.formats?.length ? [...new Set(input.formats)] : (['docx', 'pdf'] as const);
  const headPosition = await new EventStore(deps.sql).headPosition();
  const loaded = await loadReportData(
    deps,
    input.opdId,
    input.year,
    input.position === undefined ? {} : { position: input.position },
  );
  const data = input.finalisation
    ? { ...loaded, finalisation: resolveFinalisation(loaded, input.finalisation) }
    : loaded;
  const doc = buildLkjip(data);
  const hash = contentHash(doc);
  const decrees = doc.meta.decrees;
  const files: GeneratedReport['files'] = [];
  if (input.outDir) await mkdir(input.outDir, { recursive: true });
  for (const format of formats) {
    const bytes = await renderFormat(doc, format);
    const stored = await deps.storage.put(bytes);
    const row = await insertReport(deps.sql, {
      opdId: input.opdId,
      year: input.year,
      format,
      feedPosition: data.feedPosition,
      headPosition,
      decrees,
      contentHash: hash,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      size: stored.size,
      jobId: input.jobId ?? null,
      status: 'ready',
      error: null,
      draft: doc.meta.draft,
      finalisation: data.finalisation,
    });
    let path: string | undefined;
    if (input.outDir) {
      path = join(input.outDir, reportFileName(input.opdId, input.year, format, data.feedPosition));
      await writeFile(path, bytes);
    }
    files.push(path ? { ...row, path } : row);
  }
  return {
    opdId: input.opdId,
    year: input.year,
    feedPosition: data.feedPosition,
    decrees,
    contentHash: hash,
    draft: doc.meta.draft,
    files,
  };
}

/** Records a job's final failure so the reason stays visible next to the reports. */
export async function recordReportFailure(
  sql: Sql,
  input: {
    opdId: string;
    year: number;
    format: ReportFormat;
    feedPosition: number;
    jobId: string | null;
    error: string;
  },
): Promise<ReportRow> {
  return insertReport(sql, {
    opdId: input.opdId,
    year: input.year,
    format: input.format,
    feedPosition: input.feedPosition,
    headPosition: null,
    decrees: [],
    contentHash: null,
    sha256: null,
    storageKey: null,
    size: null,
    jobId: input.jobId,
    status: 'failed',
    error: input.error.slice(0, 4000),
    draft: null,
    finalisation: null,
  });
}
