import { describe, expect, it } from 'vitest';
import {
  achievementFor,
  programEfficiency,
  targetInForce,
  type AchievementSettings,
  type Period,
} from '../../src/realizations';
import type { Indicator, YearTarget } from '../../src/plans/types';

type Ind = Pick<Indicator, 'polarity' | 'rollup' | 'dataPeriod'>;
const yearly = (polarity: Ind['polarity']): Ind => ({
  polarity,
  rollup: 'last',
  dataPeriod: 'yearly',
});

describe('targetInForce', () => {
  const renstra: YearTarget = {
    year: 2024,
    value: '30',
    min: null,
    max: null,
    unit: null,
    text: null,
  };
  it.each<
    [
      string,
      Parameters<typeof targetInForce>[0],
      { value: string | null; source: 'pk' | 'renstra' | null; text?: string | null },
    ]
  >([
    [
      'the PK target wins over the Renstra',
      { year: 2024, renstraTarget: renstra, pkTarget: { value: '32' } },
      { value: '32', source: 'pk' },
    ],
    [
      'the Renstra target when there is no PK',
      { year: 2024, renstraTarget: renstra, pkTarget: undefined },
      { value: '30', source: 'renstra' },
    ],
    [
      'a PK target without value or text does not count',
      { year: 2024, renstraTarget: renstra, pkTarget: { value: null, text: ' ' } },
      { value: '30', source: 'renstra' },
    ],
    [
      'a qualitative PK target',
      { year: 2024, renstraTarget: renstra, pkTarget: { value: null, text: 'Nilai BB' } },
      { value: null, text: 'Nilai BB', source: 'pk' },
    ],
    [
      'a Renstra target of another year is ignored',
      { year: 2025, renstraTarget: renstra, pkTarget: undefined },
      { value: null, source: null },
    ],
    [
      'nothing at all',
      { year: 2024, renstraTarget: undefined, pkTarget: undefined },
      { value: null, source: null },
    ],
  ])('%s', (_n, args, expected) => expect(targetInForce(args)).toMatchObject(expected));

  it('carries the Renstra range band', () =>
    expect(
      targetInForce({
        year: 2024,
        renstraTarget: { year: 2024, value: null, min: '2', max: '4' },
        pkTarget: undefined,
      }),
    ).toEqual({
      value: null,
      min: '2',
      max: '4',
      text: null,
      unit: null,
      source: 'renstra',
      origin: null,
      sourceLabel: null,
    }));

  it('carries the PK range band, so a range capaian stays computable after the PK', () => {
    const target = targetInForce({
      year: 2024,
      renstraTarget: { year: 2024, value: null, min: '2', max: '4' },
      pkTarget: { value: null, min: '2.5', max: '3.5' },
    });
    expect(target).toMatchObject({ min: '2.5', max: '3.5', source: 'pk' });
    const a = achievementFor({
      indicator: { polarity: 'range', rollup: 'last', dataPeriod: 'yearly' },
      target,
      realizations: { YEAR: '3' },
    });
    expect(a.year.capaian).toEqual({ computable: true, value: '100' });
    const above = achievementFor({
      indicator: { polarity: 'range', rollup: 'last', dataPeriod: 'yearly' },
      target,
      realizations: { YEAR: '4.2' },
    });
    expect(above.year.display).toBe('80.00');
  });

  it.each<[string, Parameters<typeof targetInForce>[0], string | null]>([
    [
      'a revised Kepala Bidang PK',
      {
        year: 2024,
        renstraTarget: renstra,
        pkTarget: { value: '32' },
        pkOrigin: {
          kind: 'pk',
          year: 2024,
          positionCode: 'KABID-DAG',
          position: 'Kepala Bidang Perdagangan',
          revision: 2,
        },
        renstraOrigin: { kind: 'renstra', decreeNumber: '050/18/KPTS/III.06/1/2023' },
      },
      'PK 2024 Kepala Bidang Perdagangan (revisi 2)',
    ],
    [
      'the signed PK has no revision mark',
      {
        year: 2024,
        renstraTarget: renstra,
        pkTarget: { value: '32' },
        pkOrigin: {
          kind: 'pk',
          year: 2024,
          positionCode: 'KADIS',
          position: 'Kepala Dinas',
          revision: 0,
        },
      },
      'PK 2024 Kepala Dinas',
    ],
    [
      'the Renstra SK when no PK sets it',
      {
        year: 2024,
        renstraTarget: renstra,
        pkTarget: undefined,
        renstraOrigin: { kind: 'renstra', decreeNumber: '050/18/KPTS/III.06/1/2023' },
      },
      'Renstra SK 050/18/KPTS/III.06/1/2023',
    ],
    ['no target, no source', { year: 2025, renstraTarget: renstra, pkTarget: undefined }, null],
  ])('names its source: %s', (_n, args, label) =>
    expect(targetInForce(args).sourceLabel).toBe(label),
  );
});

describe('achievementFor: yearly value, hand-computed', () => {
  it.each<
    [
      string,
      Ind,
      { value: string | null; min?: string | null; max?: string | null },
      string,
      string,
      string,
      AchievementSettings?,
    ]
  >([
    // (2·3 − 2.5) / 3 × 100 = 116.666…
    [
      'inflasi (lower is better): target 3, realisasi 2.5',
      yearly('lower_better'),
      { value: '3' },
      '2.5',
      '116.67',
      'Sangat Tinggi',
    ],
    // 3 / 2.5 × 100 with the inverse-ratio method
    [
      'inflasi with the T/R method',
      yearly('lower_better'),
      { value: '3' },
      '2.5',
      '120.00',
      'Sangat Tinggi',
      { capaian: { lowerIsBetterMethod: 'inverse_ratio' } },
    ],
    [
      '1 dokumen target, 1 realized',
      yearly('higher_better'),
      { value: '1' },
      '1',
      '100.00',
      'Sangat Tinggi',
    ],
    // PDRB (BPS, Milyar rupiah): 912.40 / 905.17 × 100 = 100.7987…
    [
      'PDRB Milyar rupiah: target 905.17, realisasi 912.40',
      yearly('higher_better'),
      { value: '905.17' },
      '912.40',
      '100.80',
      'Sangat Tinggi',
    ],
    ['70 of 100', yearly('higher_better'), { value: '100' }, '70', '70.00', 'Sedang'],
    [
      '75.996 is shown 76.00 and rated on the shown number',
      yearly('higher_better'),
      { value: '100' },
      '75.996',
      '76.00',
      'Tinggi',
    ],
    [
      'range band 2–4, realisasi 3',
      yearly('range'),
      { value: null, min: '2', max: '4' },
      '3',
      '100.00',
      'Sangat Tinggi',
    ],
    [
      'range band 2–4, realisasi 5: (2·4 − 5) / 4',
      yearly('range'),
      { value: null, min: '2', max: '4' },
      '5',
      '75.00',
      'Sedang',
    ],
  ])('%s → %s %s', (_n, indicator, target, realization, display, label, settings) => {
    const r = achievementFor({
      indicator,
      target,
      realizations: { YEAR: realization },
      ...(settings ? { settings } : {}),
    });
    expect(r.year).toMatchObject({
      source: 'year_entry',
      realization,
      basis: realization,
      display,
      capaian: { computable: true },
    });
    expect(r.year.predikat?.label).toBe(label);
    expect(r.quarters).toEqual([]);
  });

  it('keeps the exact value next to the display', () => {
    const r = achievementFor({
      indicator: yearly('lower_better'),
      target: { value: '3' },
      realizations: { YEAR: '2.5' },
    });
    expect(r.year.capaian).toEqual({
      computable: true,
      value: '116.6666666666666666666666666666666666667',
    });
  });

  it.each<[string, { value: string | null }, Partial<Record<Period, string | null>>, string]>([
    ['no realization is "not computable", never 0', { value: '100' }, {}, 'no_realization'],
    ['a blank realization likewise', { value: '100' }, { YEAR: ' ' }, 'no_realization'],
    ['no target', { value: null }, { YEAR: '5' }, 'no_target'],
    ['target 0', { value: '0' }, { YEAR: '5' }, 'target_zero'],
    ['an invalid quarter value', { value: '100' }, { TW1: '1,5' }, 'invalid_realization'],
  ])('%s', (_n, target, realizations, reason) => {
    const r = achievementFor({ indicator: yearly('higher_better'), target, realizations });
    expect(r.year.capaian).toMatchObject({ computable: false, reason });
    expect(r.year.display).toBeNull();
    expect(r.year.predikat).toBeNull();
  });
});

describe('achievementFor: quarters and roll-up', () => {
  it('sum indicator: quarters are progress to date; the year is rolled up and names the missing quarter', () => {
    const r = achievementFor({
      indicator: { polarity: 'higher_better', rollup: 'sum', dataPeriod: 'quarterly' },
      target: { value: '100' },
      realizations: { TW1: '20', TW2: '30', TW3: null, TW4: '25' },
    });
    expect(
      r.quarters.map((q) => [
        q.period,
        q.realization,
        q.basis,
        q.display,
        q.predikat?.code ?? null,
      ]),
    ).toEqual([
      ['TW1', '20', '20', '20.00', 'sangat_rendah'],
      ['TW2', '30', '50', '50.00', 'sangat_rendah'],
      ['TW3', null, null, null, null],
      ['TW4', '25', '75', '75.00', 'sedang'],
    ]);
    expect(r.quarters[2]?.capaian).toMatchObject({ computable: false, reason: 'no_realization' });
    expect(r.year).toMatchObject({
      source: 'rollup',
      realization: null,
      basis: '75',
      display: '75.00',
      missingQuarters: ['TW3'],
      complete: false,
    });
  });

  it('last indicator (percentage): the year is the last quarter entered', () => {
    const r = achievementFor({
      indicator: { polarity: 'higher_better', rollup: 'last', dataPeriod: 'quarterly' },
      target: { value: '80' },
      realizations: { TW1: '70', TW2: '75', TW3: '82' },
    });
    expect(r.quarters.map((q) => q.display)).toEqual(['87.50', '93.75', '102.50', null]);
    expect(r.year).toMatchObject({
      basis: '82',
      display: '102.50',
      missingQuarters: ['TW4'],
      complete: false,
    });
    expect(r.year.predikat?.label).toBe('Sangat Tinggi');
  });

  it('average indicator: average to date', () => {
    const r = achievementFor({
      indicator: { polarity: 'higher_better', rollup: 'average', dataPeriod: 'quarterly' },
      target: { value: '10' },
      realizations: { TW1: '8', TW2: '10', TW3: '12', TW4: '10' },
    });
    expect(r.quarters.map((q) => q.basis)).toEqual(['8', '9', '10', '10']);
    expect(r.year).toMatchObject({
      basis: '10',
      display: '100.00',
      complete: true,
      missingQuarters: [],
    });
  });

  it('a YEAR entry wins over the quarters', () => {
    const r = achievementFor({
      indicator: { polarity: 'higher_better', rollup: 'sum', dataPeriod: 'quarterly' },
      target: { value: '100' },
      realizations: { TW1: '20', YEAR: '90' },
    });
    expect(r.year).toMatchObject({ source: 'year_entry', basis: '90', display: '90.00' });
  });

  it('no quarter at all: the year lists every quarter as missing', () => {
    const r = achievementFor({
      indicator: { polarity: 'higher_better', rollup: 'sum', dataPeriod: 'quarterly' },
      target: { value: '100' },
      realizations: {},
    });
    expect(r.year).toMatchObject({
      source: null,
      basis: null,
      missingQuarters: ['TW1', 'TW2', 'TW3', 'TW4'],
      capaian: { computable: false, reason: 'no_realization' },
    });
    expect(r.quarters).toHaveLength(4);
  });
});

describe('programEfficiency', () => {
  it('ratio: average capaian 90, serapan 75 → 1.2 efisien', () => {
    const r = programEfficiency({
      capaianValues: ['100', '80'],
      pagu: '1000000000',
      spent: '750000000',
      method: 'ratio',
    });
    expect(r.averageCapaian).toEqual({ ok: true, value: '90' });
    expect(r.serapan).toEqual({ ok: true, value: '75' });
    expect(r.efficiency).toMatchObject({
      ok: true,
      value: '1.2',
      efficient: true,
      label: 'Efisien',
    });
  });

  it('difference: 60 − 75 = −15 tidak efisien', () =>
    expect(
      programEfficiency({ capaianValues: ['60'], pagu: '100', spent: '75', method: 'difference' })
        .efficiency,
    ).toMatchObject({ ok: true, value: '-15', efficient: false, label: 'Tidak Efisien' }));

  it('an exact average: (100 + 100 + 50) / 3', () =>
    expect(
      programEfficiency({ capaianValues: ['100', '100', '50'], pagu: '1', spent: '1' })
        .averageCapaian,
    ).toEqual({ ok: true, value: '83.33333333333333333333333333333333333333' }));

  it.each<[string, Parameters<typeof programEfficiency>[0], string, string]>([
    ['no pagu', { capaianValues: ['90'], pagu: null, spent: '10' }, 'missing_input', 'pagu'],
    ['pagu 0', { capaianValues: ['90'], pagu: '0', spent: '0' }, 'division_by_zero', 'pagu'],
    [
      'nothing spent yet (serapan 0)',
      { capaianValues: ['90'], pagu: '100', spent: '0' },
      'division_by_zero',
      'serapan',
    ],
    ['no capaian', { capaianValues: [], pagu: '100', spent: '50' }, 'insufficient_data', 'capaian'],
    [
      'a capaian that is not a number',
      { capaianValues: ['90', 'n/a'], pagu: '100', spent: '50' },
      'invalid_input',
      'capaianValues[1]',
    ],
  ])('%s: efficiency not computable, naming the input', (_n, args, code, input) =>
    expect(programEfficiency(args).efficiency).toMatchObject({ ok: false, error: { code, input } }),
  );

  it('serapan is still shown when the capaian is missing', () =>
    expect(programEfficiency({ capaianValues: [], pagu: '200', spent: '50' }).serapan).toEqual({
      ok: true,
      value: '25',
    }));
});
