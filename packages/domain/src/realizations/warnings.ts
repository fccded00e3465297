// Plausibility warnings on a realization: shown to the operator and the verifier, never
// blocking (a real jump can happen; a typo in the thousands is far more common).
import type { Indicator } from '../plans/types';
import { Dec, formatIndonesianNumber, isBlank, sumDecimals, tryDecimal } from '../measurement';
import { QUARTER_PERIODS, type Period } from './periods';

export type RealizationWarningCode =
  'outside_history' | 'percent_over_100' | 'quarters_do_not_add_up';

export interface RealizationWarning {
  code: RealizationWarningCode;
  messageId: string;
  messageEn: string;
}

/** Standard deviations from the historical mean beyond which a value is flagged. */
export const HISTORY_SD_LIMIT = 3;
/** Multiple of the largest historical value beyond which a value is flagged. */
export const HISTORY_MAX_FACTOR = 3;

function decimals(values: readonly (string | null)[]): Dec[] {
  return values.map((v) => (isBlank(v) ? null : tryDecimal(v))).filter((d): d is Dec => d !== null);
}

/**
 * outside_history, either of:
 *  - at least 3 previous years with values and the value lies outside mean ± 3·s (sample
 *    standard deviation, like Excel's STDEV.S); skipped when s = 0 (a flat history says
 *    nothing about spread);
 *  - at least 1 previous year and the value exceeds 3 × the largest previous value (only when
 *    that maximum is > 0), which catches a misplaced thousands separator with a short history.
 */
function outsideHistory(value: Dec, history: readonly Dec[]): boolean {
  if (history.length >= 3) {
    const n = history.length;
    const mean = sumDecimals(history).div(n);
    const s = sumDecimals(history.map((h) => h.minus(mean).pow(2)))
      .div(n - 1)
      .sqrt();
    if (!s.isZero() && value.minus(mean).abs().gt(s.times(HISTORY_SD_LIMIT))) return true;
  }
  if (history.length >= 1) {
    const max = Dec.max(...history);
    if (max.gt(0) && value.gt(max.times(HISTORY_MAX_FACTOR))) return true;
  }
  return false;
}

const isPercentUnit = (satuan: string) => ['%', 'persen'].includes(satuan.trim().toLowerCase());

export function realizationWarnings(args: {
  indicator: Pick<Indicator, 'satuan' | 'formula' | 'rollup'>;
  /** Previous years' realizations. */
  history: readonly { year: number; value: string | null }[];
  /** The year's value (YEAR entry or roll-up). */
  value: string | null;
  quarters: Partial<Record<Period, string | null>>;
}): RealizationWarning[] {
  const { indicator, history, quarters } = args;
  const value = isBlank(args.value) ? null : tryDecimal(args.value);
  const out: RealizationWarning[] = [];
  if (value !== null && outsideHistory(value, decimals(history.map((h) => h.value)))) {
    const shown = formatIndonesianNumber(value);
    out.push({
      code: 'outside_history',
      messageId: `Nilai ${shown} jauh di luar realisasi tahun-tahun sebelumnya; periksa kembali (mis. salah pemisah ribuan)`,
      messageEn: `Value ${value.toFixed()} is far outside previous years' realizations; please check it (e.g. a misplaced thousands separator)`,
    });
  }
  // A ratio measured in % cannot exceed 100 (a part of a whole); growth rates and scores can.
  if (
    value !== null &&
    isPercentUnit(indicator.satuan) &&
    indicator.formula?.kind === 'ratio' &&
    value.gt(100)
  ) {
    out.push({
      code: 'percent_over_100',
      messageId: `Persentase ${formatIndonesianNumber(value)}% melebihi 100%; periksa pembilang dan penyebut`,
      messageEn: `Percentage ${value.toFixed()}% exceeds 100%; check the numerator and denominator`,
    });
  }
  // Only when all four quarters are in: with one missing the gap is expected, not an error.
  const qs = QUARTER_PERIODS.map((p) => quarters[p] ?? null);
  const qd = decimals(qs);
  if (value !== null && indicator.rollup === 'sum' && qd.length === 4) {
    const sum = sumDecimals(qd);
    if (!sum.equals(value)) {
      out.push({
        code: 'quarters_do_not_add_up',
        messageId: `Jumlah TW I–IV (${formatIndonesianNumber(sum)}) tidak sama dengan nilai tahunan (${formatIndonesianNumber(value)})`,
        messageEn: `Q1–Q4 add up to ${sum.toFixed()}, not the yearly value ${value.toFixed()}`,
      });
    }
  }
  return out;
}
