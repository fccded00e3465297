// Small read functions over the rm_* views (always the active version of each read model).
import type { Sql, TransactionSql } from './types';

type Db = Sql | TransactionSql;
type Row = Record<string, unknown>;

/** Comparison rows of one catalog indicator across OPDs and kabupaten of a province, with the catalog name. */
export function comparisonRows(
  sql: Db,
  o: { provinceCode: string; catalogCode: string; year?: number },
): Promise<Row[]> {
  return sql`
    select c.*, k.name as catalog_name, k.satuan as catalog_satuan
      from rm_comparison c
      left join rm_comparison_catalog k on k.province_code = c.province_code and k.catalog_code = c.catalog_code
     where c.province_code = ${o.provinceCode} and c.catalog_code = ${o.catalogCode}
       ${o.year === undefined ? sql`` : sql`and c.year = ${o.year}`}
     order by c.year, c.region_code, c.opd_id, c.indicator_code`;
}

/** What waits for the OPD head ('head': submitted) or the inspectorate ('inspector': verified by the head), oldest first. */
export function verificationQueue(
  sql: Db,
  o: { opdId: string; level: 'head' | 'inspector'; year?: number },
): Promise<Row[]> {
  return sql`
    select * from rm_realizations_verification_queue
     where opd_id = ${o.opdId} and level = ${o.level} ${o.year === undefined ? sql`` : sql`and year = ${o.year}`}
     order by since, indicator_code, period`;
}

/** Indicators of an OPD (every Renstra period, or those of the period in force in `year`). */
export function indicatorsOf(sql: Db, opdId: string, o: { year?: number } = {}): Promise<Row[]> {
  return sql`
    select * from rm_indicators
     where opd_id = ${opdId} ${o.year === undefined ? sql`` : sql`and ${o.year} = any(years_in_force)`}
     order by period_start, kind, indicator_code`;
}

/** Targets of an OPD's indicators in force for a year. */
export function targetsOf(sql: Db, opdId: string, year: number): Promise<Row[]> {
  return sql`select * from rm_indicators_targets where opd_id = ${opdId} and year = ${year} and in_force order by indicator_code`;
}

/** Decree timeline of an OPD: enacted ones in enactment order, then drafts by date. */
export function decreeTimeline(sql: Db, opdId: string): Promise<Row[]> {
  return sql`
    select * from rm_decrees where opd_id = ${opdId}
     order by period_start, sequence nulls last, date, drafted_at`;
}

/** Changes a decree records (withdrawn ones included, flagged by withdrawn_at), in recorded order. */
export function decreeChanges(sql: Db, opdId: string, decreeId: string): Promise<Row[]> {
  return sql`select * from rm_decrees_changes where opd_id = ${opdId} and decree_id = ${decreeId} order by seq`;
}

/** Current realization entries of an OPD for a year. */
export function realizationsOf(sql: Db, opdId: string, year: number): Promise<Row[]> {
  return sql`select * from rm_realizations where opd_id = ${opdId} and year = ${year} order by indicator_code, period`;
}

/** Pagu (latest stage), spent and serapan per program of an OPD for a year, plus every stage and period. */
export async function budgetOf(
  sql: Db,
  opdId: string,
  year: number,
): Promise<{ programs: Row[]; stages: Row[]; spending: Row[] }> {
  const [programs, stages, spending] = await Promise.all([
    sql`select * from rm_budget where opd_id = ${opdId} and year = ${year} order by program_code`,
    sql`select * from rm_budget_stages where opd_id = ${opdId} and year = ${year} order by stage_order, program_code`,
    sql`select * from rm_budget_spending where opd_id = ${opdId} and year = ${year} order by period, program_code`,
  ]);
  return { programs, stages, spending };
}
