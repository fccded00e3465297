// Capaian kinerja (achievement, %) of a realization R against a target T, per indicator
// polarity. A capaian that cannot be computed is reported as such, never as 0: a 0% capaian
// in an LKjIP means "nothing achieved", which is a different (and damaging) statement.
// Values are exact; round only for display (displayCapaian).
import {
  Dec,
  isBlank,
  toDecimalString,
  toFixedString,
  tryDecimal,
  type DecimalInput,
} from './decimal';

export type LowerIsBetterMethod = 'two_t_minus_r' | 'inverse_ratio';

export interface CapaianSettings {
  /**
   * two_t_minus_r (default): (2T − R) / T × 100, floored at 0 — symmetric with higher_better
   * (R 10% under target → 110%), bounded below.
   * inverse_ratio: T / R × 100 — simple inverse ratio; unbounded as R → 0, not computable at R = 0.
   */
  lowerIsBetterMethod: LowerIsBetterMethod;
}

export const DEFAULT_CAPAIAN_SETTINGS: CapaianSettings = { lowerIsBetterMethod: 'two_t_minus_r' };

type Value = DecimalInput | null | undefined;

export type CapaianInput =
  | { polarity: 'higher_better'; target: Value; realization: Value }
  | { polarity: 'lower_better'; target: Value; realization: Value }
  /** Target is a band (e.g. inflasi 2,5 ± 1 %): inside [min, max] is 100%. */
  | {
      polarity: 'range';
      target: { min: Value; max: Value } | null | undefined;
      realization: Value;
    };

export type Polarity = CapaianInput['polarity'];

export type CapaianNotComputableReason =
  | 'no_target'
  | 'target_zero'
  | 'no_realization'
  | 'invalid_target'
  | 'invalid_realization'
  | 'realization_zero';

export type CapaianResult =
  | { computable: true; value: string }
  | { computable: false; reason: CapaianNotComputableReason; message: string };

const MESSAGES: Record<CapaianNotComputableReason, string> = {
  no_target: 'Target belum diisi / target is missing',
  target_zero:
    'Target bernilai 0, capaian tidak dapat dihitung / target is 0, achievement cannot be computed',
  no_realization: 'Realisasi belum diisi / realization is missing',
  invalid_target: 'Target tidak valid / invalid target',
  invalid_realization: 'Realisasi tidak valid / invalid realization',
  realization_zero:
    'Realisasi bernilai 0, metode T/R tidak dapat dihitung / realization is 0, the T/R method cannot be computed',
};

function notComputable(reason: CapaianNotComputableReason): CapaianResult {
  return { computable: false, reason, message: MESSAGES[reason] };
}

function computed(d: Dec): CapaianResult {
  return { computable: true, value: toDecimalString(d) };
}

const HUNDRED = new Dec(100);
const ZERO = new Dec(0);

function read(
  value: Value,
  missing: CapaianNotComputableReason,
  invalid: CapaianNotComputableReason,
): Dec | CapaianNotComputableReason {
  if (isBlank(value)) return missing;
  return tryDecimal(value) ?? invalid;
}

/** (2T − R) / T × 100 floored at 0: the shared "over the limit" formula for lower_better and range-above-max. */
function twoTMinusR(t: Dec, r: Dec): Dec {
  return Dec.max(ZERO, t.times(2).minus(r).times(HUNDRED).div(t));
}

export function computeCapaian(
  input: CapaianInput,
  settings: Partial<CapaianSettings> = {},
): CapaianResult {
  const { lowerIsBetterMethod } = { ...DEFAULT_CAPAIAN_SETTINGS, ...settings };

  if (input.polarity === 'range') {
    // Range method (documented choice):
    //   min ≤ R ≤ max → 100
    //   R < min       → R / min × 100, floored at 0 (like higher_better against min)
    //   R > max       → (2·max − R) / max × 100, floored at 0 (like lower_better against max)
    // A min > max band is an invalid target. Check the target before the realization so a
    // missing band is reported first (the usual case early in the year is both missing).
    if (!input.target) return notComputable('no_target');
    const min = read(input.target.min, 'no_target', 'invalid_target');
    if (typeof min === 'string') return notComputable(min);
    const max = read(input.target.max, 'no_target', 'invalid_target');
    if (typeof max === 'string') return notComputable(max);
    if (min.gt(max)) return notComputable('invalid_target');
    const r = read(input.realization, 'no_realization', 'invalid_realization');
    if (typeof r === 'string') return notComputable(r);
    if (r.gte(min) && r.lte(max)) return computed(HUNDRED);
    if (r.lt(min)) {
      if (min.isZero()) return notComputable('target_zero');
      return computed(Dec.max(ZERO, r.times(HUNDRED).div(min)));
    }
    if (max.isZero()) return notComputable('target_zero');
    return computed(twoTMinusR(max, r));
  }

  const t = read(input.target, 'no_target', 'invalid_target');
  if (typeof t === 'string') return notComputable(t);
  const r = read(input.realization, 'no_realization', 'invalid_realization');
  if (typeof r === 'string') return notComputable(r);
  if (t.isZero()) return notComputable('target_zero');

  if (input.polarity === 'higher_better') {
    // R / T × 100, not capped: over-achievement (e.g. 120%) is reported as is.
    return computed(r.times(HUNDRED).div(t));
  }
  if (lowerIsBetterMethod === 'inverse_ratio') {
    if (r.isZero()) return notComputable('realization_zero');
    return computed(t.times(HUNDRED).div(r));
  }
  return computed(twoTMinusR(t, r));
}

/** Display rounding (half-up), kept separate from the exact value: '116.6666…' → '116.67'. */
export function displayCapaian(value: DecimalInput, places = 2): string {
  return toFixedString(value, places);
}
