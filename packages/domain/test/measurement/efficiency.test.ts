import { describe, expect, it } from 'vitest';
import { computeEfficiency, computeSerapan, type EfficiencyMethod } from '../../src/measurement';

describe('computeSerapan', () => {
  it.each([
    // 1.200.870.000 / 1.500.000.000 × 100 = 80,058
    ['1200870000', '1500000000', '80.058'],
    ['750000', '1000000', '75'],
    ['0', '1000000', '0'],
    ['0.3', '0.1', '300'],
    // 1 / 3 × 100
    ['1', '3', '33.33333333333333333333333333333333333333'],
  ])('%s / %s → %s', (realisasi, pagu, expected) => {
    expect(computeSerapan(realisasi, pagu)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['100', '0', 'division_by_zero', 'pagu'],
    ['100', null, 'missing_input', 'pagu'],
    [null, '100', 'missing_input', 'realisasi_anggaran'],
    ['abc', '100', 'invalid_input', 'realisasi_anggaran'],
  ])('(%s, %s) → %s on %s', (realisasi, pagu, code, input) => {
    const r = computeSerapan(realisasi, pagu);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.input).toBe(input);
    }
  });
});

describe('computeEfficiency', () => {
  it.each<[string, string, EfficiencyMethod, string, boolean, string]>([
    // ratio: 95 / 80 = 1,1875 ≥ 1
    ['95', '80', 'ratio', '1.1875', true, 'Efisien'],
    // 70 / 90 = 0,777…
    ['70', '90', 'ratio', '0.7777777777777777777777777777777777777778', false, 'Tidak Efisien'],
    ['80', '80', 'ratio', '1', true, 'Efisien'],
    // difference: 95 − 80 = 15 ≥ 0
    ['95', '80', 'difference', '15', true, 'Efisien'],
    ['70', '90', 'difference', '-20', false, 'Tidak Efisien'],
    ['80', '80', 'difference', '0', true, 'Efisien'],
    ['0.3', '0.1', 'difference', '0.2', true, 'Efisien'],
    ['100', '0', 'difference', '100', true, 'Efisien'],
  ])('capaian %s, serapan %s, %s → %s', (capaian, serapan, method, value, efficient, label) => {
    const r = computeEfficiency(capaian, serapan, method);
    expect(r).toEqual({
      ok: true,
      value,
      method,
      efficient,
      code: efficient ? 'efisien' : 'tidak_efisien',
      label,
    });
  });

  it('defaults to the ratio method', () => {
    const r = computeEfficiency('95', '80');
    expect(r.ok && r.method).toBe('ratio');
  });

  it.each<[string | null, string | null, EfficiencyMethod, string, string]>([
    ['95', '0', 'ratio', 'division_by_zero', 'serapan'],
    [null, '80', 'ratio', 'missing_input', 'capaian'],
    ['95', null, 'difference', 'missing_input', 'serapan'],
  ])('(%s, %s, %s) → %s on %s', (capaian, serapan, method, code, input) => {
    const r = computeEfficiency(capaian, serapan, method);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.input).toBe(input);
    }
  });
});
