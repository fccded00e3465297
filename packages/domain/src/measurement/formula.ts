// Formula engine for indicator formulas ("formula kinds"). A formula names its inputs; the
// values come from realization entries. Everything is exact decimal arithmetic and every
// failure is a typed, bilingual error naming the input, so a missing or zero denominator is
// shown to the user instead of becoming 0% or NaN.
import { Dec, isBlank, sumDecimals, toDecimalString, tryDecimal } from './decimal';
import {
  divisionByZero,
  insufficientData,
  invalidInput,
  missingInput,
  type MeasurementError,
} from './errors';

export type Formula =
  /** Σ numerator / Σ denominator × scale, e.g. % koperasi sehat = koperasi_sehat / jumlah_koperasi × 100. */
  | { kind: 'ratio'; numerator: string; denominator: string; scale?: string | number }
  /** (nilai_akhir − nilai_awal) / nilai_awal × 100. */
  | { kind: 'growth'; initial: string; final: string }
  /** Plain value from an outside source (e.g. PDRB from BPS, Milyar rupiah). */
  | { kind: 'value'; input: string }
  /** A count (jumlah dokumen): must be a non-negative integer. */
  | { kind: 'count'; input: string }
  /** A score given by someone else (e.g. Nilai SAKIP). */
  | { kind: 'score'; input: string }
  /** Coefficient of variation KV = S / X̄ × 100 over a series (e.g. harga beras per bulan). */
  | { kind: 'cv'; series: string };

export type FormulaKind = Formula['kind'];
export const FORMULA_KINDS: readonly FormulaKind[] = [
  'ratio',
  'growth',
  'value',
  'count',
  'score',
  'cv',
];

export type FormulaInputValue = string | number | ReadonlyArray<string | number>;
/** Numbers as canonical decimal strings preferred ("1200.87"); null/undefined/"" mean "not filled in". */
export type FormulaInputs = Readonly<Record<string, FormulaInputValue | null | undefined>>;

export type FormulaResult = { ok: true; value: string } | { ok: false; error: MeasurementError };
type Fail = { ok: false; error: MeasurementError };

/** Input names the formula reads, in a stable order, without duplicates. */
export function requiredInputs(formula: Formula): string[] {
  switch (formula.kind) {
    case 'ratio':
      return unique([formula.numerator, formula.denominator]);
    case 'growth':
      return unique([formula.initial, formula.final]);
    case 'value':
    case 'count':
    case 'score':
      return [formula.input];
    case 'cv':
      return [formula.series];
  }
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

const ALLOWED_KEYS: Record<FormulaKind, readonly string[]> = {
  ratio: ['kind', 'numerator', 'denominator', 'scale'],
  growth: ['kind', 'initial', 'final'],
  value: ['kind', 'input'],
  count: ['kind', 'input'],
  score: ['kind', 'input'],
  cv: ['kind', 'series'],
};

export type FormulaValidation = { ok: true; formula: Formula } | { ok: false; errors: string[] };

/** Plain structural validator for formulas coming from storage or an API (no zod in the domain). */
export function validateFormula(formula: unknown): FormulaValidation {
  if (typeof formula !== 'object' || formula === null || Array.isArray(formula)) {
    return { ok: false, errors: ['Rumus harus berupa objek / formula must be an object'] };
  }
  const f = formula as Record<string, unknown>;
  const kind = f['kind'];
  if (typeof kind !== 'string' || !(FORMULA_KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      errors: [
        `Jenis rumus tidak dikenal / unknown formula kind: '${String(kind)}' (expected ${FORMULA_KINDS.join(', ')})`,
      ],
    };
  }
  const k = kind as FormulaKind;
  const errors: string[] = [];
  const nameField = (field: string) => {
    const v = f[field];
    if (typeof v !== 'string' || v.trim() === '') {
      errors.push(
        `Nama input '${field}' wajib diisi / input name '${field}' must be a non-empty string`,
      );
    }
  };
  for (const key of Object.keys(f)) {
    if (!ALLOWED_KEYS[k].includes(key))
      errors.push(`Kolom tidak dikenal / unknown field '${key}' for kind '${k}'`);
  }
  switch (k) {
    case 'ratio': {
      nameField('numerator');
      nameField('denominator');
      if (typeof f['numerator'] === 'string' && f['numerator'] === f['denominator']) {
        errors.push('Pembilang dan penyebut harus berbeda / numerator and denominator must differ');
      }
      if (f['scale'] !== undefined) {
        const scale = tryDecimal(f['scale']);
        if (scale === null || scale.lte(0))
          errors.push(
            `Skala harus angka positif / scale must be a positive number, got '${String(f['scale'])}'`,
          );
      }
      break;
    }
    case 'growth':
      nameField('initial');
      nameField('final');
      if (typeof f['initial'] === 'string' && f['initial'] === f['final']) {
        errors.push(
          'Nilai awal dan nilai akhir harus input berbeda / initial and final must be different inputs',
        );
      }
      break;
    case 'value':
    case 'count':
    case 'score':
      nameField('input');
      break;
    case 'cv':
      nameField('series');
      break;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, formula: f as unknown as Formula };
}

// --- reading inputs --------------------------------------------------------------------

function notANumber(name: string, raw: unknown): Fail {
  return invalidInput(
    name,
    `Nilai input '${name}' bukan angka: '${String(raw)}' / input '${name}' is not a number: '${String(raw)}'`,
  );
}

function scalar(inputs: FormulaInputs, name: string): Dec | Fail {
  const raw = inputs[name];
  if (isBlank(raw)) return missingInput(name);
  if (Array.isArray(raw)) {
    return invalidInput(
      name,
      `Input '${name}' harus satu nilai, bukan deret / input '${name}' must be a single value, not a series`,
    );
  }
  return tryDecimal(raw) ?? notANumber(name, raw);
}

/** A list of values; a scalar counts as a one-element list. Blank entries are errors, not zeros. */
function series(inputs: FormulaInputs, name: string): Dec[] | Fail {
  const raw = inputs[name];
  if (isBlank(raw)) return missingInput(name);
  const items: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) return missingInput(name);
  const out: Dec[] = [];
  for (const [i, item] of items.entries()) {
    if (isBlank(item)) {
      return invalidInput(
        name,
        `Nilai ke-${i + 1} pada '${name}' kosong / item ${i + 1} of '${name}' is empty`,
      );
    }
    const d = tryDecimal(item);
    if (d === null) return notANumber(name, item);
    out.push(d);
  }
  return out;
}

function isFail(x: unknown): x is Fail {
  return typeof x === 'object' && x !== null && 'ok' in x && (x as { ok: unknown }).ok === false;
}

const HUNDRED = new Dec(100);

function ok(d: Dec): FormulaResult {
  return { ok: true, value: toDecimalString(d) };
}

// --- evaluation -------------------------------------------------------------------------

/** Evaluate a formula against named inputs. Result values are exact canonical decimal strings. */
export function evaluateFormula(formula: Formula, inputs: FormulaInputs): FormulaResult {
  switch (formula.kind) {
    case 'ratio': {
      const num = series(inputs, formula.numerator);
      if (isFail(num)) return num;
      const den = series(inputs, formula.denominator);
      if (isFail(den)) return den;
      const scale = formula.scale === undefined ? HUNDRED : tryDecimal(formula.scale);
      if (scale === null)
        return invalidInput(
          'scale',
          `Skala tidak valid / invalid scale: '${String(formula.scale)}'`,
        );
      const denominator = sumDecimals(den);
      if (denominator.isZero()) return divisionByZero(formula.denominator);
      // Multiply before dividing so exact quotients stay exact (0.3 × 100 / 0.1 = 300).
      return ok(sumDecimals(num).times(scale).div(denominator));
    }
    case 'growth': {
      const initial = scalar(inputs, formula.initial);
      if (isFail(initial)) return initial;
      const final = scalar(inputs, formula.final);
      if (isFail(final)) return final;
      if (initial.isZero()) return divisionByZero(formula.initial);
      // Applied literally as specified: with a negative base the sign of the result follows the base.
      return ok(final.minus(initial).times(HUNDRED).div(initial));
    }
    case 'value':
    case 'score': {
      const v = scalar(inputs, formula.input);
      return isFail(v) ? v : ok(v);
    }
    case 'count': {
      const v = scalar(inputs, formula.input);
      if (isFail(v)) return v;
      if (!v.isInteger() || v.isNegative()) {
        return invalidInput(
          formula.input,
          `Input '${formula.input}' harus bilangan cacah (0, 1, 2, …) / input '${formula.input}' must be a non-negative whole number`,
        );
      }
      return ok(v);
    }
    case 'cv':
      return coefficientOfVariation(inputs, formula.series);
  }
}

/**
 * KV = S / X̄ × 100 with the SAMPLE standard deviation (divide by n − 1): the series (e.g.
 * monthly prices) is a sample of the underlying price process, which is also what Excel's
 * STDEV / STDEV.S give, the tool most daerah analysts check against. X̄ is used as is (not
 * absolute). Fewer than 2 values → insufficient_data; X̄ = 0 → division_by_zero.
 */
function coefficientOfVariation(inputs: FormulaInputs, name: string): FormulaResult {
  const values = series(inputs, name);
  if (isFail(values)) return values;
  if (values.length < 2) {
    return insufficientData(
      name,
      `Koefisien variasi butuh minimal 2 nilai pada '${name}' / coefficient of variation needs at least 2 values in '${name}'`,
    );
  }
  const n = new Dec(values.length);
  const mean = sumDecimals(values).div(n);
  if (mean.isZero()) {
    return divisionByZero(
      name,
      `Rata-rata '${name}' bernilai 0 / mean of '${name}' is 0, division by zero`,
    );
  }
  const squares = sumDecimals(values.map((v) => v.minus(mean).pow(2)));
  const s = squares.div(n.minus(1)).sqrt();
  return ok(s.times(HUNDRED).div(mean));
}
