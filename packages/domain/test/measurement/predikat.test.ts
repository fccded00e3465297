import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREDIKAT_SCALE,
  predikatFor,
  validatePredikatScale,
  type PredikatScale,
} from '../../src/measurement';

describe('predikatFor (default scale)', () => {
  it.each([
    ['150', 'sangat_tinggi'],
    ['100', 'sangat_tinggi'],
    ['91', 'sangat_tinggi'],
    ['90.99', 'tinggi'],
    ['90.5', 'tinggi'], // the gap in the "76–90 / ≥ 91" table
    ['76', 'tinggi'],
    ['75.99', 'sedang'],
    ['75.5', 'sedang'],
    ['66', 'sedang'],
    ['65.999', 'rendah'],
    ['51', 'rendah'],
    ['50.99', 'sangat_rendah'],
    ['50', 'sangat_rendah'],
    ['0', 'sangat_rendah'],
    ['-10', 'sangat_rendah'],
    [91, 'sangat_tinggi'],
    [90.99, 'tinggi'],
  ])('%s → %s', (capaian, code) => {
    const r = predikatFor(capaian);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.band.code).toBe(code);
  });

  it('labels are in Bahasa Indonesia', () => {
    expect(DEFAULT_PREDIKAT_SCALE.map((b) => b.label)).toEqual([
      'Sangat Tinggi',
      'Tinggi',
      'Sedang',
      'Rendah',
      'Sangat Rendah',
    ]);
  });

  it.each([
    ['90.996', undefined, 'tinggi'], // exact
    ['90.996', 2, 'sangat_tinggi'], // printed as 91,00
    ['90.994', 2, 'tinggi'],
  ])('%s rounded to %s places → %s', (capaian, places, code) => {
    const r = predikatFor(
      capaian,
      DEFAULT_PREDIKAT_SCALE,
      places === undefined ? {} : { roundToPlaces: places },
    );
    expect(r.ok && r.band.code).toBe(code);
  });

  it('rejects an invalid capaian', () => {
    const r = predikatFor('abc');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_capaian');
  });
});

describe('custom scales', () => {
  const threeBands: PredikatScale = [
    { minInclusive: 85, label: 'Baik', code: 'baik' },
    { minInclusive: '60.5', label: 'Cukup', code: 'cukup' },
    { minInclusive: 0, label: 'Kurang', code: 'kurang' },
  ];

  it.each([
    ['85', 'baik'],
    ['84.99', 'cukup'],
    ['60.5', 'cukup'],
    ['60.49', 'kurang'],
    ['0', 'kurang'],
  ])('%s → %s', (capaian, code) => {
    const r = predikatFor(capaian, threeBands);
    expect(r.ok && r.band.code).toBe(code);
  });

  it('reports a capaian below a scale without a catch-all band', () => {
    const r = predikatFor('-1', threeBands);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('below_scale');
  });

  it('accepts the default scale', () => {
    expect(validatePredikatScale(DEFAULT_PREDIKAT_SCALE).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['empty', [], /at least one band/],
    ['not an array', { a: 1 }, /at least one band/],
    [
      'ascending',
      [
        { minInclusive: 50, label: 'A', code: 'a' },
        { minInclusive: 80, label: 'B', code: 'b' },
      ],
      /sorted descending/,
    ],
    [
      'duplicate bound (overlap)',
      [
        { minInclusive: 80, label: 'A', code: 'a' },
        { minInclusive: '80.0', label: 'B', code: 'b' },
      ],
      /no overlap/,
    ],
    [
      'null not last',
      [
        { minInclusive: null, label: 'A', code: 'a' },
        { minInclusive: 10, label: 'B', code: 'b' },
      ],
      /only allowed on the last band/,
    ],
    [
      'duplicate code',
      [
        { minInclusive: 80, label: 'A', code: 'a' },
        { minInclusive: 10, label: 'B', code: 'a' },
      ],
      /duplicate code 'a'/,
    ],
    ['missing label', [{ minInclusive: 80, label: '', code: 'a' }], /label is required/],
    [
      'bad bound',
      [{ minInclusive: 'tinggi', label: 'A', code: 'a' }],
      /lower bound is not a number/,
    ],
  ])('rejects %s', (_label, scale, message) => {
    const r = validatePredikatScale(scale);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  it('predikatFor refuses an invalid custom scale', () => {
    const r = predikatFor('70', [
      { minInclusive: 50, label: 'A', code: 'a' },
      { minInclusive: 80, label: 'B', code: 'b' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_scale');
  });
});
