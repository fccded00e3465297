// The cross-OPD / cross-kabupaten comparison page works from the rows of the comparison read
// model (dashboards.comparison): one row per catalog indicator × region × OPD × indicator × year.
import { indicatorPrecision, MIN_DISPLAY_DECIMALS, roundForDisplay } from '@sakip/domain';
import type { MessageKey } from './i18n';

/** A row of rm_comparison as the page uses it (numerics stay canonical decimal strings). */
export interface ComparisonRow {
  provinceCode: string;
  regionCode: string;
  opdId: string;
  indicatorCode: string;
  catalogCode: string;
  catalogName: string | null;
  catalogSatuan: string | null;
  year: number;
  target: string | null;
  targetMin: string | null;
  targetMax: string | null;
  targetText: string | null;
  targetSource: 'pk' | 'renstra' | null;
  realization: string | null;
  /** The capaian as the domain displays it ("104.17"), null when not computable. */
  capaian: string | null;
  capaianReason: string | null;
  predikat: string | null;
  predikatCode: string | null;
  /** Periods whose newest value waits for verification: not counted in capaian or ranking. */
  pending: number;
}

const str = (v: unknown): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

/** Reads the API's rows (snake_case, numerics as strings or numbers) into ComparisonRow. */
export function parseComparisonRows(raw: readonly Record<string, unknown>[]): ComparisonRow[] {
  return raw.map((r) => {
    const capaianValue = str(r.capaian);
    const source = str(r.target_source);
    return {
      provinceCode: String(r.province_code ?? ''),
      regionCode: String(r.region_code ?? ''),
      opdId: String(r.opd_id ?? ''),
      indicatorCode: String(r.indicator_code ?? ''),
      catalogCode: String(r.catalog_code ?? ''),
      catalogName: str(r.catalog_name),
      catalogSatuan: str(r.catalog_satuan),
      year: Number(r.year),
      target: str(r.target),
      targetMin: str(r.target_min),
      targetMax: str(r.target_max),
      targetText: str(r.target_text),
      targetSource: source === 'pk' || source === 'renstra' ? source : null,
      realization: str(r.realization),
      capaian: capaianValue === null ? null : (str(r.capaian_display) ?? capaianValue),
      capaianReason: str(r.capaian_reason),
      predikat: str(r.predikat),
      predikatCode: str(r.predikat_code),
      pending: Number(r.pending ?? 0),
    };
  });
}

export interface ComparisonFilter {
  region: string;
  yearFrom: number;
  yearTo: number;
}

/** The rows the page shows (and exports): the region chosen (or all) within the year range. */
export function filterComparison(
  rows: readonly ComparisonRow[],
  f: ComparisonFilter,
): ComparisonRow[] {
  return rows.filter(
    (r) => (!f.region || r.regionCode === f.region) && r.year >= f.yearFrom && r.year <= f.yearTo,
  );
}

/** How many values of the rows shown wait for verification (they count once verified). */
export const pendingTotal = (rows: readonly ComparisonRow[]): number =>
  rows.reduce((n, r) => n + r.pending, 0);

export const yearsBetween = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

/** One OPD indicator mapped to the catalog indicator: a heat-map row, a trend line. */
export interface ComparisonSeries {
  key: string;
  opdId: string;
  indicatorCode: string;
  regionCode: string;
}

export function seriesOf(rows: readonly ComparisonRow[]): ComparisonSeries[] {
  const out = new Map<string, ComparisonSeries>();
  for (const r of rows) {
    const key = `${r.opdId}|${r.indicatorCode}`;
    if (!out.has(key))
      out.set(key, {
        key,
        opdId: r.opdId,
        indicatorCode: r.indicatorCode,
        regionCode: r.regionCode,
      });
  }
  return [...out.values()].sort(
    (a, b) =>
      a.regionCode.localeCompare(b.regionCode) ||
      a.opdId.localeCompare(b.opdId) ||
      a.indicatorCode.localeCompare(b.indicatorCode),
  );
}

export const rowOf = (
  rows: readonly ComparisonRow[],
  s: ComparisonSeries,
  year: number,
): ComparisonRow | undefined =>
  rows.find((r) => r.opdId === s.opdId && r.indicatorCode === s.indicatorCode && r.year === year);

/** The latest year of the range with a capaian (the current year is often empty). */
export function rankYearOf(
  rows: readonly ComparisonRow[],
  years: readonly number[],
): number | null {
  return (
    [...years].reverse().find((y) => rows.some((r) => r.year === y && r.capaian !== null)) ??
    years[years.length - 1] ??
    null
  );
}

/** The rows of one year, best capaian first (not computable last). */
export function ranked(rows: readonly ComparisonRow[], year: number | null): ComparisonRow[] {
  const score = (r: ComparisonRow) => (r.capaian === null ? -Infinity : Number(r.capaian));
  return rows
    .filter((r) => r.year === year)
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        a.regionCode.localeCompare(b.regionCode) ||
        a.opdId.localeCompare(b.opdId),
    );
}

/** Realization per year, one column per series (s0, s1, … : OPD ids carry dots). */
export function trendData(
  rows: readonly ComparisonRow[],
  series: readonly ComparisonSeries[],
  years: readonly number[],
): Record<string, number | null>[] {
  return years.map((year) => {
    const point: Record<string, number | null> = { year };
    series.forEach((s, i) => {
      const v = rowOf(rows, s, year)?.realization ?? null;
      point[`s${i}`] = v === null ? null : Number(v);
    });
    return point;
  });
}

/** The target as shown: the value, else the band, else the text target. */
export function targetLabel(r: ComparisonRow): string | null {
  if (r.target !== null) return r.target;
  if (r.targetMin !== null || r.targetMax !== null)
    return `${r.targetMin ?? ''}–${r.targetMax ?? ''}`;
  return r.targetText;
}

const REASONS: Record<string, MessageKey> = {
  no_target: 'cmp.reason.no_target',
  target_zero: 'cmp.reason.target_zero',
  no_realization: 'cmp.reason.no_realization',
  invalid_target: 'cmp.reason.invalid_target',
  invalid_realization: 'cmp.reason.invalid_realization',
  realization_zero: 'cmp.reason.realization_zero',
};

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function reasonLabel(reason: string | null, t: Translate): string | null {
  if (reason === null) return null;
  const key = REASONS[reason];
  return key ? t(key) : reason;
}

export interface ExportNames {
  opdName: (opdId: string) => string;
  regionName: (regionCode: string, opdId: string) => string;
}

/**
 * The display precision of each series (OPD × indicator): the decimals its targets and written
 * realizations have, at least two (indicatorPrecision). Keyed like seriesOf.
 */
export function seriesPrecision(rows: readonly ComparisonRow[]): Map<string, number> {
  const values = new Map<string, (string | null)[]>();
  for (const r of rows) {
    const key = `${r.opdId}|${r.indicatorCode}`;
    values.set(key, [
      ...(values.get(key) ?? []),
      r.target,
      r.targetMin,
      r.targetMax,
      r.realization,
    ]);
  }
  return new Map([...values].map(([k, v]) => [k, indicatorPrecision(v)] as const));
}

/**
 * The table both exports write: exactly the rows the page shows, in heat-map order. Numeric
 * cells stay canonical decimal strings (the XLSX turns them into numbers): targets as stored,
 * a computed realization rounded to its indicator's precision, capaian to two decimals, so no
 * cell carries the 40 digits of a division.
 */
export function exportTable(
  rows: readonly ComparisonRow[],
  names: ExportNames,
  t: Translate,
): { header: string[]; body: (string | number | null)[][] } {
  const series = seriesOf(rows);
  const order = new Map(series.map((s, i) => [s.key, i] as const));
  const sorted = [...rows].sort(
    (a, b) =>
      order.get(`${a.opdId}|${a.indicatorCode}`)! - order.get(`${b.opdId}|${b.indicatorCode}`)! ||
      a.year - b.year,
  );
  const header = [
    t('common.opd'),
    t('common.region'),
    t('common.indicator'),
    t('common.year'),
    t('common.target'),
    t('common.realization'),
    `${t('common.capaian')} (%)`,
    t('common.predikat'),
    t('cmp.targetSource'),
    t('cmp.catalog'),
    t('common.unit'),
    t('cmp.note'),
    t('cmp.pendingColumn'),
  ];
  const precision = seriesPrecision(rows);
  const round = (v: string | null, places: number) =>
    v === null ? null : (roundForDisplay(v, places) ?? v);
  const body = sorted.map((r) => [
    names.opdName(r.opdId),
    names.regionName(r.regionCode, r.opdId),
    r.indicatorCode,
    r.year,
    targetLabel(r),
    round(r.realization, precision.get(`${r.opdId}|${r.indicatorCode}`) ?? MIN_DISPLAY_DECIMALS),
    round(r.capaian, MIN_DISPLAY_DECIMALS),
    r.predikat,
    r.targetSource === 'pk' ? 'PK' : r.targetSource === 'renstra' ? 'Renstra' : null,
    r.catalogName ? `${r.catalogCode} · ${r.catalogName}` : r.catalogCode,
    r.catalogSatuan,
    reasonLabel(r.capaianReason, t),
    r.pending,
  ]);
  return { header, body };
}

/** A decimal string becomes a number for the spreadsheet; anything else stays as written. */
export const spreadsheetCell = (v: string | number | null): string | number | null =>
  typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;

/** The API's "read model not built yet" answer (the projector has not run). */
export function isNotBuilt(err: unknown): boolean {
  return (err as { data?: { code?: string } | null } | null)?.data?.code === 'PRECONDITION_FAILED';
}
