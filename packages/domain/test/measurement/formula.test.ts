import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  requiredInputs,
  toFixedString,
  validateFormula,
  type Formula,
  type FormulaInputs,
} from '../../src/measurement';

const koperasi: Formula = {
  kind: 'ratio',
  numerator: 'koperasi_sehat',
  denominator: 'jumlah_koperasi',
  scale: 100,
};
const growth: Formula = { kind: 'growth', initial: 'nilai_awal', final: 'nilai_akhir' };
const cv: Formula = { kind: 'cv', series: 'harga' };

describe('evaluateFormula: values', () => {
  it.each<[string, Formula, FormulaInputs, string]>([
    // 25 / 75 × 100 = 33.333… (exact to 40 significant digits)
    [
      '25 of 75 koperasi sehat',
      koperasi,
      { koperasi_sehat: '25', jumlah_koperasi: '75' },
      '33.33333333333333333333333333333333333333',
    ],
    ['ratio with numbers', koperasi, { koperasi_sehat: 30, jumlah_koperasi: 40 }, '75'],
    // float would give 299.99999999999994
    ['ratio 0.3 / 0.1 exactly', koperasi, { koperasi_sehat: '0.3', jumlah_koperasi: '0.1' }, '300'],
    [
      'ratio 0.3 / 0.1 as JS numbers',
      koperasi,
      { koperasi_sehat: 0.3, jumlah_koperasi: 0.1 },
      '300',
    ],
    // Σ numerator / Σ denominator: (10 + 15) / (30 + 45) × 100 = 33.33…
    [
      'ratio of sums',
      koperasi,
      { koperasi_sehat: ['10', '15'], jumlah_koperasi: ['30', '45'] },
      '33.33333333333333333333333333333333333333',
    ],
    [
      'ratio default scale 100',
      { kind: 'ratio', numerator: 'a', denominator: 'b' },
      { a: '1', b: '8' },
      '12.5',
    ],
    [
      'ratio scale 1 (fraction)',
      { kind: 'ratio', numerator: 'a', denominator: 'b', scale: 1 },
      { a: '1', b: '8' },
      '0.125',
    ],
    ['ratio 0 numerator', koperasi, { koperasi_sehat: '0', jumlah_koperasi: '75' }, '0'],
    // (150 − 120) / 120 × 100 = 25
    ['growth 120 → 150', growth, { nilai_awal: '120', nilai_akhir: '150' }, '25'],
    ['growth 200 → 150', growth, { nilai_awal: '200', nilai_akhir: '150' }, '-25'],
    ['growth 0.1 → 0.3', growth, { nilai_awal: '0.1', nilai_akhir: '0.3' }, '200'],
    // PDRB 1.200,87 Milyar rupiah (parsed to canonical first)
    ['value: PDRB rupiah milyar', { kind: 'value', input: 'pdrb' }, { pdrb: '1200.87' }, '1200.87'],
    ['value keeps sign', { kind: 'value', input: 'pdrb' }, { pdrb: '-3.20' }, '-3.2'],
    ['count', { kind: 'count', input: 'jumlah' }, { jumlah: '12' }, '12'],
    ['count zero', { kind: 'count', input: 'jumlah' }, { jumlah: 0 }, '0'],
    ['score: Nilai SAKIP', { kind: 'score', input: 'nilai' }, { nilai: '72.45' }, '72.45'],
    // harga 9.000, 10.000, 11.000: X̄ = 10.000; Σ(x−X̄)² = 1.000² + 0 + 1.000² = 2.000.000;
    // S² = 2.000.000 / (3 − 1) = 1.000.000 → S = 1.000; KV = 1.000 / 10.000 × 100 = 10
    ['cv exact', cv, { harga: ['9000', '10000', '11000'] }, '10'],
    // constant series: S = 0 → KV = 0
    ['cv constant', cv, { harga: ['12500', '12500'] }, '0'],
  ])('%s', (_label, formula, inputs, expected) => {
    expect(evaluateFormula(formula, inputs)).toEqual({ ok: true, value: expected });
  });

  it('cv of a monthly rice price series (hand-computed)', () => {
    // harga beras 10.000, 12.000, 11.000, 13.000: X̄ = 46.000 / 4 = 11.500
    // deviations −1.500, 500, −500, 1.500 → squares 2.250.000 + 250.000 + 250.000 + 2.250.000 = 5.000.000
    // sample S² = 5.000.000 / 3 = 1.666.666,67 → S = 1.290,9944…
    // KV = 1.290,9944 / 11.500 × 100 = 11,2260… → 11,23 % (population SD would give 9,72 %)
    const r = evaluateFormula(cv, { harga: ['10000', '12000', '11000', '13000'] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(toFixedString(r.value, 2)).toBe('11.23');
      expect(r.value.startsWith('11.226038684659179377331204057340288727')).toBe(true);
    }
  });
});

describe('evaluateFormula: errors', () => {
  it.each<[string, Formula, FormulaInputs, string, string | undefined]>([
    [
      'division by zero names the denominator',
      koperasi,
      { koperasi_sehat: '5', jumlah_koperasi: '0' },
      'division_by_zero',
      'jumlah_koperasi',
    ],
    [
      'sum of denominators 0',
      koperasi,
      { koperasi_sehat: ['1'], jumlah_koperasi: ['0', '0'] },
      'division_by_zero',
      'jumlah_koperasi',
    ],
    ['missing denominator', koperasi, { koperasi_sehat: '5' }, 'missing_input', 'jumlah_koperasi'],
    ['missing numerator', koperasi, { jumlah_koperasi: '5' }, 'missing_input', 'koperasi_sehat'],
    [
      'blank string is missing, not 0',
      koperasi,
      { koperasi_sehat: '', jumlah_koperasi: '75' },
      'missing_input',
      'koperasi_sehat',
    ],
    [
      'null is missing',
      koperasi,
      { koperasi_sehat: null, jumlah_koperasi: '75' },
      'missing_input',
      'koperasi_sehat',
    ],
    [
      'empty array is missing',
      koperasi,
      { koperasi_sehat: [], jumlah_koperasi: '75' },
      'missing_input',
      'koperasi_sehat',
    ],
    [
      'Indonesian text is not canonical',
      koperasi,
      { koperasi_sehat: '1.200,5', jumlah_koperasi: '75' },
      'invalid_input',
      'koperasi_sehat',
    ],
    [
      'garbage',
      koperasi,
      { koperasi_sehat: 'abc', jumlah_koperasi: '75' },
      'invalid_input',
      'koperasi_sehat',
    ],
    [
      'NaN',
      koperasi,
      { koperasi_sehat: Number.NaN, jumlah_koperasi: '75' },
      'invalid_input',
      'koperasi_sehat',
    ],
    [
      'blank item in series',
      koperasi,
      { koperasi_sehat: ['1', ''], jumlah_koperasi: '75' },
      'invalid_input',
      'koperasi_sehat',
    ],
    [
      'growth from 0',
      growth,
      { nilai_awal: '0', nilai_akhir: '10' },
      'division_by_zero',
      'nilai_awal',
    ],
    ['growth missing final', growth, { nilai_awal: '10' }, 'missing_input', 'nilai_akhir'],
    [
      'growth given a series',
      growth,
      { nilai_awal: ['1', '2'], nilai_akhir: '10' },
      'invalid_input',
      'nilai_awal',
    ],
    [
      'count must be whole',
      { kind: 'count', input: 'jumlah' },
      { jumlah: '2.5' },
      'invalid_input',
      'jumlah',
    ],
    [
      'count not negative',
      { kind: 'count', input: 'jumlah' },
      { jumlah: '-1' },
      'invalid_input',
      'jumlah',
    ],
    ['value missing', { kind: 'value', input: 'pdrb' }, {}, 'missing_input', 'pdrb'],
    ['cv one value', cv, { harga: ['10000'] }, 'insufficient_data', 'harga'],
    ['cv scalar', cv, { harga: '10000' }, 'insufficient_data', 'harga'],
    ['cv mean 0', cv, { harga: ['-5', '5'] }, 'division_by_zero', 'harga'],
    ['cv missing', cv, {}, 'missing_input', 'harga'],
  ])('%s', (_label, formula, inputs, code, input) => {
    const r = evaluateFormula(formula, inputs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.input).toBe(input);
      if (input) expect(r.error.message).toContain(`'${input}'`);
      expect(r.error.message).toContain(' / ');
    }
  });

  it('missing input message is bilingual', () => {
    const r = evaluateFormula(koperasi, { koperasi_sehat: '5' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'missing_input',
        input: 'jumlah_koperasi',
        message: "Input 'jumlah_koperasi' belum diisi / input 'jumlah_koperasi' is missing",
      },
    });
  });
});

describe('requiredInputs', () => {
  it.each<[Formula, string[]]>([
    [koperasi, ['koperasi_sehat', 'jumlah_koperasi']],
    [growth, ['nilai_awal', 'nilai_akhir']],
    [{ kind: 'value', input: 'pdrb' }, ['pdrb']],
    [{ kind: 'count', input: 'jumlah' }, ['jumlah']],
    [{ kind: 'score', input: 'nilai' }, ['nilai']],
    [cv, ['harga']],
  ])('%j → %j', (formula, expected) => {
    expect(requiredInputs(formula)).toEqual(expected);
  });
});

describe('validateFormula', () => {
  it.each<[unknown]>([
    [koperasi],
    [growth],
    [{ kind: 'value', input: 'pdrb' }],
    [{ kind: 'cv', series: 'harga' }],
    [{ kind: 'ratio', numerator: 'a', denominator: 'b', scale: '1000' }],
  ])('accepts %j', (f) => {
    expect(validateFormula(f)).toEqual({ ok: true, formula: f });
  });

  it.each<[unknown, RegExp]>([
    [null, /must be an object/],
    [[], /must be an object/],
    [{ kind: 'median', input: 'x' }, /unknown formula kind: 'median'/],
    [{ kind: 'ratio', numerator: 'a' }, /'denominator' must be a non-empty string/],
    [{ kind: 'ratio', numerator: 'a', denominator: 'a' }, /numerator and denominator must differ/],
    [
      { kind: 'ratio', numerator: 'a', denominator: 'b', scale: 0 },
      /scale must be a positive number/,
    ],
    [
      { kind: 'ratio', numerator: 'a', denominator: 'b', scale: 'x' },
      /scale must be a positive number/,
    ],
    [{ kind: 'growth', initial: 'a', final: ' ' }, /'final' must be a non-empty string/],
    [{ kind: 'value', input: 'a', extra: 1 }, /unknown field 'extra'/],
    [{ kind: 'cv', input: 'harga' }, /'series' must be a non-empty string/],
  ])('rejects %j', (f, message) => {
    const r = validateFormula(f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
});
