import {
  achievementFor,
  DEFAULT_PREDIKAT_SCALE,
  pkTargetFor,
  realizationDecider,
  regionOfOpdId,
  streamInForce,
  targetInForce,
  yearsInForce,
  type IndicatorKind,
  type PkOfPosition,
  type DataPeriod,
  type MeasurementSettings,
  type Period,
  type Polarity,
  type RealizationEvent,
  type RealizationState,
  type RollupRule,
  type YearTarget,
} from '@sakip/domain';
import { provinceKey } from '../tables';
import type { ProjectedEvent, Projection, TableNames, TransactionSql } from '../types';
import { foldPlanEvent, PLAN_EVENTS, setupDraftTables, type DraftTables } from './plan-drafts';
import { periodsOf, recordEnactment, setupPeriodsTable } from './plan-periods';
import { json, PARTITIONED, tbl } from './util';

/**
 * Cross-OPD / cross-kabupaten comparison: one row per catalog indicator × region × OPD × year
 * for every OPD indicator mapped to the province catalog, with the target in force (the PK of
 * the year of whichever jabatan lists the indicator, over the Renstra period in force that
 * year) and the document it came from, the year's realization and the capaian and predikat the
 * domain computes (achievementFor with the pemda's MeasurementSettings, defaults otherwise).
 * Rankings are signed reads: only verified values count (the domain's streamInForce: the last
 * verified version of each period, so a correction counts once it is verified itself), and
 * `pending` says how many periods of the row wait for verification.
 *
 * Its inputs live in its own tables (catalog, mappings, indicators + draft changes, Renstra
 * periods, PK targets per jabatan, each realization stream's folded state, settings); each event
 * updates its input and recomputes only the rows it affects. View: rm_comparison
 * (+ rm_comparison_catalog for names).
 */

/** Every event of a realization stream: any of them can change what is verified or pending. */
const REALIZATION_EVENTS = [
  'RealizationRecorded',
  'RealizationSubmitted',
  'RealizationVerified',
  'RealizationReturned',
  'RealizationCorrected',
  'RealizationYearLocked',
] as const;
const isRealizationEvent = (type: string): boolean =>
  (REALIZATION_EVENTS as readonly string[]).includes(type);

const HANDLED = [
  ...PLAN_EVENTS,
  'CatalogIndicatorDefined',
  'IndicatorMapped',
  'IndicatorRemapped',
  'IndicatorUnmapped',
  'PkSigned',
  'PkRevised',
  ...REALIZATION_EVENTS,
  'MeasurementConfigured',
] as const;

const drafts = (t: TableNames): DraftTables => ({
  decrees: tbl(t, 'decree_info'),
  drafts: tbl(t, 'drafts'),
});

function regionOf(opdId: string): string {
  try {
    return regionOfOpdId(opdId);
  } catch {
    return '';
  }
}

interface Scope {
  opdId: string;
  indicatorCode?: string;
  year?: number;
}

interface MappedRow {
  indicator_code: string;
  catalog_code: string;
  kind: IndicatorKind;
  position_code: string | null;
  period_start: number;
  period_end: number;
  polarity: Polarity;
  rollup: RollupRule;
  data_period: DataPeriod;
  targets: YearTarget[];
}

/** Recomputes the comparison rows of one OPD (optionally one indicator / one year). */
async function recompute(
  tx: TransactionSql,
  tables: TableNames,
  p: string,
  scope: Scope,
): Promise<void> {
  const T = (n: string) => tbl(tables, n);
  const { opdId } = scope;
  const ind = scope.indicatorCode ?? null;
  const yr = scope.year ?? null;
  await tx.unsafe(
    `delete from "${T('comparison')}" where province_code = $1 and opd_id = $2
        and ($3::text is null or indicator_code = $3) and ($4::int is null or year = $4)`,
    [p, opdId, ind, yr],
  );
  const mapped = await tx.unsafe<MappedRow[]>(
    `select m.indicator_code, m.catalog_code, i.kind, i.position_code, i.period_start, i.period_end, i.polarity, i.rollup, i.data_period, i.targets
       from "${T('mappings')}" m
       join "${T('local_indicators')}" i on i.province_code = m.province_code and i.opd_id = m.opd_id and i.indicator_code = m.indicator_code
      where m.province_code = $1 and m.opd_id = $2 and ($3::text is null or m.indicator_code = $3)
        and ($4::int is null or $4 between i.period_start and i.period_end)`,
    [p, opdId, ind, yr],
  );
  if (mapped.length === 0) return;
  const region = regionOf(opdId);
  const [cfg] = await tx.unsafe<{ settings: MeasurementSettings }[]>(
    `select settings from "${T('settings')}" where province_code = $1 and region_code = $2`,
    [p, region],
  );
  const pkRows = await tx.unsafe<
    {
      year: number;
      position_code: string;
      position: string;
      revision: number;
      targets: PkOfPosition['targets'];
    }[]
  >(
    `select year, position_code, position, revision,
            json_agg(json_build_object('indicatorCode', indicator_code, 'value', value, 'min', min, 'max', max,
                                       'text', text, 'unit', unit)) as targets
       from "${T('pk_targets')}" where province_code = $1 and opd_id = $2 and ($3::int is null or year = $3)
      group by year, position_code, position, revision`,
    [p, opdId, yr],
  );
  const pks: PkOfPosition[] = pkRows.map((r) => ({
    year: r.year,
    positionCode: r.position_code,
    position: r.position,
    revision: r.revision,
    targets: r.targets,
  }));
  const periods = await periodsOf(tx, T('periods'), p, opdId);
  const reals = await tx.unsafe<
    { year: number; indicator_code: string; state: RealizationState }[]
  >(
    `select year, indicator_code, state from "${T('realization_streams')}" where province_code = $1 and opd_id = $2
        and ($3::text is null or indicator_code = $3) and ($4::int is null or year = $4)`,
    [p, opdId, ind, yr],
  );
  const settings = {
    capaian: { lowerIsBetterMethod: cfg?.settings.lowerIsBetterMethod ?? 'two_t_minus_r' },
    predikatScale: cfg?.settings.predikatScale ?? DEFAULT_PREDIKAT_SCALE,
  };
  const rows: Record<string, unknown>[] = [];
  for (const m of mapped) {
    // Only the years this Renstra period governs: a newer overlapping Renstra takes the rest.
    const period = { periodStart: m.period_start, periodEnd: m.period_end };
    const decree = periods.find(
      (x) => x.periodStart === m.period_start && x.periodEnd === m.period_end,
    );
    for (const year of yearsInForce(periods, period)) {
      if (yr !== null && year !== yr) continue;
      const pk = pkTargetFor(
        { code: m.indicator_code, kind: m.kind, positionCode: m.position_code },
        pks.filter((x) => x.year === year),
      );
      const target = targetInForce({
        year,
        renstraTarget: m.targets.find((t) => t.year === year),
        pkTarget: pk?.target,
        pkOrigin: pk?.origin ?? null,
        renstraOrigin: decree ? { kind: 'renstra', decreeNumber: decree.decreeNumber } : null,
      });
      const stream = reals.find((r) => r.year === year && r.indicator_code === m.indicator_code);
      const inForce = stream ? streamInForce(stream.state) : null;
      const realizations: Partial<Record<Period, string>> = inForce?.verified ?? {};
      const a = achievementFor({
        indicator: { polarity: m.polarity, rollup: m.rollup, dataPeriod: m.data_period },
        target,
        realizations,
        settings,
      }).year;
      rows.push({
        indicator_code: m.indicator_code,
        catalog_code: m.catalog_code,
        year,
        target: target.value,
        target_min: target.min,
        target_max: target.max,
        target_text: target.text,
        target_source: target.source,
        target_source_label: target.sourceLabel,
        realization: a.basis,
        realization_source: a.source,
        capaian: a.capaian.computable ? a.capaian.value : null,
        capaian_display: a.display,
        capaian_reason: a.capaian.computable ? null : a.capaian.reason,
        predikat: a.predikat?.label ?? null,
        predikat_code: a.predikat?.code ?? null,
        pending: inForce?.pending ?? 0,
      });
    }
  }
  await tx.unsafe(
    `insert into "${T('comparison')}" (province_code, region_code, opd_id, indicator_code, catalog_code, year, target, target_min, target_max,
                                       target_text, target_source, target_source_label, realization, realization_source, capaian,
                                       capaian_display, capaian_reason, predikat, predikat_code, pending)
     select $1, $2, $3, x.indicator_code, x.catalog_code, x.year, x.target, x.target_min, x.target_max, x.target_text, x.target_source,
            x.target_source_label, x.realization, x.realization_source, x.capaian, x.capaian_display, x.capaian_reason, x.predikat,
            x.predikat_code, x.pending
       from json_to_recordset($4::text::json) as x(indicator_code text, catalog_code text, year int, target numeric, target_min numeric,
            target_max numeric, target_text text, target_source text, target_source_label text, realization numeric,
            realization_source text, capaian numeric,
            capaian_display text, capaian_reason text, predikat text, predikat_code text, pending int)`,
    [p, region, opdId, json(rows)],
  );
}

/** Folds the event into its stream's state with the domain's evolve, then recomputes its rows. */
async function applyRealization(
  tx: TransactionSql,
  e: ProjectedEvent,
  tables: TableNames,
  p: string,
): Promise<void> {
  const T = (n: string) => tbl(tables, n);
  const [row] = await tx.unsafe<{ state: RealizationState }[]>(
    `select state from "${T('realization_streams')}" where province_code = $1 and stream_id = $2`,
    [p, e.streamId],
  );
  const event = { type: e.type, data: e.data } as unknown as RealizationEvent;
  const state = realizationDecider.evolve(row?.state ?? realizationDecider.initialState, event);
  const { opdId, indicatorCode, year } = state;
  if (opdId === null || indicatorCode === null || year === null)
    throw new Error(`${e.type} at ${e.globalPosition}: no realization recorded in ${e.streamId}`);
  await tx.unsafe(
    `insert into "${T('realization_streams')}" (province_code, stream_id, opd_id, indicator_code, year, state)
     values ($1, $2, $3, $4, $5, $6::text::jsonb)
     on conflict (province_code, stream_id) do update set state = excluded.state`,
    [p, e.streamId, opdId, indicatorCode, year, json(state)],
  );
  return recompute(tx, tables, p, { opdId, indicatorCode, year });
}

async function apply(tx: TransactionSql, e: ProjectedEvent, tables: TableNames): Promise<void> {
  const T = (n: string) => tbl(tables, n);
  const p = provinceKey(e);
  switch (e.type) {
    case 'CatalogIndicatorDefined': {
      const c = e.data;
      await tx.unsafe(
        `insert into "${T('catalog')}" (province_code, catalog_code, name, satuan, polarity, description) values ($1, $2, $3, $4, $5, $6)
         on conflict (province_code, catalog_code) do update set name = excluded.name, satuan = excluded.satuan,
           polarity = excluded.polarity, description = excluded.description`,
        [p, c.code, c.name, c.satuan, c.polarity, c.description],
      );
      return;
    }
    case 'IndicatorMapped':
    case 'IndicatorRemapped': {
      const { opdId, indicatorCode, catalogCode } = e.data;
      await tx.unsafe(
        `insert into "${T('mappings')}" (province_code, opd_id, indicator_code, catalog_code, region_code) values ($1, $2, $3, $4, $5)
         on conflict (province_code, opd_id, indicator_code) do update set catalog_code = excluded.catalog_code`,
        [p, opdId, indicatorCode, catalogCode, regionOf(opdId)],
      );
      return recompute(tx, tables, p, { opdId, indicatorCode });
    }
    case 'IndicatorUnmapped': {
      const { opdId, indicatorCode } = e.data;
      await tx.unsafe(
        `delete from "${T('mappings')}" where province_code = $1 and opd_id = $2 and indicator_code = $3`,
        [p, opdId, indicatorCode],
      );
      return recompute(tx, tables, p, { opdId, indicatorCode });
    }
    case 'PkSigned':
    case 'PkRevised': {
      const pk = e.data;
      // The jabatan as the signed PK words it; a revision keeps the signing parties.
      const position =
        'firstParty' in pk
          ? pk.firstParty.position
          : ((
              await tx.unsafe<{ position: string }[]>(
                `select position from "${T('pk_targets')}" where province_code = $1 and opd_id = $2 and year = $3
                    and position_code = $4 limit 1`,
                [p, pk.opdId, pk.year, pk.positionCode],
              )
            )[0]?.position ?? pk.positionCode);
      // Each revision restates the full set of targets of its jabatan: replace them.
      await tx.unsafe(
        `delete from "${T('pk_targets')}" where province_code = $1 and opd_id = $2 and year = $3 and position_code = $4`,
        [p, pk.opdId, pk.year, pk.positionCode],
      );
      if (pk.targets.length > 0) {
        await tx.unsafe(
          `insert into "${T('pk_targets')}" (province_code, opd_id, year, position_code, position, indicator_code, value, min, max,
                                             text, unit, revision)
           select $1, $2, $3, $4, $5, x.code, x.value, x.min, x.max, x.text, x.unit, $6
             from json_to_recordset($7::text::json) as x(code text, value text, min text, max text, text text, unit text)`,
          [
            p,
            pk.opdId,
            pk.year,
            pk.positionCode,
            position,
            pk.revision,
            json(
              pk.targets.map((t) => ({
                code: t.indicatorCode,
                value: t.value,
                min: t.min ?? null,
                max: t.max ?? null,
                text: t.text,
                unit: t.unit,
              })),
            ),
          ],
        );
      }
      return recompute(tx, tables, p, { opdId: pk.opdId, year: pk.year });
    }
    case 'MeasurementConfigured': {
      const { code, settings } = e.data;
      await tx.unsafe(
        `insert into "${T('settings')}" (province_code, region_code, settings) values ($1, $2, $3::text::jsonb)
         on conflict (province_code, region_code) do update set settings = excluded.settings`,
        [p, code, json(settings)],
      );
      const opds = await tx.unsafe<{ opd_id: string }[]>(
        `select distinct opd_id from "${T('mappings')}" where province_code = $1 and region_code = $2 order by opd_id`,
        [p, code],
      );
      for (const o of opds) await recompute(tx, tables, p, { opdId: o.opd_id });
      return;
    }
    default: {
      if (isRealizationEvent(e.type)) return applyRealization(tx, e, tables, p);
      const en = await foldPlanEvent(tx, e, drafts(tables));
      if (!en) return;
      await recordEnactment(tx, T('periods'), en);
      const L = T('local_indicators');
      for (const c of en.changes) {
        if (c.kind === 'element') continue;
        const code = c.kind === 'indicator' ? c.indicator.code : c.code;
        const key = [en.province, en.opdId, en.periodStart, en.periodEnd, code];
        if (c.kind === 'retire') {
          await tx.unsafe(
            `delete from "${L}" where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4 and indicator_code = $5`,
            key,
          );
          continue;
        }
        const i = c.indicator;
        await tx.unsafe(
          `insert into "${L}" (province_code, opd_id, period_start, period_end, indicator_code, satuan, polarity, rollup, data_period, targets,
                              kind, position_code)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12)
           on conflict (province_code, opd_id, period_start, period_end, indicator_code) do update set satuan = excluded.satuan,
             polarity = excluded.polarity, rollup = excluded.rollup, data_period = excluded.data_period, targets = excluded.targets,
             kind = excluded.kind, position_code = excluded.position_code`,
          [
            ...key,
            i.satuan,
            i.polarity,
            i.rollup,
            i.dataPeriod,
            json(i.targets),
            i.kind,
            i.positionCode,
          ],
        );
      }
      return recompute(tx, tables, en.province, { opdId: en.opdId });
    }
  }
}

export const comparisonProjection: Projection = {
  name: 'comparison',
  // 2: realization streams folded whole (verified values count, pending ones are counted).
  version: 2,
  handles: HANDLED,
  tables: [
    'comparison',
    'catalog',
    'mappings',
    'local_indicators',
    'decree_info',
    'drafts',
    'periods',
    'pk_targets',
    'realization_streams',
    'settings',
  ],
  partitionedTables: [
    'comparison',
    'catalog',
    'mappings',
    'local_indicators',
    'decree_info',
    'drafts',
    'periods',
    'pk_targets',
    'realization_streams',
    'settings',
  ],

  async setup(tx, tables) {
    const T = (n: string) => tbl(tables, n);
    await setupDraftTables(tx, drafts(tables));
    await setupPeriodsTable(tx, T('periods'));
    await tx.unsafe(`
      create table "${T('comparison')}" (
        province_code      text not null,
        region_code        text not null,
        opd_id             text not null,
        indicator_code     text not null,
        catalog_code       text not null,
        year               int not null,
        target             numeric,
        target_min         numeric,
        target_max         numeric,
        target_text        text,
        target_source      text check (target_source in ('pk', 'renstra')),
        target_source_label text,
        realization        numeric,
        realization_source text check (realization_source in ('year_entry', 'rollup')),
        capaian            numeric,
        capaian_display    text,
        capaian_reason     text,
        predikat           text,
        predikat_code      text,
        pending            int not null default 0,
        primary key (province_code, opd_id, indicator_code, year)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${T('comparison')}" (province_code, catalog_code, year)`);
    await tx.unsafe(`create index on "${T('comparison')}" (opd_id, year)`);
    await tx.unsafe(`
      create table "${T('catalog')}" (
        province_code text not null, catalog_code text not null, name text not null, satuan text not null, polarity text not null,
        description text, primary key (province_code, catalog_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${T('mappings')}" (
        province_code text not null, opd_id text not null, indicator_code text not null, catalog_code text not null, region_code text not null,
        primary key (province_code, opd_id, indicator_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${T('mappings')}" (province_code, region_code)`);
    await tx.unsafe(`
      create table "${T('local_indicators')}" (
        province_code text not null, opd_id text not null, period_start int not null, period_end int not null, indicator_code text not null,
        satuan text not null, polarity text not null, rollup text not null, data_period text not null, targets jsonb not null,
        kind text not null, position_code text,
        primary key (province_code, opd_id, period_start, period_end, indicator_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${T('pk_targets')}" (
        province_code text not null, opd_id text not null, year int not null, position_code text not null, position text not null,
        indicator_code text not null, value text, min text, max text, text text, unit text, revision int not null,
        primary key (province_code, opd_id, year, position_code, indicator_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${T('realization_streams')}" (
        province_code text not null, stream_id text not null, opd_id text not null, indicator_code text not null,
        year int not null, state jsonb not null,
        primary key (province_code, stream_id)
      ) ${PARTITIONED}`);
    await tx.unsafe(
      `create index on "${T('realization_streams')}" (province_code, opd_id, indicator_code, year)`,
    );
    await tx.unsafe(`
      create table "${T('settings')}" (
        province_code text not null, region_code text not null, settings jsonb not null, primary key (province_code, region_code)
      ) ${PARTITIONED}`);
  },

  apply,
};
