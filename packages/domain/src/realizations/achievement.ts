// Capaian kinerja of an indicator for a year, from the target in force and the realizations
// per period, and the efficiency of a program. Pure: the application supplies the values.
import type { Indicator, YearTarget } from '../plans/types';
import {
  computeCapaian,
  computeEfficiency,
  computeSerapan,
  displayCapaian,
  DEFAULT_PREDIKAT_SCALE,
  insufficientData,
  invalidInput,
  isBlank,
  predikatFor,
  rollupQuarters,
  sumDecimals,
  toDecimalString,
  tryDecimal,
  type CapaianInput,
  type CapaianResult,
  type CapaianSettings,
  type Dec,
  type EfficiencyMethod,
  type EfficiencyResult,
  type MeasurementError,
  type PredikatBand,
  type PredikatScale,
  type QuarterValues,
  type SerapanResult,
} from '../measurement';
import {
  PERIOD_OF_QUARTER,
  QUARTER_OF,
  QUARTER_PERIODS,
  type Period,
  type QuarterPeriod,
} from './periods';

// --- target in force ------------------------------------------------------------------

/** Which document a target in force was taken from. */
export type TargetOrigin =
  | {
      kind: 'pk';
      year: number;
      positionCode: string;
      /** The jabatan as the PK names it ("Kepala Bidang Perdagangan"). */
      position: string;
      /** 0 for the signed PK, n for the n-th PK Perubahan. */
      revision: number;
    }
  | { kind: 'renstra'; decreeNumber: string };

export interface TargetInForce {
  value: string | null;
  /** Range polarity band, from the PK when it gives one, else from the Renstra. */
  min: string | null;
  max: string | null;
  text: string | null;
  unit: string | null;
  /** Where the target comes from, shown next to it; null when there is none. */
  source: 'pk' | 'renstra' | null;
  /** The document itself, when the caller knows it. */
  origin: TargetOrigin | null;
  /** "PK 2024 Kepala Bidang Perdagangan (revisi 2)" / "Renstra SK 050/18/…"; null when unknown. */
  sourceLabel: string | null;
}

export interface PkTargetValue {
  value: string | null;
  min?: string | null;
  max?: string | null;
  text?: string | null;
  unit?: string | null;
}

/** How reports and dashboards name the document a target came from. */
export function targetOriginLabel(origin: TargetOrigin): string {
  if (origin.kind === 'renstra') return `Renstra SK ${origin.decreeNumber}`;
  const revision = origin.revision > 0 ? ` (revisi ${origin.revision})` : '';
  return `PK ${origin.year} ${origin.position}${revision}`;
}

const orNull = (v: string | null | undefined): string | null => (isBlank(v) ? null : v.trim());

/**
 * The PK (Perjanjian Kinerja) of the year is what the head signed for, so its target wins
 * over the Renstra's; the Renstra target is the fallback. A Renstra target of another year is
 * ignored. The origins, when given, name the PK revision and the SK quoted.
 */
export function targetInForce(args: {
  year: number;
  renstraTarget: YearTarget | undefined;
  pkTarget: PkTargetValue | undefined;
  pkOrigin?: Extract<TargetOrigin, { kind: 'pk' }> | null;
  renstraOrigin?: Extract<TargetOrigin, { kind: 'renstra' }> | null;
}): TargetInForce {
  const { year, renstraTarget, pkTarget } = args;
  const pkText = pkTarget?.text?.trim() || null;
  const from = (origin: TargetOrigin | null | undefined) => ({
    origin: origin ?? null,
    sourceLabel: origin ? targetOriginLabel(origin) : null,
  });
  if (
    pkTarget &&
    (!isBlank(pkTarget.value) || !isBlank(pkTarget.min) || !isBlank(pkTarget.max) || pkText)
  ) {
    return {
      value: orNull(pkTarget.value),
      min: orNull(pkTarget.min),
      max: orNull(pkTarget.max),
      text: pkText,
      unit: pkTarget.unit ?? null,
      source: 'pk',
      ...from(args.pkOrigin),
    };
  }
  if (renstraTarget && renstraTarget.year === year) {
    return {
      value: renstraTarget.value,
      min: renstraTarget.min ?? null,
      max: renstraTarget.max ?? null,
      text: renstraTarget.text ?? null,
      unit: renstraTarget.unit ?? null,
      source: 'renstra',
      ...from(args.renstraOrigin),
    };
  }
  return {
    value: null,
    min: null,
    max: null,
    text: null,
    unit: null,
    source: null,
    origin: null,
    sourceLabel: null,
  };
}

// --- achievement ------------------------------------------------------------------------

export interface AchievementSettings {
  capaian?: Partial<CapaianSettings>;
  predikatScale?: PredikatScale;
  /** Places shown (half-up); the predikat is taken from the shown number. Default 2. */
  displayPlaces?: number;
}

export interface PeriodAchievement {
  period: Period;
  /** The entry as recorded (null when missing). */
  realization: string | null;
  /** The value compared with the target (cumulative to date for 'sum' quarters). */
  basis: string | null;
  capaian: CapaianResult;
  /** Rounded capaian for display, or null when not computable. */
  display: string | null;
  predikat: PredikatBand | null;
}

export interface YearAchievement extends PeriodAchievement {
  /** 'year_entry': the YEAR entry; 'rollup': from the quarters by the indicator's rule. */
  source: 'year_entry' | 'rollup' | null;
  /** Quarters missing from the roll-up ("TW III belum diisi"). */
  missingQuarters: QuarterPeriod[];
  complete: boolean;
}

export interface AchievementResult {
  quarters: PeriodAchievement[];
  year: YearAchievement;
}

type TargetLike = Pick<TargetInForce, 'value'> & Partial<Pick<TargetInForce, 'min' | 'max'>>;

function capaianInput(
  polarity: Indicator['polarity'],
  target: TargetLike,
  realization: string | null,
): CapaianInput {
  if (polarity === 'range')
    return { polarity, target: { min: target.min ?? null, max: target.max ?? null }, realization };
  return { polarity, target: target.value, realization };
}

function rate(
  period: Period,
  realization: string | null,
  basis: string | null,
  input: CapaianInput,
  settings: AchievementSettings,
): PeriodAchievement {
  const capaian = computeCapaian(input, settings.capaian);
  if (!capaian.computable)
    return { period, realization, basis, capaian, display: null, predikat: null };
  const places = settings.displayPlaces ?? 2;
  const predikat = predikatFor(capaian.value, settings.predikatScale ?? DEFAULT_PREDIKAT_SCALE, {
    roundToPlaces: places,
  });
  return {
    period,
    realization,
    basis,
    capaian,
    display: displayCapaian(capaian.value, places),
    predikat: predikat.ok ? predikat.band : null,
  };
}

const entry = (realizations: Partial<Record<Period, string | null>>, p: Period): string | null => {
  const v = realizations[p];
  return isBlank(v) ? null : v.trim();
};

/**
 * Capaian per period and for the year.
 *
 * Quarters are measured against the year target: for 'sum' indicators the basis is the total
 * to date (TW1 + … + TWn: progress toward the year), for 'average' the average to date, for
 * 'last' the quarter's own value. A quarter without an entry is not computable, never 0.
 * The year: the 'YEAR' entry when present, otherwise the quarters rolled up by the
 * indicator's rule, listing the missing quarters.
 */
export function achievementFor(args: {
  indicator: Pick<Indicator, 'polarity' | 'rollup' | 'dataPeriod'>;
  target: TargetLike;
  realizations: Partial<Record<Period, string | null>>;
  settings?: AchievementSettings;
}): AchievementResult {
  const { indicator, target, realizations } = args;
  const settings = args.settings ?? {};
  const values: QuarterValues = {};
  for (const p of QUARTER_PERIODS) values[QUARTER_OF[p]] = entry(realizations, p);
  const anyQuarter = QUARTER_PERIODS.some((p) => entry(realizations, p) !== null);

  const quarters: PeriodAchievement[] = [];
  if (indicator.dataPeriod === 'quarterly' || anyQuarter) {
    for (const p of QUARTER_PERIODS) {
      const own = entry(realizations, p);
      let basis: string | null = own;
      if (own !== null && tryDecimal(own) !== null) {
        const rolled = rollupQuarters(values, indicator.rollup, { throughQuarter: QUARTER_OF[p] });
        basis = rolled.ok ? rolled.value : own;
      }
      quarters.push(rate(p, own, basis, capaianInput(indicator.polarity, target, basis), settings));
    }
  }

  const yearEntry = entry(realizations, 'YEAR');
  let year: YearAchievement;
  if (yearEntry !== null) {
    year = {
      ...rate(
        'YEAR',
        yearEntry,
        yearEntry,
        capaianInput(indicator.polarity, target, yearEntry),
        settings,
      ),
      source: 'year_entry',
      missingQuarters: [],
      complete: true,
    };
  } else {
    const rolled = rollupQuarters(values, indicator.rollup);
    if (rolled.ok) {
      year = {
        ...rate(
          'YEAR',
          null,
          rolled.value,
          capaianInput(indicator.polarity, target, rolled.value),
          settings,
        ),
        source: 'rollup',
        missingQuarters: rolled.missingQuarters.map((q) => PERIOD_OF_QUARTER[q]),
        complete: rolled.complete,
      };
    } else {
      // No usable quarter: pass the offending entry (if any) so the reason is invalid_realization, else no_realization.
      const bad =
        QUARTER_PERIODS.map((p) => entry(realizations, p)).find(
          (v) => v !== null && tryDecimal(v) === null,
        ) ?? null;
      year = {
        ...rate('YEAR', null, null, capaianInput(indicator.polarity, target, bad), settings),
        source: null,
        missingQuarters: QUARTER_PERIODS.filter((p) => entry(realizations, p) === null),
        complete: false,
      };
    }
  }
  return { quarters, year };
}

// --- program efficiency -----------------------------------------------------------------

type Fail = { ok: false; error: MeasurementError };

export interface ProgramEfficiency {
  /** Mean capaian of the program's indicators (exact). */
  averageCapaian: { ok: true; value: string } | Fail;
  serapan: SerapanResult;
  efficiency: EfficiencyResult;
}

/**
 * Efisiensi of a program: average capaian of its indicators against serapan anggaran. Each
 * part is reported on its own, so a missing pagu still shows the average capaian. Pass only
 * computable capaian values: an indicator that cannot be measured is left out, not counted as 0.
 */
export function programEfficiency(args: {
  capaianValues: readonly string[];
  pagu: string | null;
  spent: string | null;
  method?: EfficiencyMethod;
}): ProgramEfficiency {
  const averageCapaian = average(args.capaianValues);
  const serapan = computeSerapan(args.spent, args.pagu);
  let efficiency: EfficiencyResult;
  if (!averageCapaian.ok) efficiency = averageCapaian;
  else if (!serapan.ok) efficiency = serapan;
  else efficiency = computeEfficiency(averageCapaian.value, serapan.value, args.method ?? 'ratio');
  return { averageCapaian, serapan, efficiency };
}

function average(values: readonly string[]): { ok: true; value: string } | Fail {
  if (values.length === 0)
    return insufficientData(
      'capaian',
      'Belum ada capaian indikator program / the program has no indicator capaian',
    );
  const decs: Dec[] = [];
  for (const [i, v] of values.entries()) {
    const d = tryDecimal(v);
    if (d === null)
      return invalidInput(
        `capaianValues[${i}]`,
        `Capaian ke-${i + 1} bukan angka: '${v}' / capaian ${i + 1} is not a number`,
      );
    decs.push(d);
  }
  return { ok: true, value: toDecimalString(sumDecimals(decs).div(decs.length)) };
}
