// Each event type's schema round-trips a real event: the events below are produced by the
// domain's deciders (decide, then evolve, command after command), never written by hand.
import { describe, expect, it } from 'vitest';
import {
  budgetDecider,
  catalogDecider,
  DEFAULT_PREDIKAT_SCALE,
  comparisonDecider,
  narrativeDecider,
  opdDecider,
  pkDecider,
  planDecider,
  realizationDecider,
  regionDecider,
  spendingDecider,
  userDecider,
  type Decider,
  type DomainEvent,
} from '@sakip/domain';
import {
  CURRENT_SCHEMA_VERSION,
  checkNewEvents,
  InvalidEventError,
  parseEvent,
  parseEventData,
  type SakipEventType,
} from '../src';
import {
  koperasiSehat,
  opdId,
  pdrb,
  sasaran,
  sk1,
  sk2,
} from '../../domain/test/plans/plan-fixtures';
import { record as recordRealization } from '../../domain/test/realizations/fixtures';

/** Runs commands through a decider as the executor does; returns every event produced. */
function run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: C[]): E[] {
  let state = decider.initialState;
  const out: E[] = [];
  for (const c of commands) {
    for (const e of decider.decide(c, state)) {
      state = decider.evolve(state, e);
      out.push(e);
    }
  }
  return out;
}

const on = (decreeId: string) => ({ opdId, decreeId });
const kadis = { name: 'Drs. Ahmad Suryadi, M.M.', nip: null, position: 'Kepala Dinas' };
const bupati = { name: 'Parosil Mabsus', nip: null, position: 'Bupati Lampung Barat' };
const pkKnown = {
  indicatorCodes: ['IKU-1', 'IKU-4'],
  programCodes: ['PRG-1'],
  periodStart: 2023,
  periodEnd: 2026,
};
const budgetKnown = { programCodes: ['PRG-1'], kegiatanCodes: ['KEG-1.1'], subKegiatanCodes: [] };
const hash = '$2b$10$abcdefghijklmnopqrstuuGkQ0x6c9p0i3r2m7n8o9p0q1r2s3t4u';
const admin = { role: 'opd_operator' as const, scope: { level: 'opd' as const, code: opdId } };
const viewer = { role: 'viewer' as const, scope: { level: 'opd' as const, code: opdId } };

const verify = {
  type: 'VerifyRealization' as const,
  period: 'TW1' as const,
  level: 'head' as const,
  inspectorRequired: false,
  actor: 'user-kadis',
};

const produced: DomainEvent[] = [
  ...run(regionDecider, [
    { type: 'RegisterRegion', code: '18.04', name: 'Kabupaten Lampung Barat', codeEdition: 'x' },
    { type: 'RenameRegion', code: '18.04', name: 'Kab. Lampung Barat', legalBasis: 'PP 1/2024' },
    {
      type: 'ConfigureMeasurement',
      code: '18.04',
      settings: {
        inspectorRequired: true,
        lowerIsBetterMethod: 'inverse_ratio',
        efficiencyMethod: 'difference',
        predikatScale: DEFAULT_PREDIKAT_SCALE,
      },
    },
    { type: 'ConfigureTimeZone', code: '18.04', timeZone: 'WITA' },
  ]),
  ...run(opdDecider, [
    { type: 'RegisterOpd', regionCode: '18.04', code: 'DISKOPERINDAG', name: 'Dinas Koperasi' },
    { type: 'RenameOpd', name: 'Dinas Koperasi dan UKM', legalBasis: 'Perda 5/2025' },
    {
      type: 'AddUnit',
      unit: { code: 'SEKRETARIAT', name: 'Sekretariat', kind: 'sekretariat', parentCode: null },
    },
    {
      type: 'AddPosition',
      position: {
        code: 'KADIS',
        title: 'Kepala Dinas',
        unitCode: null,
        tugas: 'Memimpin dinas',
        fungsi: ['perumusan kebijakan'],
      },
    },
    { type: 'MergeOpd', intoOpdId: '18.04-DISPERINDAG', legalBasis: 'Perda 9/2025' },
  ]),
  ...run(opdDecider, [
    { type: 'RegisterOpd', regionCode: '18.04', code: 'DISPAR', name: 'Dinas Pariwisata' },
    { type: 'DissolveOpd', legalBasis: 'Perda 9/2025' },
  ]),
  ...run(userDecider, [
    {
      type: 'RegisterUser',
      username: 'operator.kop',
      displayName: 'Operator Koperasi',
      passwordHash: hash,
      bindings: [admin],
    },
    { type: 'GrantRole', binding: viewer },
    { type: 'RevokeRole', binding: viewer },
    { type: 'ChangePassword', passwordHash: hash.replace('abc', 'xyz') },
    { type: 'DisableUser', reason: 'Pindah tugas' },
  ]),
  ...run(catalogDecider, [
    {
      type: 'DefineCatalogIndicator',
      code: 'KOP-SEHAT',
      name: 'Persentase koperasi sehat',
      satuan: '%',
      polarity: 'higher_better',
      description: null,
    },
    {
      type: 'DefineCatalogIndicator',
      code: 'KOP-AKTIF',
      name: 'Persentase koperasi aktif',
      satuan: '%',
      polarity: 'higher_better',
      description: 'Koperasi yang RAT',
    },
    {
      type: 'MapIndicator',
      opdId,
      indicatorCode: 'IKU-1',
      catalogCode: 'KOP-SEHAT',
      local: { satuan: '%', polarity: 'higher_better' },
    },
    {
      type: 'MapIndicator',
      opdId,
      indicatorCode: 'IKU-1',
      catalogCode: 'KOP-AKTIF',
      local: { satuan: '%', polarity: 'higher_better' },
    },
    { type: 'UnmapIndicator', opdId, indicatorCode: 'IKU-1' },
  ]),
  ...run(planDecider, [
    { type: 'DraftDecree', ...on('sk1'), info: sk1 },
    { type: 'EditDecree', ...on('sk1'), info: { ...sk1, place: 'Liwa, Lampung Barat' } },
    { type: 'DefineElement', ...on('sk1'), element: sasaran },
    { type: 'DefineIndicator', ...on('sk1'), indicator: koperasiSehat, knownPositions: [] },
    { type: 'DefineIndicator', ...on('sk1'), indicator: pdrb, knownPositions: [] },
    { type: 'EnactDecree', ...on('sk1') },
    { type: 'DraftDecree', ...on('sk2'), info: sk2 },
    {
      type: 'DefineIndicator',
      ...on('sk2'),
      indicator: { ...pdrb, name: 'PDRB' },
      knownPositions: [],
    },
    { type: 'WithdrawChange', ...on('sk2'), key: 'indicator:IKU-4' },
    { type: 'RetireIndicator', ...on('sk2'), code: 'IKU-4', reason: 'tidak relevan' },
    { type: 'EnactDecree', ...on('sk2') },
  ]),
  ...run(pkDecider, [
    {
      type: 'SignPk',
      opdId,
      year: 2024,
      positionCode: 'KADIS',
      firstParty: kadis,
      secondParty: bupati,
      date: '2024-01-31',
      targets: [{ indicatorCode: 'IKU-1', value: '32', unit: null }],
      budgets: [{ programCode: 'PRG-1', amount: '1250000000.50' }],
      known: pkKnown,
    },
    {
      type: 'RevisePk',
      reason: 'Perubahan anggaran',
      date: '2024-09-30',
      targets: [{ indicatorCode: 'IKU-1', value: '33', unit: null }],
      budgets: [{ programCode: 'PRG-1', amount: '1300000000' }],
      known: pkKnown,
    },
  ]),
  ...run(budgetDecider, [
    {
      type: 'RecordBudgetStage',
      opdId,
      year: 2024,
      stage: 'dpa_pengesahan',
      documentRef: 'DPA-1/2024',
      date: '2024-01-05',
      lines: [
        {
          programCode: 'PRG-1',
          kegiatanCode: 'KEG-1.1',
          subKegiatanCode: null,
          amount: '1250000000.50',
          fundingSource: 'DAU',
        },
      ],
      known: budgetKnown,
    },
  ]),
  ...run(spendingDecider, [
    {
      type: 'RecordSpending',
      opdId,
      year: 2024,
      period: 'TW1',
      lines: [
        { programCode: 'PRG-1', kegiatanCode: null, subKegiatanCode: null, amount: '1000000' },
      ],
      actor: 'user-operator',
    },
  ]),
  ...run(realizationDecider, [
    recordRealization('TW1'),
    { type: 'SubmitRealization', period: 'TW1', actor: 'user-operator' },
    {
      type: 'ReturnRealization',
      period: 'TW1',
      level: 'head',
      reason: 'Bukti kurang',
      actor: 'user-kadis',
    },
    recordRealization('TW1', '33'),
    { type: 'SubmitRealization', period: 'TW1', actor: 'user-operator' },
    { ...verify },
    { ...recordRealization('TW1', '34'), type: 'CorrectRealization', reason: 'Data BPS final' },
    { type: 'SubmitRealization', period: 'TW1', actor: 'user-operator' },
    { ...verify },
    { type: 'LockYear', actor: 'user-kadis' },
  ]),
  ...run(narrativeDecider, [
    {
      type: 'RecordNarrative',
      opdId,
      sasaranCode: 'SS-1',
      year: 2024,
      actor: 'user-operator',
      faktorPendukung: 'Pendampingan koperasi',
      faktorPenghambat: 'Anggaran terbatas',
      solusi: 'Kemitraan',
    },
  ]),
  ...run(comparisonDecider, [
    {
      type: 'RecordComparison',
      scope: 'province',
      code: '18',
      indicatorKey: 'KOP-SEHAT',
      opdId: null,
      catalogCodes: ['KOP-SEHAT'],
      year: 2024,
      value: '41.2',
      source: 'Dinas Koperasi Provinsi Lampung',
      actor: 'admin.18',
    },
  ]),
  // An old bare-key figure carried into its owner's stream, and the marker on the old stream.
  ...run(comparisonDecider, [
    {
      type: 'CarryOverComparison',
      opdId,
      indicatorCode: 'IKU-4',
      year: 2024,
      fromStreamId: 'cmp-IKU-4-2024',
      fromEventId: '0b9f3c1e-6a55-5d2e-9d1a-4c7a8f2b1e01',
      figure: { scope: 'province', code: '18', value: '41.5', source: 'BPS Provinsi Lampung' },
      actor: 'cli',
    },
  ]),
  ...run(comparisonDecider, [
    {
      type: 'RecordComparison',
      scope: 'province',
      code: '18',
      indicatorKey: 'IKU-4',
      opdId: null,
      catalogCodes: ['IKU-4'],
      year: 2024,
      value: '41.5',
      source: 'BPS Provinsi Lampung',
      actor: 'user-lama',
    },
    {
      type: 'MarkComparisonCarried',
      indicatorKey: 'IKU-4',
      year: 2024,
      fromEventId: '0b9f3c1e-6a55-5d2e-9d1a-4c7a8f2b1e01',
      opdId,
      actor: 'cli',
    },
  ]),
];

const ALL_TYPES = Object.keys(CURRENT_SCHEMA_VERSION) as SakipEventType[];
const firstOf = (type: string) => produced.find((e) => e.type === type);

describe('event schemas against events the deciders produce', () => {
  it('the scenarios produce every event type the registry knows', () => {
    expect([...new Set(produced.map((e) => e.type))].sort()).toEqual([...ALL_TYPES].sort());
  });

  it.each(ALL_TYPES)('%s round-trips through its schema unchanged', (type) => {
    const event = firstOf(type);
    expect(event, `no ${type} produced`).toBeDefined();
    const stored = JSON.parse(JSON.stringify(event!.data)) as unknown;
    const parsed = parseEvent({ type, schemaVersion: CURRENT_SCHEMA_VERSION[type], data: stored });
    expect(parsed).toEqual({ type, data: event!.data });
    // Append checks the same events and keeps their data as given.
    expect(checkNewEvents([event!])).toEqual([
      { type, schemaVersion: CURRENT_SCHEMA_VERSION[type], data: event!.data },
    ]);
  });
});

describe('refusals', () => {
  const opdRegistered = firstOf('OpdRegistered')!;

  it('refuses an unknown event type, and a known type at a version with no schema', () => {
    expect(() => checkNewEvents([{ type: 'OpdRenamd', data: {} }])).toThrow(
      /Jenis peristiwa "OpdRenamd" versi 0 tidak dikenal \/ Unknown event type "OpdRenamd"/,
    );
    expect(() => parseEventData('OpdRegistered', 7, opdRegistered.data)).toThrow(InvalidEventError);
    expect(() =>
      parseEvent({ type: 'OpdRegistered', schemaVersion: 2, data: opdRegistered.data }),
    ).toThrow(/OpdRegistered v2 was not upcast to v1/);
  });

  it('refuses a wrong, missing or unknown field and names each one', () => {
    const data = { ...(opdRegistered.data as Record<string, unknown>) };
    delete data.name;
    const bad = { type: 'OpdRegistered', data: { ...data, code: 7, colour: 'blue' } };
    let error: unknown;
    try {
      checkNewEvents([bad]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    const e = error as InvalidEventError;
    expect(e.code).toBe('invalid_event_data');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['data', 'data.code', 'data.name']);
    expect(e.message).toMatch(/^Data peristiwa OpdRegistered v1 tidak sesuai skema: .* \/ /);
    expect(e.message).toContain('colour');
  });

  it('refuses a value outside the domain enumeration deep in the payload', () => {
    const indicator = firstOf('IndicatorDefined')!;
    const d = indicator.data as { indicator: Record<string, unknown> };
    expect(() =>
      parseEventData('IndicatorDefined', 1, {
        ...d,
        indicator: { ...d.indicator, polarity: 'sideways' },
      }),
    ).toThrow(/data\.indicator\.polarity/);
  });
});
