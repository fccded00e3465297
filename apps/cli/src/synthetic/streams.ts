/**
 * Domain-shaped streams of one synthetic dataset, produced lazily in a fixed order (regions,
 * then per OPD: organisation, plan, PK per year, realization per indicator and year), so a
 * national run never holds more than one OPD in memory.
 */
import type { DecreeRef, EventMetadata, NewEvent } from '@sakip/event-store';
import {
  opdStreamId,
  pkStreamId,
  planStreamId,
  QUARTER_PERIODS,
  realizationStreamId,
  regionStreamId,
  type DecreeInfo,
  type Indicator,
  type Period,
  type PkTarget,
  type PlanElement,
  type Polarity,
  type RealizationEvent,
  type RegionEvent,
  type OpdEvent,
  type PlanEvent,
  type PkEvent,
  type RollupRule,
  type YearTarget,
} from '@sakip/domain';
import { rngFor, uuidFrom, type Rng } from './prng';
import {
  elementCounts,
  POSITIONS_PER_OPD,
  revisedPerDecree,
  UNITS_PER_OPD,
  type Kind,
  type Region,
  type Shape,
} from './shape';

export interface Batch {
  events: NewEvent[];
  decree: DecreeRef | null;
}
export interface PlannedStream {
  kind: Kind;
  streamId: string;
  streamType: Kind;
  provinceCode: string;
  regionCode: string | null;
  /** One es_append each, in order. */
  batches: Batch[];
}

export const SYNTHETIC_ACTOR = {
  userId: 'system:synthetic',
  role: 'system',
  scope: { level: 'national' as const, code: '' },
};

const ev = <E extends { type: string; data: unknown }>(e: E): NewEvent => e as unknown as NewEvent;

export function metadataFor(shape: Shape, s: PlannedStream, batch: number): EventMetadata {
  const commandId = uuidFrom(shape.seed, s.streamId, batch);
  const correlationId = uuidFrom(shape.seed, 'run');
  return {
    actor: SYNTHETIC_ACTOR,
    commandId,
    correlationId,
    causationId: correlationId,
    provinceCode: s.provinceCode,
    regionCode: s.regionCode,
    decree: s.batches[batch]?.decree ?? null,
  };
}

/** Same payload every run, so a second run into the same database replays instead of failing. */
export const payloadFor = (
  shape: Shape,
  s: PlannedStream,
  batch: number,
): Record<string, unknown> => ({ synthetic: shapeKey(shape), streamId: s.streamId, batch });

/**
 * Everything that decides the data (not --concurrency). It is part of each append's payload, so a
 * run with other arguments into a database that already holds this stream fails with an
 * IdempotencyConflictError instead of "replaying" events that differ.
 */
export function shapeKey(shape: Shape): string {
  const { seed, provinces, kabupaten, opds, indicators, years, startYear, quarters, revisions } =
    shape;
  return JSON.stringify({
    seed,
    provinces,
    kabupaten,
    opds,
    indicators,
    years,
    startYear,
    quarters,
    revisions,
  });
}

export function* plannedStreams(shape: Shape): Generator<PlannedStream> {
  for (const r of shape.regions) {
    const data = {
      code: r.code,
      level: r.level,
      provinceCode: r.provinceCode,
      name: r.name,
      codeEdition: 'Kepmendagri 2022 (sintetis)',
    };
    yield {
      kind: 'region',
      streamId: regionStreamId(r.code),
      streamType: 'region',
      provinceCode: r.provinceCode,
      regionCode: r.level === 'province' ? null : r.code,
      batches: [{ events: [ev<RegionEvent>({ type: 'RegionRegistered', data })], decree: null }],
    };
  }
  for (const r of shape.regions) {
    if (r.level === 'province') continue;
    for (let n = 1; n <= shape.opds; n++) yield* opdStreams(shape, buildOpd(shape, r, n));
  }
}

// ---------------------------------------------------------------------------------------------
// One OPD's plan: elements, indicators with yearly targets, and the perubahan SKs.

interface Decree {
  decreeId: string;
  info: DecreeInfo;
  elements: PlanElement[];
  indicators: Indicator[];
}

export interface OpdModel {
  opdId: string;
  code: string;
  region: Region;
  decrees: Decree[];
  /** Indicators as the last decree leaves them. */
  final: Indicator[];
  programCodes: string[];
}

export const opdIdFor = (regionCode: string, n: number): string => `${regionCode}-OPD${n}`;

const SATUAN: readonly { satuan: string; kind: 'percent' | 'count' | 'index' | 'days' }[] = [
  { satuan: '%', kind: 'percent' },
  { satuan: '%', kind: 'percent' },
  { satuan: 'dokumen', kind: 'count' },
  { satuan: 'orang', kind: 'count' },
  { satuan: 'unit', kind: 'count' },
  { satuan: 'indeks', kind: 'index' },
  { satuan: 'nilai', kind: 'index' },
  { satuan: 'hari', kind: 'days' },
];

const fmt = (v: number, decimals: number): string => Math.max(0, v).toFixed(decimals);
const decimalsOf = (satuan: string): number =>
  ['dokumen', 'orang', 'unit', 'hari'].includes(satuan) ? 0 : 2;

function targetsFor(
  rng: Rng,
  years: number[],
  satuan: (typeof SATUAN)[number],
  polarity: Polarity,
): { baseline: number; targets: YearTarget[] } {
  const d = decimalsOf(satuan.satuan);
  const base = {
    percent: rng.int(30, 85),
    count: rng.int(2, 400),
    index: 2 + rng.next() * 1.5,
    days: rng.int(5, 30),
  }[satuan.kind];
  const step = {
    percent: 1 + rng.int(0, 3),
    count: Math.max(1, Math.round(base * 0.05)),
    index: 0.05,
    days: 1,
  }[satuan.kind];
  const targets = years.map((year, i): YearTarget => {
    if (polarity === 'range') {
      const mid = base + step * i;
      return {
        year,
        value: null,
        min: fmt(mid * 0.9, d),
        max: fmt(mid * 1.1 + (d === 0 ? 1 : 0), d),
      };
    }
    const sign = polarity === 'lower_better' ? -1 : 1;
    const v = Math.max(d === 0 ? 1 : 0.01, base + sign * step * (i + 1));
    return { year, value: fmt(satuan.kind === 'percent' ? Math.min(100, v) : v, d) };
  });
  return { baseline: base, targets };
}

/** A target moved by a perubahan: up or down, always different from before. */
function revise(t: YearTarget, factor: number, satuan: string): YearTarget {
  const d = decimalsOf(satuan);
  const move = (s: string | null | undefined): string | null => {
    if (s === null || s === undefined) return null;
    const next = fmt(Number(s) * factor, d);
    return next === s ? fmt(Number(s) + (d === 0 ? 1 : 0.5), d) : next;
  };
  return t.value === null
    ? { ...t, min: move(t.min), max: move(t.max) }
    : { ...t, value: move(t.value) };
}

export function buildOpd(shape: Shape, region: Region, n: number): OpdModel {
  const opdId = opdIdFor(region.code, n);
  const rng = rngFor(shape.seed, 'plan', opdId);
  const years = Array.from({ length: shape.years }, (_, i) => shape.startYear + i);
  const period = { periodStart: years[0]!, periodEnd: years.at(-1)! };
  const signer = {
    name: `Kepala Dinas ${n} ${region.code}`,
    nip: nipFor(rng),
    position: 'Kepala Dinas',
  };

  const ec = elementCounts(shape.indicators);
  const elements: PlanElement[] = [
    { code: 'T1', level: 'tujuan', name: `Tujuan OPD ${n}`, parentCode: null },
  ];
  for (let s = 1; s <= ec.sasaran; s++)
    elements.push({
      code: `S${s}`,
      level: 'sasaran',
      name: `Sasaran strategis ${s}`,
      parentCode: 'T1',
    });
  for (let p = 1; p <= ec.program; p++)
    elements.push({
      code: `P${p}`,
      level: 'program',
      name: `Program ${p}`,
      parentCode: `S${Math.ceil(p / 2)}`,
    });
  for (let k = 1; k <= ec.kegiatan; k++)
    elements.push({
      code: `K${k}`,
      level: 'kegiatan',
      name: `Kegiatan ${k}`,
      parentCode: `P${Math.ceil(k / 2)}`,
    });

  const indicators: Indicator[] = [];
  for (let i = 0; i < shape.indicators; i++) {
    // A third IKU on sasaran, a third program, a third kegiatan indicators; the first is always an IKU.
    const kind = i % 3 === 0 ? 'iku' : i % 3 === 1 ? 'program' : 'kegiatan';
    const prefix = { iku: 'IKU', program: 'IKP', kegiatan: 'IKK' }[kind];
    const elementCode =
      kind === 'iku'
        ? `S${(i % ec.sasaran) + 1}`
        : kind === 'program'
          ? `P${(i % ec.program) + 1}`
          : `K${(i % ec.kegiatan) + 1}`;
    const satuan = rng.pick(SATUAN);
    const roll = rng.next();
    const polarity: Polarity =
      satuan.kind === 'days' || roll < 0.15
        ? 'lower_better'
        : roll < 0.25
          ? 'range'
          : 'higher_better';
    const rollup: RollupRule =
      satuan.kind === 'count'
        ? 'sum'
        : satuan.kind === 'percent' && roll > 0.6
          ? 'average'
          : 'last';
    const { baseline, targets } = targetsFor(rng, years, satuan, polarity);
    indicators.push({
      code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      kind,
      elementCode,
      positionCode: null,
      name: `Indikator ${prefix} ${i + 1} OPD ${n}`,
      definition: null,
      formulaText: null,
      formula: null,
      satuan: satuan.satuan,
      polarity,
      sumberData: 'Data sintetis',
      penanggungJawab: kind === 'iku' ? 'Sekretariat' : `Bidang ${(i % 3) + 1}`,
      dataPeriod: shape.quarters ? 'quarterly' : 'yearly',
      rollup,
      baseline: { year: years[0]! - 1, value: fmt(baseline, decimalsOf(satuan.satuan)) },
      targets,
      cascadeTo: null,
    });
  }

  const numberBase = `050/${String(n).padStart(3, '0')}/${region.code}`;
  const info = (
    kind: DecreeInfo['kind'],
    number: string,
    date: string,
    title: string,
  ): DecreeInfo => ({
    number,
    title,
    date,
    place: region.name.replace(/^(Kabupaten|Kota) Sintetis /, ''),
    signer,
    legalBases: [`Perda ${region.code} Nomor 1 Tahun ${years[0]! - 1}`],
    kind,
    ...period,
  });
  const decrees: Decree[] = [
    {
      decreeId: uuidFrom(shape.seed, 'decree', opdId, 0),
      info: info(
        'penetapan',
        `${numberBase}/${years[0]}`,
        `${years[0]}-01-${String(rng.int(2, 28)).padStart(2, '0')}`,
        `Penetapan Indikator Kinerja OPD ${n} ${period.periodStart}–${period.periodEnd}`,
      ),
      elements,
      indicators,
    },
  ];
  let current = indicators.slice();
  for (let r = 1; r <= shape.revisions; r++) {
    // Perubahan r lands in a later year of the period and moves the targets from that year on.
    const fromYear =
      years[Math.min(years.length - 1, Math.floor((r * years.length) / (shape.revisions + 1)))]!;
    const picked = pickDistinct(rng, current.length, revisedPerDecree(shape.indicators));
    const revised = picked.map((idx) => {
      const ind = current[idx]!;
      const factor = rng.next() < 0.5 ? 0.9 : 1.1;
      return {
        ...ind,
        targets: ind.targets.map((t) => (t.year >= fromYear ? revise(t, factor, ind.satuan) : t)),
      };
    });
    current = current.map((ind) => revised.find((x) => x.code === ind.code) ?? ind);
    decrees.push({
      decreeId: uuidFrom(shape.seed, 'decree', opdId, r),
      info: info(
        'perubahan',
        `${numberBase}/P${r}/${fromYear}`,
        `${fromYear}-0${1 + ((r - 1) % 9)}-15`,
        `Perubahan ${r} Indikator Kinerja OPD ${n}`,
      ),
      elements: [],
      indicators: revised,
    });
  }
  return {
    opdId,
    code: `OPD${n}`,
    region,
    decrees,
    final: current,
    programCodes: elements.filter((e) => e.level === 'program').map((e) => e.code),
  };
}

function pickDistinct(rng: Rng, n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(k, n); i++) {
    const j = rng.int(i, n - 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, Math.min(k, n)).sort((a, b) => a - b);
}

const nipFor = (rng: Rng): string =>
  `19${rng.int(65, 90)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}` +
  `${rng.int(1990, 2015)}${String(rng.int(1, 12)).padStart(2, '0')}${rng.int(1, 2)}${String(rng.int(1, 999)).padStart(3, '0')}`;

// ---------------------------------------------------------------------------------------------
// The streams of one OPD.

function* opdStreams(shape: Shape, m: OpdModel): Generator<PlannedStream> {
  const { opdId, region } = m;
  const base = { provinceCode: region.provinceCode, regionCode: region.code };

  const units = ['SEKRETARIAT', 'BID1', 'BID2', 'BID3'].slice(0, UNITS_PER_OPD);
  const org: NewEvent[] = [
    ev<OpdEvent>({
      type: 'OpdRegistered',
      data: {
        opdId,
        regionCode: region.code,
        provinceCode: region.provinceCode,
        code: m.code,
        name: `Dinas Sintetis ${m.code} ${region.code}`,
      },
    }),
  ];
  units.forEach((code, i) =>
    org.push(
      ev<OpdEvent>({
        type: 'UnitAdded',
        data: {
          opdId,
          code,
          name: i === 0 ? 'Sekretariat' : `Bidang ${i}`,
          kind: i === 0 ? 'sekretariat' : 'bidang',
          parentCode: null,
        },
      }),
    ),
  );
  const positions = [
    { code: 'KADIS', title: 'Kepala Dinas', unitCode: null },
    { code: 'SEKDIS', title: 'Sekretaris Dinas', unitCode: 'SEKRETARIAT' },
    { code: 'KABID1', title: 'Kepala Bidang 1', unitCode: 'BID1' },
    { code: 'KABID2', title: 'Kepala Bidang 2', unitCode: 'BID2' },
    { code: 'KABID3', title: 'Kepala Bidang 3', unitCode: 'BID3' },
  ].slice(0, POSITIONS_PER_OPD);
  for (const p of positions) {
    org.push(
      ev<OpdEvent>({
        type: 'PositionAdded',
        data: {
          opdId,
          ...p,
          tugas: `Memimpin ${p.title.toLowerCase()}`,
          fungsi: ['perumusan kebijakan', 'pelaksanaan kebijakan', 'evaluasi dan pelaporan'],
        },
      }),
    );
  }
  yield {
    kind: 'opd',
    streamId: opdStreamId(opdId),
    streamType: 'opd',
    ...base,
    batches: [{ events: org, decree: null }],
  };

  // Plan: one batch per SK (draft → changes → enact), so each carries its decree reference.
  const plan: Batch[] = m.decrees.map((d, i) => {
    const on = { opdId, decreeId: d.decreeId };
    const events: NewEvent[] = [
      ev<PlanEvent>({ type: 'DecreeDrafted', data: { ...on, info: d.info } }),
    ];
    for (const element of d.elements)
      events.push(ev<PlanEvent>({ type: 'ElementDefined', data: { ...on, element } }));
    for (const indicator of d.indicators)
      events.push(ev<PlanEvent>({ type: 'IndicatorDefined', data: { ...on, indicator } }));
    events.push(
      ev<PlanEvent>({
        type: 'DecreeEnacted',
        data: { ...on, number: d.info.number, sequence: i + 1 },
      }),
    );
    return { events, decree: { decreeId: d.decreeId, number: d.info.number } };
  });
  yield { kind: 'plan', streamId: planStreamId(opdId), streamType: 'plan', ...base, batches: plan };

  const years = Array.from({ length: shape.years }, (_, i) => shape.startYear + i);
  const head = region.level === 'kota' ? 'Wali Kota' : 'Bupati';
  const kadis = m.decrees[0]!.info.signer;
  for (const year of years) {
    const rng = rngFor(shape.seed, 'pk', opdId, year);
    const targets: PkTarget[] = m.final
      .filter((ind) => ind.kind === 'iku')
      .map((ind) => {
        const t = ind.targets.find((x) => x.year === year)!;
        return t.value === null
          ? {
              indicatorCode: ind.code,
              value: null,
              unit: ind.satuan,
              text: `${t.min ?? ''}–${t.max ?? ''}`,
            }
          : { indicatorCode: ind.code, value: t.value, unit: ind.satuan, text: null };
      });
    const budgets = m.programCodes.map((programCode) => ({
      programCode,
      amount: String(rng.int(50, 5000) * 1_000_000),
    }));
    const data = {
      opdId,
      year,
      positionCode: 'KADIS',
      firstParty: { name: kadis.name, nip: kadis.nip, position: `Kepala ${m.code}` },
      secondParty: {
        name: `${head} ${region.code}`,
        nip: null,
        position: `${head} ${region.name.replace(/^(Kabupaten|Kota) Sintetis /, '')}`,
      },
      revision: 0 as const,
      date: `${year}-01-31`,
      targets,
      budgets,
    };
    yield {
      kind: 'pk',
      streamId: pkStreamId(opdId, year, 'KADIS'),
      streamType: 'pk',
      ...base,
      batches: [{ events: [ev<PkEvent>({ type: 'PkSigned', data })], decree: null }],
    };
  }

  const periods: readonly Period[] = shape.quarters ? QUARTER_PERIODS : ['YEAR'];
  const operator = `operator.${opdId.toLowerCase()}`;
  const verifier = `kadis.${opdId.toLowerCase()}`;
  for (const ind of m.final) {
    for (const year of years) {
      const rng = rngFor(shape.seed, 'real', opdId, ind.code, year);
      const t = ind.targets.find((x) => x.year === year)!;
      const target = t.value !== null ? Number(t.value) : (Number(t.min) + Number(t.max)) / 2;
      const d = decimalsOf(ind.satuan);
      const events: NewEvent[] = [];
      periods.forEach((period, q) => {
        const share =
          period === 'YEAR'
            ? 1
            : ind.rollup === 'sum'
              ? 0.25
              : ind.rollup === 'last'
                ? 0.6 + 0.1 * (q + 1)
                : 1;
        const value = fmt(target * share * (0.85 + rng.next() * 0.25), d);
        const evidence = {
          documentRef: `Laporan ${period} ${year} ${m.code}`,
          dataSource: ind.sumberData ?? 'Data sintetis',
          attachment: null,
        };
        events.push(
          ev<RealizationEvent>({
            type: 'RealizationRecorded',
            data: {
              opdId,
              indicatorCode: ind.code,
              year,
              period,
              version: 1,
              actor: operator,
              value,
              inputs: null,
              formula: null,
              evidence,
              note: null,
            },
          }),
          ev<RealizationEvent>({
            type: 'RealizationSubmitted',
            data: { period, version: 1, actor: operator },
          }),
          ev<RealizationEvent>({
            type: 'RealizationVerified',
            data: { period, version: 1, level: 'head', status: 'verified', actor: verifier },
          }),
        );
      });
      yield {
        kind: 'realization',
        streamId: realizationStreamId(opdId, ind.code, year),
        streamType: 'realization',
        ...base,
        batches: [{ events, decree: null }],
      };
    }
  }
}
