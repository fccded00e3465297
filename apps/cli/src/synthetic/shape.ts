/**
 * The shape of a synthetic national dataset: how many provinces, kabupaten/kota, OPDs,
 * indicators and years, and the exact number of streams and events that shape produces.
 */

/** The 38 provinces with their Kemendagri codes (Kepmendagri 2022 edition). */
export const PROVINCES: readonly { code: string; name: string }[] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
].map(([code, name]) => ({ code: code!, name: name! }));

/** Kabupaten take KK 01–70, kota 71–99 (Kemendagri). */
const MAX_KABUPATEN = 70;
const MAX_KOTA = 29;
/** Nationally 98 of the 514 are kota. */
const KOTA_SHARE = 98 / 514;

export interface SyntheticArgs {
  provinces: number;
  kabupaten: number;
  opds: number;
  indicators: number;
  years: number;
  startYear: number;
  quarters: boolean;
  revisions: number;
  concurrency: number;
  /** 0 < scale ≤ 1: multiplies provinces, kabupaten, OPDs and indicators (each at least 1). */
  scale: number;
  seed: string;
}

export const NATIONAL: SyntheticArgs = {
  provinces: 38,
  kabupaten: 514,
  opds: 40,
  indicators: 150,
  years: 5,
  startYear: 2021,
  quarters: true,
  revisions: 1,
  concurrency: 6,
  scale: 1,
  seed: 'sakip',
};

/** Arguments after --scale, checked. Years, quarters and revisions are the time shape and do not scale. */
export interface Shape extends Omit<SyntheticArgs, 'scale'> {
  regions: Region[];
}

export interface Region {
  code: string;
  name: string;
  provinceCode: string;
  level: 'province' | 'kabupaten' | 'kota';
}

const scaled = (n: number, scale: number): number => Math.max(1, Math.round(n * scale));

export function resolveShape(args: SyntheticArgs): Shape {
  const errors: string[] = [];
  const int = (name: keyof SyntheticArgs, min: number, max: number): void => {
    const v = args[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      errors.push(`${name}: must be an integer in ${min}..${max}, got ${String(v)}`);
  };
  int('provinces', 1, PROVINCES.length);
  int('kabupaten', 1, PROVINCES.length * (MAX_KABUPATEN + MAX_KOTA));
  int('opds', 1, 9999);
  int('indicators', 1, 9999);
  // A Renstra decree spans at most 6 years (plan-rules checkDecreeInfo).
  int('years', 1, 6);
  int('startYear', 2000, 2094);
  int('revisions', 0, 50);
  int('concurrency', 1, 256);
  if (!(args.scale > 0 && args.scale <= 1))
    errors.push(`scale: must be in (0, 1], got ${args.scale}`);
  if (errors.length) throw new RangeError(errors.join('; '));
  const provinces = scaled(args.provinces, args.scale);
  const kabupaten = scaled(args.kabupaten, args.scale);
  if (kabupaten > provinces * (MAX_KABUPATEN + MAX_KOTA)) {
    throw new RangeError(
      `kabupaten: ${kabupaten} do not fit in ${provinces} provinces (at most ${MAX_KABUPATEN} kabupaten + ${MAX_KOTA} kota each)`,
    );
  }
  const { scale: _s, ...rest } = args;
  return {
    ...rest,
    provinces,
    kabupaten,
    opds: scaled(args.opds, args.scale),
    indicators: scaled(args.indicators, args.scale),
    regions: regionsOf(provinces, kabupaten),
  };
}

/** Provinces in code order, then their kabupaten (PP.01…) and kota (PP.71…), spread evenly. */
function regionsOf(provinces: number, kabupaten: number): Region[] {
  const out: Region[] = [];
  for (let p = 0; p < provinces; p++) {
    const prov = PROVINCES[p]!;
    out.push({
      code: prov.code,
      name: `Provinsi ${prov.name}`,
      provinceCode: prov.code,
      level: 'province',
    });
    const n = Math.floor(kabupaten / provinces) + (p < kabupaten % provinces ? 1 : 0);
    let kota = Math.min(MAX_KOTA, Math.round(n * KOTA_SHARE));
    if (n - kota > MAX_KABUPATEN) kota = n - MAX_KABUPATEN;
    for (let k = 1; k <= n - kota; k++) {
      const kk = String(k).padStart(2, '0');
      out.push({
        code: `${prov.code}.${kk}`,
        name: `Kabupaten Sintetis ${prov.code}.${kk}`,
        provinceCode: prov.code,
        level: 'kabupaten',
      });
    }
    for (let k = 0; k < kota; k++) {
      const kk = String(71 + k);
      out.push({
        code: `${prov.code}.${kk}`,
        name: `Kota Sintetis ${prov.code}.${kk}`,
        provinceCode: prov.code,
        level: 'kota',
      });
    }
  }
  return out;
}

export const UNITS_PER_OPD = 4;
export const POSITIONS_PER_OPD = 5;

/** Indicators one perubahan SK revises: a tenth, at least one. */
export const revisedPerDecree = (indicators: number): number =>
  Math.max(1, Math.round(indicators / 10));

/** Renstra elements of an OPD: one tujuan, s sasaran, 2s program, 4s kegiatan. */
export function elementCounts(indicators: number): {
  sasaran: number;
  program: number;
  kegiatan: number;
  total: number;
} {
  const sasaran = Math.min(5, Math.max(1, Math.ceil(indicators / 30)));
  return { sasaran, program: sasaran * 2, kegiatan: sasaran * 4, total: 1 + sasaran * 7 };
}

export interface Counts {
  streams: Record<Kind, number>;
  events: Record<string, number>;
  totalStreams: number;
  totalEvents: number;
  appends: number;
}
export type Kind = 'region' | 'opd' | 'plan' | 'pk' | 'realization';

/** Exactly what a run writes, computed from the shape alone (also the ETA's denominator). */
export function expectedCounts(shape: Shape): Counts {
  const regionStreams = shape.regions.length;
  const opds = shape.regions.filter((r) => r.level !== 'province').length * shape.opds;
  const n = shape.indicators;
  const periods = shape.quarters ? 4 : 1;
  const realStreams = opds * n * shape.years;
  const streams: Record<Kind, number> = {
    region: regionStreams,
    opd: opds,
    plan: opds,
    pk: opds * shape.years,
    realization: realStreams,
  };
  const events: Record<string, number> = {
    RegionRegistered: regionStreams,
    OpdRegistered: opds,
    UnitAdded: opds * UNITS_PER_OPD,
    PositionAdded: opds * POSITIONS_PER_OPD,
    DecreeDrafted: opds * (1 + shape.revisions),
    ElementDefined: opds * elementCounts(n).total,
    IndicatorDefined: opds * (n + shape.revisions * revisedPerDecree(n)),
    DecreeEnacted: opds * (1 + shape.revisions),
    PkSigned: opds * shape.years,
    RealizationRecorded: realStreams * periods,
    RealizationSubmitted: realStreams * periods,
    RealizationVerified: realStreams * periods,
  };
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  // One append per stream, except plan streams: one per decree, so each carries its decree ref.
  const appends =
    regionStreams + opds * 2 + opds * shape.years + realStreams + opds * shape.revisions;
  return { streams, events, totalStreams: sum(streams), totalEvents: sum(events), appends };
}
