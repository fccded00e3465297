// Quarterly (triwulan) → yearly roll-up of realizations. The rule depends on what the
// indicator measures, and missing quarters are reported, never silently taken as 0: a
// forgotten TW III entry must not look like a bad year.
import {
  Dec,
  isBlank,
  sumDecimals,
  toDecimalString,
  tryDecimal,
  type DecimalInput,
} from './decimal';
import { insufficientData, invalidInput, type MeasurementError } from './errors';

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * sum: flows and counts (jumlah dokumen, kunjungan): year = Σ quarters.
 * last: stocks and percentages (jumlah koperasi, % koperasi sehat): the position at the end
 *   of the period, taken from the LAST quarter that has a value (e.g. Q3 when Q4 is not yet
 *   entered); the skipped quarters are listed in missingQuarters.
 * average: mean of the quarters that have values (divisor = number of those quarters).
 */
export type RollupRule = 'sum' | 'last' | 'average';

export type QuarterValues = Partial<Record<Quarter, DecimalInput | null>>;

export interface RollupOptions {
  /** Roll up TW I..throughQuarter only (mid-year reporting). Default 4. */
  throughQuarter?: Quarter;
  /** Fail with insufficient_data if any quarter in the period is missing. Default false. */
  requireAllQuarters?: boolean;
}

export type RollupResult =
  | {
      ok: true;
      value: string;
      rule: RollupRule;
      /** Quarters whose values were used. */
      quartersUsed: Quarter[];
      /** Quarters in the period with no value: shown to the user as "TW … belum diisi". */
      missingQuarters: Quarter[];
      complete: boolean;
    }
  | { ok: false; error: MeasurementError };

const ROMAN: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export function quarterName(q: Quarter): string {
  return `TW ${ROMAN[q]}`;
}

export function rollupQuarters(
  values: QuarterValues,
  rule: RollupRule,
  options: RollupOptions = {},
): RollupResult {
  const through = options.throughQuarter ?? 4;
  const present: { q: Quarter; v: Dec }[] = [];
  const missingQuarters: Quarter[] = [];
  for (const q of QUARTERS.filter((x) => x <= through)) {
    const raw = values[q];
    if (isBlank(raw)) {
      missingQuarters.push(q);
      continue;
    }
    const d = tryDecimal(raw);
    if (d === null) {
      return invalidInput(
        quarterName(q),
        `Nilai ${quarterName(q)} bukan angka: '${String(raw)}' / ${quarterName(q)} value is not a number`,
      );
    }
    present.push({ q, v: d });
  }
  const missingNames = missingQuarters.map(quarterName).join(', ');
  if (present.length === 0) {
    return insufficientData(
      undefined,
      `Belum ada realisasi triwulan / no quarterly values (${missingNames})`,
    );
  }
  if (options.requireAllQuarters && missingQuarters.length > 0) {
    return insufficientData(
      missingQuarters.length === 1 ? quarterName(missingQuarters[0] as Quarter) : undefined,
      `Realisasi belum lengkap: ${missingNames} belum diisi / incomplete: ${missingNames} missing`,
    );
  }
  let value: Dec;
  switch (rule) {
    case 'sum':
      value = sumDecimals(present.map((p) => p.v));
      break;
    case 'average':
      value = sumDecimals(present.map((p) => p.v)).div(present.length);
      break;
    case 'last':
      value = (present[present.length - 1] as { v: Dec }).v;
      break;
  }
  return {
    ok: true,
    value: toDecimalString(value),
    rule,
    quartersUsed: present.map((p) => p.q),
    missingQuarters,
    complete: missingQuarters.length === 0,
  };
}
