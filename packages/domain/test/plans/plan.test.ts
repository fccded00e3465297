import { describe, expect, it } from 'vitest';
import {
  diffSnapshots,
  draftPreview,
  fold,
  planDecider,
  snapshotOf,
  type Indicator,
  type PlanCommand,
} from '../../src/index';
import { spec } from '../spec';
import {
  drafted,
  element,
  enacted,
  established,
  indicator,
  koperasiSehat,
  opdId,
  pdrb,
  sasaran,
  sk1,
  sk2,
} from './plan-fixtures';

const given = spec(planDecider);
const on = (decreeId: string) => ({ opdId, decreeId });
const define = (
  decreeId: string,
  ind = koperasiSehat,
  knownPositions: string[] = ['KADIS'],
): PlanCommand => ({ type: 'DefineIndicator', ...on(decreeId), indicator: ind, knownPositions });

describe('decrees', () => {
  it('drafts a penetapan', () =>
    given([])
      .when({ type: 'DraftDecree', ...on('sk1'), info: sk1 })
      .then([drafted('sk1', sk1)]));

  it('refuses a decree number reused, even with different spacing', () =>
    given(established)
      .when({
        type: 'DraftDecree',
        ...on('sk9'),
        info: { ...sk2, number: '050/ 18/KPTS/III.06/1/2023' },
      })
      .thenFails('decree_number_reused', ['info', 'number']));

  it('refuses a perubahan with nothing to amend and a second penetapan for the same period', () => {
    given([])
      .when({ type: 'DraftDecree', ...on('sk2'), info: sk2 })
      .thenFails('nothing_to_amend', ['info', 'kind']);
    given(established)
      .when({ type: 'DraftDecree', ...on('sk3'), info: { ...sk1, number: 'X/1' } })
      .thenFails('already_established');
  });

  it('edits a draft but never an enacted decree', () => {
    given([drafted('sk1', sk1)])
      .when({ type: 'EditDecree', ...on('sk1'), info: { ...sk1, place: 'Liwa, Lampung Barat' } })
      .then([
        {
          type: 'DecreeEdited',
          data: { opdId, decreeId: 'sk1', info: { ...sk1, place: 'Liwa, Lampung Barat' } },
        },
      ]);
    given(established)
      .when({ type: 'EditDecree', ...on('sk1'), info: { ...sk1, place: 'x' } })
      .thenFails('decree_enacted', ['decreeId']);
    given(established)
      .when(define('sk1', { ...koperasiSehat, name: 'Persentase koperasi sehat' }))
      .thenFails('decree_enacted');
  });

  it('refuses enacting an empty decree', () =>
    given([drafted('sk1', sk1)])
      .when({ type: 'EnactDecree', ...on('sk1') })
      .thenFails('decree_empty'));

  it('validates the decree fields', () => {
    given([])
      .when({ type: 'DraftDecree', ...on('a'), info: { ...sk1, periodEnd: 2022 } })
      .thenFails('invalid_period', ['info', 'periodEnd']);
    given([])
      .when({ type: 'DraftDecree', ...on('a'), info: { ...sk1, date: '4 Januari 2023' } })
      .thenFails('invalid_date', ['info', 'date']);
  });
});

describe('indicators under a draft decree', () => {
  const draft = [drafted('sk1', sk1), element('sk1', sasaran)];

  it('records an indicator with its targets', () =>
    given(draft)
      .when(define('sk1'))
      .then([indicator('sk1', koperasiSehat)]));

  it('records a negative target of a growth indicator', () => {
    const growth: Indicator = {
      ...koperasiSehat,
      code: 'IKU-9',
      name: '% peningkatan jumlah UMKM',
      formula: { kind: 'growth', initial: 'umkm_awal', final: 'umkm_akhir' },
      targets: koperasiSehat.targets.map((t) => ({ ...t, value: '-1.5' })),
    };
    given(draft)
      .when(define('sk1', growth))
      .then([indicator('sk1', growth)]);
  });

  it('records nothing when the same definition comes again (re-import)', () => {
    given([...draft, indicator('sk1', koperasiSehat)])
      .when(define('sk1'))
      .then([]);
    given(established)
      .when({ type: 'DraftDecree', ...on('sk1'), info: sk1 })
      .then([]);
  });

  it.each([
    [
      'targets missing for a year of the period',
      { targets: koperasiSehat.targets.slice(0, 3) },
      'targets_missing',
      ['indicator', 'targets'],
    ],
    [
      'a target for a year outside it',
      { targets: [...koperasiSehat.targets, { year: 2027, value: '35' }] },
      'target_outside_period',
      ['indicator', 'targets', 4, 'year'],
    ],
    [
      'a year twice',
      { targets: [...koperasiSehat.targets, { year: 2026, value: '35' }] },
      'duplicate_target_year',
      ['indicator', 'targets', 4, 'year'],
    ],
    [
      'an empty target',
      { targets: [{ year: 2023, value: null }, ...koperasiSehat.targets.slice(1)] },
      'target_missing',
      ['indicator', 'targets', 0, 'value'],
    ],
    [
      'a non-number',
      { targets: [{ year: 2023, value: '30%' }, ...koperasiSehat.targets.slice(1)] },
      'invalid_number',
      ['indicator', 'targets', 0, 'value'],
    ],
    [
      'half a dokumen',
      {
        satuan: 'dokumen',
        targets: [{ year: 2023, value: '1.5' }, ...koperasiSehat.targets.slice(1)],
      },
      'count_not_whole',
      ['indicator', 'targets', 0, 'value'],
    ],
    [
      'a negative % koperasi sehat (ratio of counts)',
      { targets: [{ year: 2023, value: '-30' }, ...koperasiSehat.targets.slice(1)] },
      'negative_not_allowed',
      ['indicator', 'targets', 0, 'value'],
    ],
    [
      'a negative PDRB in Milyar rupiah',
      {
        ...pdrb,
        code: 'IKU-1',
        targets: [...pdrb.targets.slice(0, 3), { year: 2026, value: '-941.73' }],
      },
      'negative_not_allowed',
      ['indicator', 'targets', 3, 'value'],
    ],
    [
      'a negative baseline of a count',
      { satuan: 'dokumen', formula: null, baseline: { year: 2022, value: '-2' } },
      'negative_not_allowed',
      ['indicator', 'baseline', 'value'],
    ],
    [
      'an unknown element',
      { elementCode: 'SS-9' },
      'element_not_found',
      ['indicator', 'elementCode'],
    ],
    [
      'a program indicator on a sasaran',
      { kind: 'program' as const },
      'kind_level',
      ['indicator', 'kind'],
    ],
    [
      'an IKI without a position',
      { kind: 'iki' as const, code: 'IKI-1' },
      'position_required',
      ['indicator', 'positionCode'],
    ],
    [
      'an IKI of an unknown position',
      { kind: 'iki' as const, code: 'IKI-1', positionCode: 'KABID-X' },
      'unknown_position',
      ['indicator', 'positionCode'],
    ],
    [
      'a broken formula',
      { formula: { kind: 'ratio', numerator: '', denominator: 'x', scale: 100 } as never },
      'invalid_formula',
      ['indicator', 'formula'],
    ],
    [
      'a cascade to nothing',
      { cascadeTo: 'IKU-99' },
      'cascade_not_found',
      ['indicator', 'cascadeTo'],
    ],
  ] as [string, Partial<Indicator>, string, (string | number)[]][])(
    'refuses %s',
    (_what, patch, code, path) =>
      given(draft)
        .when(define('sk1', { ...koperasiSehat, ...patch }))
        .thenFails(code, [...path]),
  );

  it('refuses a duplicate indicator in one sasaran (same name, other code)', () =>
    given([...draft, indicator('sk1', koperasiSehat)])
      .when(
        define('sk1', { ...koperasiSehat, code: 'IKU-9', name: 'Persentase Koperasi yang sehat' }),
      )
      .thenFails('duplicate_indicator', ['indicator', 'name']));

  it('accepts an IKI of a known position', () => {
    const iki = {
      ...koperasiSehat,
      kind: 'iki' as const,
      code: 'IKI-KADIS-1',
      positionCode: 'KADIS',
    };
    given(draft)
      .when(define('sk1', iki))
      .then([indicator('sk1', iki)]);
  });

  it('withdraws a draft change', () => {
    const state = fold(planDecider, [
      ...draft,
      indicator('sk1', koperasiSehat),
      { type: 'DraftChangeWithdrawn', data: { opdId, decreeId: 'sk1', key: 'indicator:IKU-1' } },
    ]);
    expect(draftPreview(state, 'sk1').indicators).toEqual({});
  });

  it('checks the Renstra tree', () => {
    given(draft)
      .when({
        type: 'DefineElement',
        ...on('sk1'),
        element: { code: 'T-1', level: 'tujuan', name: 'Tujuan', parentCode: 'SS-1' },
      })
      .thenFails('parent_level', ['element', 'parentCode']);
    given(draft)
      .when({
        type: 'DefineElement',
        ...on('sk1'),
        element: { code: 'P-1', level: 'program', name: 'Program', parentCode: 'SS-9' },
      })
      .thenFails('parent_not_found');
    given(draft)
      .when({
        type: 'DefineElement',
        ...on('sk1'),
        element: {
          code: 'P-1',
          level: 'program',
          name: 'Program Pengembangan UMKM',
          parentCode: 'SS-1',
        },
      })
      .then([
        element('sk1', {
          code: 'P-1',
          level: 'program',
          name: 'Program Pengembangan UMKM',
          parentCode: 'SS-1',
        }),
      ]);
  });
});

describe('history: the set under each SK and the difference between two', () => {
  const amended = {
    ...pdrb,
    name: 'PDRB Sektor Perdagangan (ADHB)',
    targets: pdrb.targets.map((t) => (t.year === 2025 ? { ...t, value: '930.00' } : t)),
  };
  const ukm = {
    ...koperasiSehat,
    code: 'IKU-2',
    name: 'Persentase Peningkatan Jumlah UMKM',
    targets: koperasiSehat.targets.map((t, i) => ({ ...t, value: String((i + 1) * 10) })),
  };
  const events = [
    ...established,
    drafted('sk2', sk2),
    indicator('sk2', amended),
    indicator('sk2', ukm),
    {
      type: 'IndicatorRetired' as const,
      data: { opdId, decreeId: 'sk2', code: 'IKU-1', reason: 'Diganti indikator UMKM' },
    },
    enacted('sk2', sk2.number, 2),
  ];
  const state = fold(planDecider, events);

  it('gives the set as it stood under each SK', () => {
    expect(Object.keys(snapshotOf(state, sk1, 'sk1').indicators).sort()).toEqual([
      'IKU-1',
      'IKU-4',
    ]);
    expect(snapshotOf(state, sk1, 'sk1').indicators['IKU-4']?.targets[2]?.value).toBe('923.27');
    const now = snapshotOf(state, sk1);
    expect(Object.keys(now.indicators).sort()).toEqual(['IKU-2', 'IKU-4']);
    expect(now.decreeIds).toEqual(['sk1', 'sk2']);
  });

  it('diffs two SKs: added, removed, renamed, target old → new', () => {
    const d = diffSnapshots(snapshotOf(state, sk1, 'sk1'), snapshotOf(state, sk1, 'sk2'));
    expect(d.added.map((i) => i.code)).toEqual(['IKU-2']);
    expect(d.removed.map((i) => i.code)).toEqual(['IKU-1']);
    expect(d.renamed).toEqual([
      { code: 'IKU-4', from: 'PDRB Sektor Perdagangan', to: 'PDRB Sektor Perdagangan (ADHB)' },
    ]);
    expect(d.targetChanged).toEqual([
      {
        code: 'IKU-4',
        name: 'PDRB Sektor Perdagangan (ADHB)',
        year: 2025,
        from: { year: 2025, value: '923.27' },
        to: { year: 2025, value: '930.00' },
      },
    ]);
  });

  it('refuses retiring what is not in force', () =>
    given(events.slice(0, 5).concat([drafted('sk2', sk2)]))
      .when({ type: 'RetireIndicator', ...on('sk2'), code: 'IKU-7', reason: 'tidak relevan' })
      .thenFails('indicator_not_found', ['code']));
});
