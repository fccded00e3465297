// The realization value of one entry: typed directly, or computed from the formula inputs
// (jumlah koperasi sehat / jumlah koperasi × 100). Computed values are kept exact
// ("33.333…"); rounding is for display only.
import { fail } from '../shared/errors';
import {
  Dec,
  evaluateFormula,
  isCanonicalDecimal,
  requiredInputs,
  toDecimalString,
  type Formula,
} from '../measurement';

/** Formula inputs as entered: canonical decimal text, or a list for series formulas (cv). */
export type RealizationInputs = Record<string, string | string[]>;

export interface ResolvedValue {
  value: string;
  inputs: RealizationInputs | null;
}

/** "a / b" messages of the measurement module split into the two languages. */
function splitMessage(message: string): [string, string] {
  const i = message.indexOf(' / ');
  return i < 0 ? [message, message] : [message.slice(0, i), message.slice(i + 3)];
}

function decimalsWritten(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A typed value agrees with the computed one when the computed value, rounded half-up to the
 * decimals the user typed, equals it: people type "33.33" for 25 / 75 × 100. The exact
 * computed value is what is stored.
 */
export function agreesAtTypedPrecision(computed: string, typed: string): boolean {
  const places = decimalsWritten(typed.trim());
  return new Dec(computed).toDecimalPlaces(places, Dec.ROUND_HALF_UP).equals(new Dec(typed.trim()));
}

function normalizeInputs(inputs: RealizationInputs): RealizationInputs {
  const out: RealizationInputs = {};
  for (const [name, v] of Object.entries(inputs))
    out[name] = Array.isArray(v) ? v.map((x) => String(x).trim()) : String(v).trim();
  return out;
}

/**
 * Either value or inputs (with the indicator's formula) must be given; both → they must agree.
 * Errors name the field: ['value'], ['inputs'] or ['inputs', inputName].
 */
export function resolveRealizationValue(
  value: string | null | undefined,
  inputs: RealizationInputs | null | undefined,
  formula: Formula | null | undefined,
): ResolvedValue {
  const typed = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  if (typed !== null && !isCanonicalDecimal(typed)) {
    fail(
      'realization_invalid_value',
      `Realisasi "${typed}" bukan angka desimal (gunakan titik, contoh 33.33)`,
      `Realization "${typed}" is not a decimal (use a point, e.g. 33.33)`,
      ['value'],
    );
  }
  const hasInputs = inputs !== null && inputs !== undefined && Object.keys(inputs).length > 0;
  if (!hasInputs) {
    if (typed === null) {
      fail(
        'realization_value_required',
        'Isi nilai realisasi atau data input rumusnya',
        'Enter the realization value or the inputs of its formula',
        ['value'],
      );
    }
    return { value: toDecimalString(typed), inputs: null };
  }
  if (formula === null || formula === undefined) {
    fail(
      'realization_no_formula',
      'Indikator ini tidak memiliki rumus; isi nilai realisasi secara langsung',
      'This indicator has no formula; enter the realization value directly',
      ['inputs'],
    );
  }
  const names = requiredInputs(formula);
  for (const name of Object.keys(inputs)) {
    if (!names.includes(name)) {
      fail(
        'realization_unknown_input',
        `Input "${name}" tidak dipakai rumus indikator (yang dipakai: ${names.join(', ')})`,
        `Input "${name}" is not used by the indicator's formula (expected: ${names.join(', ')})`,
        ['inputs', name],
      );
    }
  }
  const kept = normalizeInputs(inputs);
  const result = evaluateFormula(formula, kept);
  if (!result.ok) {
    const [id, en] = splitMessage(result.error.message);
    fail(`formula_${result.error.code}`, id, en, ['inputs', result.error.input ?? names[0] ?? '']);
  }
  if (typed !== null && !agreesAtTypedPrecision(result.value, typed)) {
    const shown = new Dec(result.value)
      .toDecimalPlaces(Math.max(2, decimalsWritten(typed)), Dec.ROUND_HALF_UP)
      .toFixed();
    fail(
      'realization_value_mismatch',
      `Nilai realisasi ${typed} tidak sama dengan hasil rumus (${shown})`,
      `Realization ${typed} does not match the formula result (${shown})`,
      ['value'],
    );
  }
  return { value: result.value, inputs: kept };
}
