// The LKjIP document model: a flat list of blocks per part (cover, front matter, body), built
// from plain data by buildLkjip and laid out by the DOCX, PDF and HTML renderers. Pure and
// deterministic: the same data gives the same model (and contentHash).
import { createHash } from 'node:crypto';
import type { ReportFinalisation } from './data';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Column {
  header: string;
  /** Relative width; the renderers scale the columns to the page. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  color: string;
}

export interface ChartSpec {
  kind: 'bar';
  /** Label of the value axis ("Capaian (%)", "Juta rupiah"). */
  unit: string;
  categories: string[];
  series: ChartSeries[];
  /** A dashed reference line (100 % for capaian). */
  reference?: { value: number; label: string };
}

export type Block =
  | {
      type: 'heading';
      level: 1 | 2 | 3;
      text: string;
      id: string;
      /** Listed in the table of contents. */ toc: boolean;
    }
  | {
      type: 'paragraph';
      text: string;
      align?: Align;
      bold?: boolean;
      italic?: boolean;
      size?: 'small' | 'normal' | 'large' | 'title';
    }
  | { type: 'list'; ordered: boolean; items: string[] }
  | {
      type: 'table';
      id: string;
      caption: string;
      columns: Column[];
      rows: string[][];
      /** Row indexes shown bold (totals, groups). */ boldRows?: number[];
      note?: string;
    }
  | { type: 'chart'; id: string; caption: string; chart: ChartSpec }
  | { type: 'toc'; title: string }
  | { type: 'captionList'; kind: 'table' | 'chart'; title: string }
  | { type: 'pageBreak' }
  | {
      type: 'signature';
      place: string;
      date: string;
      position: string;
      name: string;
      nip: string | null;
    };

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  subjectId: string;
  kind: 'opd' | 'pemda';
  year: number;
  feedPosition: number;
  /** ISO date of the data. */
  dataDate: string;
  /** Creation date written into the DOCX/PDF properties: the data date, never the clock. */
  createdAt: string;
  decrees: { number: string; date: string }[];
  /** Printed values not verified yet, or not finalised: "DRAF" on the cover and every footer. */
  draft: boolean;
  finalisation: ReportFinalisation | null;
  /** Short footer text ("LKjIP 2024 · Dinas …", "DRAF · LKjIP …" for a draft). */
  footer: string;
}

export interface LkjipDocument {
  meta: DocumentMeta;
  cover: Block[];
  /** Kata pengantar, ikhtisar eksekutif, daftar isi/tabel/grafik: roman page numbers. */
  front: Block[];
  /** Bab I … Lampiran: arabic page numbers from 1. */
  body: Block[];
}

export type TableBlock = Extract<Block, { type: 'table' }>;
export type ChartBlock = Extract<Block, { type: 'chart' }>;
export type HeadingBlock = Extract<Block, { type: 'heading' }>;

/** Every block of the document, in order. */
export const allBlocks = (doc: LkjipDocument): Block[] => [...doc.cover, ...doc.front, ...doc.body];

/** sha256 of the model: the same feed position and templates give the same hash in every format. */
export function contentHash(doc: LkjipDocument): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}
