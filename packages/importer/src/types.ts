import type { FundingSource, UnitKind } from '@sakip/domain';
import type { DecreeInfo, Indicator, PlanElement, Signer, Target } from './plan-types';

export type ImportKind =
  'organisasi' | 'sk' | 'pk' | 'anggaran' | 'target' | 'realisasi' | 'narasi' | 'serapan';
export const IMPORT_KINDS: readonly ImportKind[] = [
  'organisasi',
  'sk',
  'pk',
  'anggaran',
  'target',
  'realisasi',
  'narasi',
  'serapan',
];

/**
 * One problem found in the file. `row` is the 1-based spreadsheet row (row 1 = header row);
 * row 0 means the problem is about the file or a whole sheet (unknown template, missing sheet).
 * `column` is the template's header name ("target_2024"), or '' when no single column applies.
 * `message` is "Bahasa Indonesia / English".
 */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** Where an entity came from: the sheet name and the 1-based spreadsheet row. */
export interface SourceRef {
  sheet: string;
  row: number;
}

export type ParseResult<T> =
  | { ok: true; kind: ImportKind; document: T; rowCount: number }
  | {
      ok: false;
      kind: ImportKind | null;
      problems: ImportProblem[];
      rowCount: number;
      /**
       * The rows without problems, when the file could be read as its template: for the
       * database checks of the same dry run, so every problem is reported at once. Never written.
       */
      partial?: T;
    };

export interface ProgressEvent {
  phase: 'read' | 'validate';
  done: number;
  total: number;
}

export interface ParseOptions {
  onProgress?: (p: ProgressEvent) => void;
}

// --- organisasi -------------------------------------------------------------------------

export interface ImportedRegion {
  code: string;
  name: string;
  codeEdition: string;
  source: SourceRef;
}
export interface ImportedOpd {
  regionCode: string;
  code: string;
  name: string;
  source: SourceRef;
}
export interface ImportedUnit {
  opdId: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  source: SourceRef;
}
export interface ImportedPosition {
  opdId: string;
  code: string;
  title: string;
  unitCode: string | null;
  /** '' when the cell is empty (some decrees print no tugas). */
  tugas: string;
  fungsi: string[];
  source: SourceRef;
}
export interface OrganisasiDocument {
  kind: 'organisasi';
  regions: ImportedRegion[];
  opds: ImportedOpd[];
  units: ImportedUnit[];
  positions: ImportedPosition[];
}

// --- sk ---------------------------------------------------------------------------------

export interface Retirement {
  code: string;
  reason: string;
  source: SourceRef;
}

/**
 * `decree`, `elements` and `indicators` are exactly the domain shapes (no extra fields), so
 * their provenance is kept in the parallel `sources`: `sources.elements[i]` is the row of
 * `elements[i]`, `sources.indicators[i]` the row of `indicators[i]` (its targets are the
 * `target_<year>` cells of that row), `sources.decree` the first row of the SK sheet.
 */
export interface SkDocument {
  kind: 'sk';
  opdId: string;
  decree: DecreeInfo;
  elements: PlanElement[];
  indicators: Indicator[];
  retirements: Retirement[];
  sources: { decree: SourceRef; elements: SourceRef[]; indicators: SourceRef[] };
}

// --- pk ---------------------------------------------------------------------------------

export interface PkTarget {
  indicatorCode: string;
  /** Canonical decimal string, null for "-" or a qualitative target. */
  value: string | null;
  /** Range target ("10 - 20"): bounds as canonical decimals, else null. */
  min: string | null;
  max: string | null;
  /** satuan_hitung, or the unit written after the number ("2 dokumen"). */
  unit: string | null;
  /** Qualitative target ("Tidak ada temuan") or the predikat after '|' ("85 | Nilai A"). */
  text: string | null;
  /** true when the cell was written with '%' (the import plan checks it against the indicator's satuan). */
  percent: boolean;
  source: SourceRef;
}
export interface PkBudget {
  programCode: string;
  amount: string;
  source: SourceRef;
}
export interface PkDocument {
  kind: 'pk';
  opdId: string;
  year: number;
  positionCode: string;
  firstParty: Signer;
  secondParty: Signer;
  date: string;
  revisionReason: string | null;
  targets: PkTarget[];
  budgets: PkBudget[];
  source: SourceRef;
}

// --- anggaran ---------------------------------------------------------------------------

export const BUDGET_STAGES = [
  'renja_murni',
  'rka',
  'dpa_pengesahan',
  'dpa_pergeseran',
  'dpa_perubahan',
] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];
export type { FundingSource };

export interface BudgetLine {
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  /** Canonical decimal string (rupiah). */
  amount: string;
  fundingSource: FundingSource;
  source: SourceRef;
}
export interface BudgetStageDocument {
  opdId: string;
  year: number;
  stage: BudgetStage;
  documentRef: string;
  date: string;
  lines: BudgetLine[];
  /** First row of the stage. */
  source: SourceRef;
}
export interface AnggaranDocument {
  kind: 'anggaran';
  stages: BudgetStageDocument[];
}

// --- target -----------------------------------------------------------------------------

export interface TargetRow {
  opdId: string;
  decreeNumber: string;
  indicatorCode: string;
  year: number;
  /** Domain Target (its `year` equals the row's year). */
  target: Target;
  /** true when the cell was written with '%' (the import plan checks it against the indicator's satuan). */
  percent: boolean;
  source: SourceRef;
}
export interface TargetDocument {
  kind: 'target';
  rows: TargetRow[];
}

// --- realisasi / narasi / serapan -----------------------------------------------------------

/** Reporting period, as the domain's realizations/periods.ts: the four triwulan and the year. */
export const REPORT_PERIODS = ['TW1', 'TW2', 'TW3', 'TW4', 'YEAR'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** Formula inputs as written in the `input` cell: canonical decimals, a list for a series. */
export type RealizationInputs = Record<string, string | string[]>;

export interface RealizationRow {
  opdId: string;
  indicatorCode: string;
  year: number;
  period: ReportPeriod;
  /** Canonical decimal string of `nilai`, null when only inputs are given. */
  value: string | null;
  /** true when `nilai` was written with '%' (the import plan checks it against the indicator's satuan). */
  percent: boolean;
  /** Parsed `input` cell, null when empty. Names are kept as written (trimmed). */
  inputs: RealizationInputs | null;
  /** Domain Evidence; an attachment is uploaded through the application, never imported. */
  evidence: { documentRef: string; dataSource: string; attachment: null };
  note: string | null;
  source: SourceRef;
}

/** One angka pembanding (domain RecordComparison without the actor). */
export interface ComparisonRow {
  scope: 'province' | 'national';
  /** Two-digit province code ("18"); '' for national. */
  code: string;
  indicatorKey: string;
  year: number;
  /** Canonical decimal string. */
  value: string;
  /** true when `nilai` was written with '%'. */
  percent: boolean;
  /** The `sumber` column (BPS, kementerian): the domain command's `source`. */
  dataSource: string;
  source: SourceRef;
}

export interface RealisasiDocument {
  kind: 'realisasi';
  rows: RealizationRow[];
  /** Rows of the optional `Pembanding` sheet; empty when the sheet is absent. */
  comparisons: ComparisonRow[];
}

export interface NarrativeRow {
  opdId: string;
  sasaranCode: string;
  year: number;
  /** '' when the cell is empty; at least one of the three is non-empty. */
  faktorPendukung: string;
  faktorPenghambat: string;
  solusi: string;
  source: SourceRef;
}
export interface NarasiDocument {
  kind: 'narasi';
  rows: NarrativeRow[];
}

export interface SpendingRow {
  opdId: string;
  year: number;
  period: ReportPeriod;
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  /** Rupiah spent in this period (not cumulative), canonical decimal string, ≥ 0, ≤ 2 decimals. */
  amount: string;
  source: SourceRef;
}
export interface SerapanDocument {
  kind: 'serapan';
  rows: SpendingRow[];
}

export type ImportDocument =
  | OrganisasiDocument
  | SkDocument
  | PkDocument
  | AnggaranDocument
  | TargetDocument
  | RealisasiDocument
  | NarasiDocument
  | SerapanDocument;
