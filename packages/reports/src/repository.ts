// The `reports` table: one row per generated file (or per failed attempt), never updated.
import { randomUUID } from 'node:crypto';
import type { Sql } from '@sakip/db';
import type { ObjectStorage } from '@sakip/storage';
import type { ReportFinalisation } from './data';

export const REPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface ReportRow {
  id: string;
  opdId: string;
  year: number;
  format: ReportFormat;
  feedPosition: number;
  headPosition: number | null;
  decrees: { number: string; date: string }[];
  contentHash: string | null;
  sha256: string | null;
  storageKey: string | null;
  size: number | null;
  createdAt: string;
  jobId: string | null;
  status: 'ready' | 'failed';
  error: string | null;
  /** True when the file is marked DRAF (unverified values or not finalised); null before it was recorded. */
  draft: boolean | null;
  finalisation: ReportFinalisation | null;
}

interface Row {
  id: string;
  opd_id: string;
  year: number;
  format: ReportFormat;
  feed_position: number;
  head_position: number | null;
  decrees: { number: string; date: string }[];
  content_hash: string | null;
  sha256: string | null;
  storage_key: string | null;
  size: number | null;
  created_at: Date;
  job_id: string | null;
  status: 'ready' | 'failed';
  error: string | null;
  draft: boolean | null;
  finalisation: ReportFinalisation | null;
}

const toRow = (r: Row): ReportRow => ({
  id: r.id,
  opdId: r.opd_id,
  year: r.year,
  format: r.format,
  feedPosition: Number(r.feed_position),
  headPosition: r.head_position === null ? null : Number(r.head_position),
  decrees: r.decrees,
  contentHash: r.content_hash,
  sha256: r.sha256,
  storageKey: r.storage_key,
  size: r.size === null ? null : Number(r.size),
  createdAt: r.created_at.toISOString(),
  jobId: r.job_id,
  status: r.status,
  error: r.error,
  draft: r.draft,
  finalisation: r.finalisation,
});

export async function insertReport(
  sql: Sql,
  r: Omit<ReportRow, 'id' | 'createdAt'>,
): Promise<ReportRow> {
  const [row] = await sql<Row[]>`
    insert into reports (id, opd_id, year, format, feed_position, head_position, decrees, content_hash, sha256, storage_key, size, job_id, status, error, draft, finalisation)
    values (${randomUUID()}, ${r.opdId}, ${r.year}, ${r.format}, ${r.feedPosition}, ${r.headPosition}, ${sql.json(r.decrees)}, ${r.contentHash}, ${r.sha256}, ${r.storageKey}, ${r.size}, ${r.jobId}, ${r.status}, ${r.error}, ${r.draft}, ${r.finalisation === null ? null : sql.json(r.finalisation as never)})
    returning *`;
  return toRow(row!);
}

/** Reports of an OPD (or pemda), newest first; `year` and `status` narrow it. */
export async function listReports(
  sql: Sql,
  filter: { opdId?: string; year?: number; status?: 'ready' | 'failed'; limit?: number } = {},
): Promise<ReportRow[]> {
  const rows = await sql<Row[]>`
    select * from reports
    where true
      ${filter.opdId === undefined ? sql`` : sql`and opd_id = ${filter.opdId}`}
      ${filter.year === undefined ? sql`` : sql`and year = ${filter.year}`}
      ${filter.status === undefined ? sql`` : sql`and status = ${filter.status}`}
    order by created_at desc, format
    limit ${filter.limit ?? 200}`;
  return rows.map(toRow);
}

/** The latest ready report's feed position for an OPD and year (null when none). */
export async function lastReportedPosition(
  sql: Sql,
  opdId: string,
  year: number,
): Promise<number | null> {
  const [row] = await sql<
    { p: number | null }[]
  >`select max(feed_position)::bigint as p from reports where opd_id = ${opdId} and year = ${year} and status = 'ready'`;
  return row?.p ?? null;
}

export class ReportNotFound extends Error {
  constructor(readonly id: string) {
    super(`Laporan tidak ditemukan / report not found: ${id}`);
    this.name = 'ReportNotFound';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored report with its bytes, exactly as generated. */
export async function readReport(
  deps: { sql: Sql; storage: ObjectStorage },
  id: string,
): Promise<{ report: ReportRow; bytes: Buffer; contentType: string; fileName: string }> {
  if (!UUID.test(id)) throw new ReportNotFound(id);
  const [row] = await deps.sql<Row[]>`select * from reports where id = ${id}`;
  if (!row || row.status !== 'ready' || !row.storage_key) throw new ReportNotFound(id);
  const report = toRow(row);
  const bytes = await deps.storage.get(row.storage_key);
  return {
    report,
    bytes,
    contentType: CONTENT_TYPES[report.format],
    fileName: reportFileName(report.opdId, report.year, report.format, report.feedPosition),
  };
}

export const reportFileName = (
  opdId: string,
  year: number,
  format: ReportFormat,
  feedPosition: number,
) => `LKjIP-${opdId}-${year}-p${feedPosition}.${format}`;
