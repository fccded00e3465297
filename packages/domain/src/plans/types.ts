import type { Formula, Polarity, RollupRule } from '../measurement';

export const INDICATOR_KINDS = ['iku', 'iki', 'program', 'kegiatan', 'sub_kegiatan'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Renstra levels, top to bottom: each element's parent is one level up. */
export const ELEMENT_LEVELS = ['tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan'] as const;
export type ElementLevel = (typeof ELEMENT_LEVELS)[number];

export const POLARITIES = [
  'higher_better',
  'lower_better',
  'range',
] as const satisfies readonly Polarity[];

export const DATA_PERIODS = ['yearly', 'quarterly'] as const;
export type DataPeriod = (typeof DATA_PERIODS)[number];

export const ROLLUP_RULES = ['sum', 'last', 'average'] as const satisfies readonly RollupRule[];

export const DECREE_KINDS = ['penetapan', 'perubahan'] as const;
export type DecreeKind = (typeof DECREE_KINDS)[number];

/** A Renstra element: tujuan, sasaran strategis, program, kegiatan or sub kegiatan. */
export interface PlanElement {
  code: string;
  level: ElementLevel;
  name: string;
  parentCode: string | null;
}

/**
 * One year's target. `value` is a canonical decimal string ("887.43"); `unit` names what a
 * count counts ("dokumen"); range polarity uses min/max; `text` keeps a qualitative target
 * ("Nilai BB") that has no number.
 */
export interface YearTarget {
  year: number;
  value: string | null;
  min?: string | null;
  max?: string | null;
  unit?: string | null;
  text?: string | null;
}

export interface Baseline {
  year: number;
  value: string;
}

export interface Indicator {
  code: string;
  kind: IndicatorKind;
  /** The Renstra element (sasaran, program, kegiatan, sub kegiatan) it measures. */
  elementCode: string;
  /** IKI only: the jabatan whose indicator it is. */
  positionCode: string | null;
  name: string;
  definition: string | null;
  formulaText: string | null;
  formula: Formula | null;
  satuan: string;
  polarity: Polarity;
  sumberData: string | null;
  penanggungJawab: string | null;
  dataPeriod: DataPeriod;
  rollup: RollupRule;
  baseline: Baseline | null;
  targets: YearTarget[];
  /** Cascade (pohon kinerja): the code of the indicator above that this one supports. */
  cascadeTo: string | null;
}

export interface Signer {
  name: string;
  nip: string | null;
  position: string;
}

export interface DecreeInfo {
  number: string;
  title: string;
  /** ISO date the decree was signed (ditetapkan). */
  date: string;
  place: string;
  signer: Signer;
  legalBases: string[];
  kind: DecreeKind;
  periodStart: number;
  periodEnd: number;
}
