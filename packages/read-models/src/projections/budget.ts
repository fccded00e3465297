import { budgetStageTotals, computeSerapan, spentFor, type SpendingLine } from '@sakip/domain';
import { provinceKey } from '../tables';
import type { Projection, TableNames, TransactionSql } from '../types';
import { json, PARTITIONED, tbl } from './util';

/**
 * Budget per OPD, year and program: pagu of each recorded stage (rm_budget_stages), spending
 * per period (rm_budget_spending) and the summary (rm_budget): pagu of the latest stage, spent
 * over all periods and serapan computed by the domain (computeSerapan).
 */
async function summarize(
  tx: TransactionSql,
  tables: TableNames,
  p: string,
  opdId: string,
  year: number,
): Promise<void> {
  const S = tbl(tables, 'stages');
  const X = tbl(tables, 'spending');
  const B = tbl(tables, 'budget');
  await tx.unsafe(`delete from "${B}" where province_code = $1 and opd_id = $2 and year = $3`, [
    p,
    opdId,
    year,
  ]);
  const rows = await tx.unsafe<
    {
      program_code: string;
      stage: string | null;
      stage_order: number | null;
      document_ref: string | null;
      pagu: string | null;
      spent: string | null;
    }[]
  >(
    `with latest as (
       select * from "${S}" where province_code = $1 and opd_id = $2 and year = $3
          and stage_order = (select max(stage_order) from "${S}" where province_code = $1 and opd_id = $2 and year = $3)),
     spent as (
       select program_code, sum(spent)::text as spent from "${X}" where province_code = $1 and opd_id = $2 and year = $3 group by program_code)
     select coalesce(l.program_code, s.program_code) as program_code, l.stage, l.stage_order, l.document_ref, l.pagu::text as pagu, s.spent
       from latest l full join spent s on s.program_code = l.program_code`,
    [p, opdId, year],
  );
  const out = rows.map((r) => {
    const serapan = computeSerapan(r.spent ?? '0', r.pagu);
    return {
      ...r,
      spent: r.spent ?? '0',
      serapan: serapan.ok ? serapan.value : null,
      serapan_error: serapan.ok ? null : serapan.error.code,
    };
  });
  if (out.length === 0) return;
  await tx.unsafe(
    `insert into "${B}" (province_code, opd_id, year, program_code, latest_stage, latest_stage_order, document_ref, pagu, spent, serapan, serapan_error)
     select $1, $2, $3, x.program_code, x.stage, x.stage_order, x.document_ref, x.pagu, x.spent, x.serapan, x.serapan_error
       from json_to_recordset($4::text::json) as x(program_code text, stage text, stage_order int, document_ref text, pagu numeric,
            spent numeric, serapan numeric, serapan_error text)`,
    [p, opdId, year, json(out)],
  );
}

export const budgetProjection: Projection = {
  name: 'budget',
  version: 1,
  handles: ['BudgetStageRecorded', 'SpendingRecorded'],
  tables: ['budget', 'stages', 'spending'],
  partitionedTables: ['budget', 'stages', 'spending'],

  async setup(tx, tables) {
    await tx.unsafe(`
      create table "${tbl(tables, 'stages')}" (
        province_code text not null,
        opd_id        text not null,
        year          int not null,
        stage_order   int not null,
        stage         text not null,
        sequence      int,
        document_ref  text not null,
        date          date not null,
        program_code  text not null,
        pagu          numeric not null,
        stage_total   numeric not null,
        recorded_at   timestamptz not null,
        primary key (province_code, opd_id, year, stage_order, program_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${tbl(tables, 'spending')}" (
        province_code text not null,
        opd_id        text not null,
        year          int not null,
        period        text not null,
        program_code  text not null,
        spent         numeric not null,
        recorded_by   text,
        recorded_at   timestamptz not null,
        primary key (province_code, opd_id, year, period, program_code)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${tbl(tables, 'budget')}" (
        province_code      text not null,
        opd_id             text not null,
        year               int not null,
        program_code       text not null,
        latest_stage       text,
        latest_stage_order int,
        document_ref       text,
        pagu               numeric,
        spent              numeric not null,
        serapan            numeric,
        serapan_error      text,
        primary key (province_code, opd_id, year, program_code)
      ) ${PARTITIONED}`);
    for (const t of ['stages', 'spending', 'budget'])
      await tx.unsafe(`create index on "${tbl(tables, t)}" (opd_id, year)`);
  },

  async apply(tx, e, tables) {
    const p = provinceKey(e);
    if (e.type === 'BudgetStageRecorded') {
      const { opdId, year, ...record } = e.data;
      const [total] = budgetStageTotals({ opdId, year, stages: [record] });
      if (!total) return;
      const S = tbl(tables, 'stages');
      const [n] = await tx.unsafe<{ n: number }[]>(
        `select count(distinct stage_order)::int as n from "${S}" where province_code = $1 and opd_id = $2 and year = $3`,
        [p, opdId, year],
      );
      await tx.unsafe(
        `insert into "${S}" (province_code, opd_id, year, stage_order, stage, sequence, document_ref, date, program_code, pagu, stage_total, recorded_at)
         select $1, $2, $3, $4, $5, $6, $7, $8, x.program_code, x.pagu, $9, $10 from json_to_recordset($11::text::json) as x(program_code text, pagu numeric)`,
        [
          p,
          opdId,
          year,
          (n?.n ?? 0) + 1,
          record.stage,
          record.sequence,
          record.documentRef,
          record.date,
          total.total,
          e.recordedAt,
          json(
            Object.entries(total.byProgram).map(([program_code, pagu]) => ({ program_code, pagu })),
          ),
        ],
      );
      return summarize(tx, tables, p, opdId, year);
    }
    if (e.type === 'SpendingRecorded') {
      const { opdId, year, period, lines, actor } = e.data;
      const X = tbl(tables, 'spending');
      // A period is recorded whole and replaces its previous lines.
      await tx.unsafe(
        `delete from "${X}" where province_code = $1 and opd_id = $2 and year = $3 and period = $4`,
        [p, opdId, year, period],
      );
      const state = { opdId, year, periods: { [period]: lines } };
      const programs = [...new Set(lines.map((l: SpendingLine) => l.programCode))];
      const rows = programs.map((program_code) => ({
        program_code,
        spent: spentFor(state, { programCode: program_code }),
      }));
      if (rows.length > 0) {
        await tx.unsafe(
          `insert into "${X}" (province_code, opd_id, year, period, program_code, spent, recorded_by, recorded_at)
           select $1, $2, $3, $4, x.program_code, x.spent, $5, $6 from json_to_recordset($7::text::json) as x(program_code text, spent numeric)`,
          [p, opdId, year, period, actor, e.recordedAt, json(rows)],
        );
      }
      return summarize(tx, tables, p, opdId, year);
    }
  },
};
