// The plain data an LKjIP is built from. Everything here is already decided by the domain
// (targets in force, capaian, predikat, efficiency): the report only lays it out. The loader
// fills it from the event store; the benchmark and tests can build it by hand.
import type { UnverifiedEntry } from './verified';

export type PeriodKey = 'TW1' | 'TW2' | 'TW3' | 'TW4' | 'YEAR';

export interface ReportDecree {
  decreeId: string;
  number: string;
  title: string;
  kind: string;
  /** ISO date the decree was signed. */
  date: string;
  sequence: number | null;
}

export interface ReportElement {
  code: string;
  level: 'tujuan' | 'sasaran' | 'program' | 'kegiatan' | 'sub_kegiatan' | string;
  name: string;
  parentCode: string | null;
  /** Pemda-level reports: the OPD the element belongs to. */
  opdName?: string;
}

export interface ReportCapaian {
  /** Exact capaian (decimal text) or null when not computable. */
  value: string | null;
  /** Rounded for display ("104.17"), null when not computable. */
  display: string | null;
  /** Why it is not computable ("Realisasi belum diisi"), null when computable. */
  reason: string | null;
  predikat: string | null;
}

export interface ReportComparisonFigure {
  value: string;
  source: string;
}

export interface ReportIndicator {
  code: string;
  name: string;
  kind: string;
  satuan: string;
  polarity: string;
  /** The sasaran/program element it measures. */
  elementCode: string;
  definition: string | null;
  formulaText: string | null;
  sumberData: string | null;
  baseline: { year: number; value: string } | null;
  /** Renstra targets of every year of the period. */
  renstraTargets: { year: number; value: string | null; text: string | null }[];
  /**
   * Target in force this year (PK over Renstra) and where it came from; sourceLabel names the
   * document ("PK 2024 Kepala Bidang Perdagangan (revisi 2)", "Renstra SK 050/18/…").
   */
  target: {
    value: string | null;
    text: string | null;
    source: 'pk' | 'renstra' | null;
    /**
     * The document the target came from, as printed ("PK 2024 Kepala Bidang Perdagangan
     * (revisi 2)", "Renstra SK 050/18/…").
     */
    sourceLabel: string | null;
  };
  /** Realization per period: the last verified version, else the current one (listed in `unverified`). */
  realizations: Partial<Record<PeriodKey, string | null>>;
  /** Periods of the year whose printed value is not verified yet, with their status. */
  unverified: UnverifiedEntry[];
  /** The value compared with the target for the year (YEAR entry or the quarters rolled up). */
  yearBasis: string | null;
  capaian: ReportCapaian;
  /** Earlier years of the period: realization and capaian; `verified` false when not verified yet. */
  history: {
    year: number;
    realization: string | null;
    capaian: string | null;
    verified: boolean;
    /** That year's periods not verified yet, with their status. */
    unverified: UnverifiedEntry[];
  }[];
  comparison: { province: ReportComparisonFigure | null; national: ReportComparisonFigure | null };
  warnings: string[];
  /** Pemda-level reports: the OPD the indicator belongs to. */
  opdId?: string;
  opdName?: string;
}

export interface ReportNarrative {
  faktorPendukung: string;
  faktorPenghambat: string;
  solusi: string;
}

export interface ReportProgram {
  code: string;
  name: string;
  pagu: string | null;
  spent: string | null;
  serapan: string | null;
  averageCapaian: string | null;
  efficiency: { value: string; label: string } | null;
  opdName?: string;
}

export interface ReportBudgetStage {
  stage: string;
  sequence: number | null;
  documentRef: string;
  total: string;
  byProgram: Record<string, string>;
}

export interface ReportPkParty {
  name: string;
  nip: string | null;
  position: string;
}

export interface ReportPk {
  firstParty: ReportPkParty | null;
  secondParty: ReportPkParty | null;
  revisions: {
    revision: number;
    date: string;
    reason: string | null;
    targets: { indicatorCode: string; value: string | null; text: string | null }[];
    budgets: { programCode: string; amount: string }[];
  }[];
  /** Targets that differ from the Renstra (flagged, never hidden). */
  conflicts: string[];
}

export interface ReportSigner {
  name: string | null;
  nip: string | null;
  position: string;
}

export interface ReportFinalisation {
  /** ISO date printed on the report (kata pengantar). */
  date: string;
  place: string;
  signer: ReportSigner;
}

export interface ReportTemplates {
  kataPengantar: string;
  latarBelakang: string;
}

export interface LkjipData {
  kind: 'opd' | 'pemda';
  /** OPD id, or the region code for a pemda-level report. */
  subjectId: string;
  /** The OPD's (or the pemda's) name. */
  subjectName: string;
  region: { code: string; name: string };
  province: { code: string; name: string } | null;
  year: number;
  /** Event-store position the data was read at (every event ≤ it, none after). */
  feedPosition: number;
  /** ISO date of the data (the last event at or below the position, Asia/Jakarta); never the document date. */
  dataDate: string;
  /** Default place of signing (the seat named in the decree in force), e.g. "Liwa". */
  place: string | null;
  /** Default signer: the head of the OPD, first party of the year's PK (null when there is none). */
  head: ReportSigner | null;
  /** Date, place and signer chosen when the report is finalised; null = not finalised (a draft). */
  finalisation: ReportFinalisation | null;
  period: { start: number; end: number } | null;
  decrees: ReportDecree[];
  /** Tugas and fungsi of the head of the OPD, and the organisation units. */
  tugas: string | null;
  fungsi: string[];
  units: { code: string; name: string; kind: string; parentCode: string | null }[];
  elements: ReportElement[];
  indicators: ReportIndicator[];
  pk: ReportPk | null;
  budgetStages: ReportBudgetStage[];
  programs: ReportProgram[];
  /** Keyed by sasaran code (OPD report) or by OPD id (pemda report: the OPD's narratives joined). */
  narratives: Record<string, ReportNarrative>;
  settings: { lowerIsBetterMethod: string; efficiencyMethod: string };
  templates: ReportTemplates;
  /** Pemda-level: the OPDs aggregated, with their own positions. */
  members?: { opdId: string; name: string; feedPosition: number }[];
}
