import { describe, expect, it } from 'vitest';
import {
  fold,
  periodInForceFor,
  planDecider,
  planPeriodInForce,
  snapshotOf,
  yearsInForce,
  type DecreeInfo,
  type PlanEvent,
} from '../../src/index';
import {
  drafted,
  element,
  enacted,
  indicator,
  koperasiSehat,
  pdrb,
  sasaran,
} from './plan-fixtures';

const renstra2126: DecreeInfo = {
  number: '050/11/KPTS/2021',
  title: 'Renstra 2021-2026',
  date: '2021-03-01',
  place: 'Liwa',
  signer: { name: 'A', nip: null, position: 'Kepala Dinas' },
  legalBases: [],
  kind: 'penetapan',
  periodStart: 2021,
  periodEnd: 2026,
};
const renstra2326: DecreeInfo = {
  ...renstra2126,
  number: '050/18/KPTS/III.06/1/2023',
  title: 'Renstra 2023-2026',
  date: '2023-01-04',
  periodStart: 2023,
  periodEnd: 2026,
};
const perubahan2126: DecreeInfo = {
  ...renstra2126,
  number: '050/30/KPTS/2024',
  kind: 'perubahan',
  date: '2024-02-01',
};

const old = {
  ...koperasiSehat,
  targets: [2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({ year, value: '10' })),
};
const enactedDecree = (id: string, info: DecreeInfo, seq: number, ind = old): PlanEvent[] => [
  drafted(id, info),
  element(id, sasaran),
  indicator(id, ind),
  enacted(id, info.number, seq),
];

describe('periodInForceFor', () => {
  const periods = [
    { periodStart: 2021, periodEnd: 2026, establishedAt: 1 },
    { periodStart: 2023, periodEnd: 2026, establishedAt: 2 },
  ];
  it.each([
    [2020, null],
    [2021, '2021-2026'],
    [2022, '2021-2026'],
    [2023, '2023-2026'],
    [2024, '2023-2026'],
    [2026, '2023-2026'],
    [2027, null],
  ])('for %i the period in force is %s', (year, expected) => {
    const p = periodInForceFor(periods, year);
    expect(p ? `${p.periodStart}-${p.periodEnd}` : null).toBe(expected);
  });

  it('does not depend on the order the periods are listed in', () => {
    expect(periodInForceFor([...periods].reverse(), 2024)?.periodStart).toBe(2023);
  });

  it('an older period established later wins where both cover the year', () => {
    const later = [
      { periodStart: 2023, periodEnd: 2026, establishedAt: 1 },
      { periodStart: 2021, periodEnd: 2026, establishedAt: 2 },
    ];
    expect(periodInForceFor(later, 2024)?.periodStart).toBe(2021);
  });

  it('yearsInForce gives each period only the years it governs', () => {
    expect(yearsInForce(periods, { periodStart: 2021, periodEnd: 2026 })).toEqual([2021, 2022]);
    expect(yearsInForce(periods, { periodStart: 2023, periodEnd: 2026 })).toEqual([
      2023, 2024, 2025, 2026,
    ]);
    expect(yearsInForce(periods, { periodStart: 2018, periodEnd: 2020 })).toEqual([]);
  });
});

describe('planPeriodInForce', () => {
  const newer = {
    ...pdrb,
    targets: [2023, 2024, 2025, 2026].map((year) => ({ year, value: '900' })),
  };
  const events = [
    ...enactedDecree('r1', renstra2126, 1),
    ...enactedDecree('r2', renstra2326, 2, newer),
  ];
  const state = fold(planDecider, events);

  it('given Renstra 2021–2026 and a newer Renstra 2023–2026, 2024 follows the newer', () => {
    const p = planPeriodInForce(state, 2024);
    expect(p).toMatchObject({
      periodStart: 2023,
      periodEnd: 2026,
      decreeNumber: renstra2326.number,
    });
    expect(Object.keys(snapshotOf(state, p!).indicators)).toEqual(['IKU-4']);
  });

  it('and 2022 still follows the older one', () => {
    const p = planPeriodInForce(state, 2022);
    expect(p).toMatchObject({
      periodStart: 2021,
      periodEnd: 2026,
      decreeNumber: renstra2126.number,
    });
    expect(Object.keys(snapshotOf(state, p!).indicators)).toEqual(['IKU-1']);
  });

  it('an amendment of the older Renstra changes its content, not which period is in force', () => {
    const amended = fold(planDecider, [
      ...events,
      ...enactedDecree('r3', perubahan2126, 3, { ...old, name: 'Koperasi sehat (perubahan)' }),
    ]);
    expect(planPeriodInForce(amended, 2024)?.periodStart).toBe(2023);
    expect(planPeriodInForce(amended, 2022)).toMatchObject({
      periodStart: 2021,
      decreeId: 'r3',
      decreeNumber: perubahan2126.number,
    });
  });

  it('a draft Renstra is not in force', () => {
    const withDraft = fold(planDecider, [
      ...enactedDecree('r1', renstra2126, 1),
      drafted('r2', renstra2326),
    ]);
    expect(planPeriodInForce(withDraft, 2024)?.periodStart).toBe(2021);
    expect(planPeriodInForce(fold(planDecider, []), 2024)).toBeNull();
  });
});
