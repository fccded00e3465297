import { yearsInForce, type Indicator } from '@sakip/domain';
import type { Projection, TableNames, TransactionSql } from '../types';
import {
  foldPlanEvent,
  PLAN_EVENTS,
  setupDraftTables,
  type DraftTables,
  type Enactment,
} from './plan-drafts';
import { recordEnactment, setupPeriodsTable } from './plan-periods';
import { json, PARTITIONED, tbl } from './util';

/**
 * The OPD indicators in force per Renstra period (one row per indicator) and their targets per
 * year. Changes only at DecreeEnacted; draft changes wait in `drafts` until then. When Renstra
 * periods overlap, `years_in_force` (indicators) and `in_force` (targets) say which years each
 * period governs: the most recently established period covering a year.
 * Views: rm_indicators, rm_indicators_targets, rm_indicators_periods.
 */
const drafts = (t: TableNames): DraftTables => ({
  decrees: tbl(t, 'decree_info'),
  drafts: tbl(t, 'drafts'),
});

async function enact(tx: TransactionSql, en: Enactment, tables: TableNames): Promise<void> {
  const I = tbl(tables, 'indicators');
  const T = tbl(tables, 'targets');
  const key = [en.province, en.opdId, en.periodStart, en.periodEnd];
  for (const c of en.changes) {
    if (c.kind === 'element') continue;
    const code = c.kind === 'indicator' ? c.indicator.code : c.code;
    await tx.unsafe(
      `delete from "${T}" where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4 and indicator_code = $5`,
      [...key, code],
    );
    if (c.kind === 'retire') {
      await tx.unsafe(
        `delete from "${I}" where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4 and indicator_code = $5`,
        [...key, code],
      );
      continue;
    }
    const i: Indicator = c.indicator;
    await tx.unsafe(
      `insert into "${I}" (province_code, opd_id, period_start, period_end, indicator_code, kind, element_code, position_code, name, definition,
                           satuan, polarity, formula_text, formula, data_period, rollup, baseline, cascade_to, defined_in_decree_id,
                           decree_id, decree_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text::jsonb, $15, $16, $17::text::jsonb, $18, $19, $19, $20)
       on conflict (province_code, opd_id, period_start, period_end, indicator_code) do update set
         kind = excluded.kind, element_code = excluded.element_code, position_code = excluded.position_code, name = excluded.name,
         definition = excluded.definition, satuan = excluded.satuan, polarity = excluded.polarity, formula_text = excluded.formula_text,
         formula = excluded.formula, data_period = excluded.data_period, rollup = excluded.rollup, baseline = excluded.baseline,
         cascade_to = excluded.cascade_to, defined_in_decree_id = excluded.defined_in_decree_id`,
      [
        ...key,
        i.code,
        i.kind,
        i.elementCode,
        i.positionCode,
        i.name,
        i.definition,
        i.satuan,
        i.polarity,
        i.formulaText,
        i.formula === null ? null : json(i.formula),
        i.dataPeriod,
        i.rollup,
        i.baseline === null ? null : json(i.baseline),
        i.cascadeTo,
        en.decreeId,
        en.number,
      ],
    );
    if (i.targets.length > 0) {
      await tx.unsafe(
        `insert into "${T}" (province_code, opd_id, period_start, period_end, indicator_code, year, value, min, max, unit, text)
         select $1, $2, $3, $4, $5, x.year, x.value, x.min, x.max, x.unit, x.text
           from json_to_recordset($6::text::json) as x(year int, value numeric, min numeric, max numeric, unit text, text text)`,
        [
          ...key,
          i.code,
          json(
            i.targets.map((t) => ({
              year: t.year,
              value: t.value,
              min: t.min ?? null,
              max: t.max ?? null,
              unit: t.unit ?? null,
              text: t.text ?? null,
            })),
          ),
        ],
      );
    }
  }
  // The enacted decree is now the one in force for every indicator of its period.
  await tx.unsafe(
    `update "${I}" set decree_id = $5, decree_number = $6, decree_sequence = $7
                    where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4`,
    [...key, en.decreeId, en.number, en.sequence],
  );
  await markYearsInForce(tx, en, tables);
}

/** A new period can supersede years of an older one: recompute every period of the OPD. */
async function markYearsInForce(tx: TransactionSql, en: Enactment, tables: TableNames) {
  const periods = await recordEnactment(tx, tbl(tables, 'periods'), en);
  for (const period of periods) {
    const years = yearsInForce(periods, period);
    const key = [en.province, en.opdId, period.periodStart, period.periodEnd, years];
    await tx.unsafe(
      `update "${tbl(tables, 'indicators')}" set years_in_force = $5::int[]
        where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4`,
      key,
    );
    await tx.unsafe(
      `update "${tbl(tables, 'targets')}" set in_force = (year = any($5::int[]))
        where province_code = $1 and opd_id = $2 and period_start = $3 and period_end = $4`,
      key,
    );
  }
}

export const indicatorsProjection: Projection = {
  name: 'indicators',
  version: 2,
  handles: PLAN_EVENTS,
  tables: ['indicators', 'targets', 'decree_info', 'drafts', 'periods'],
  partitionedTables: ['indicators', 'targets', 'decree_info', 'drafts', 'periods'],

  async setup(tx, tables) {
    await setupDraftTables(tx, drafts(tables));
    await setupPeriodsTable(tx, tbl(tables, 'periods'));
    await tx.unsafe(`
      create table "${tbl(tables, 'indicators')}" (
        province_code        text not null,
        opd_id               text not null,
        period_start         int not null,
        period_end           int not null,
        indicator_code       text not null,
        kind                 text not null,
        element_code         text not null,
        position_code        text,
        name                 text not null,
        definition           text,
        satuan               text not null,
        polarity             text not null,
        formula_text         text,
        formula              jsonb,
        data_period          text not null,
        rollup               text not null,
        baseline             jsonb,
        cascade_to           text,
        defined_in_decree_id text not null,
        decree_id            text not null,
        decree_number        text not null,
        decree_sequence      int,
        years_in_force       int[] not null default '{}',
        primary key (province_code, opd_id, period_start, period_end, indicator_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${tbl(tables, 'targets')}" (
        province_code  text not null,
        opd_id         text not null,
        period_start   int not null,
        period_end     int not null,
        indicator_code text not null,
        year           int not null,
        value          numeric,
        min            numeric,
        max            numeric,
        unit           text,
        text           text,
        in_force       boolean not null default false,
        primary key (province_code, opd_id, period_start, period_end, indicator_code, year)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${tbl(tables, 'indicators')}" (opd_id, kind)`);
    await tx.unsafe(`create index on "${tbl(tables, 'targets')}" (opd_id, year)`);
  },

  async apply(tx, event, tables) {
    const en = await foldPlanEvent(tx, event, drafts(tables));
    if (en) await enact(tx, en, tables);
  },
};
