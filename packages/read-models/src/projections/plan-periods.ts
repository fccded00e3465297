import type { PeriodInForce } from '@sakip/domain';
import type { TransactionSql } from '../types';
import type { Enactment } from './plan-drafts';
import { PARTITIONED } from './util';

/**
 * The Renstra periods of each OPD with when they were established and their latest enacted
 * decree: the input of the domain's periodInForceFor / yearsInForce when periods overlap.
 */
export async function setupPeriodsTable(tx: TransactionSql, name: string): Promise<void> {
  await tx.unsafe(`
    create table "${name}" (
      province_code  text not null,
      opd_id         text not null,
      period_start   int not null,
      period_end     int not null,
      established_at int not null,
      decree_id      text not null,
      decree_number  text not null,
      primary key (province_code, opd_id, period_start, period_end)
    ) ${PARTITIONED}`);
}

interface PeriodRow {
  period_start: number;
  period_end: number;
  established_at: number;
  decree_id: string;
  decree_number: string;
}

/** Every period of an OPD. */
export async function periodsOf(
  tx: TransactionSql,
  name: string,
  province: string,
  opdId: string,
): Promise<PeriodInForce[]> {
  const rows = await tx.unsafe<PeriodRow[]>(
    `select period_start, period_end, established_at, decree_id, decree_number from "${name}"
      where province_code = $1 and opd_id = $2 order by established_at`,
    [province, opdId],
  );
  return rows.map((r) => ({
    periodStart: r.period_start,
    periodEnd: r.period_end,
    establishedAt: r.established_at,
    decreeId: r.decree_id,
    decreeNumber: r.decree_number,
  }));
}

/** Records an enactment (the first of a period establishes it) and returns the OPD's periods. */
export async function recordEnactment(
  tx: TransactionSql,
  name: string,
  en: Enactment,
): Promise<PeriodInForce[]> {
  await tx.unsafe(
    `insert into "${name}" (province_code, opd_id, period_start, period_end, established_at, decree_id, decree_number)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (province_code, opd_id, period_start, period_end)
       do update set decree_id = excluded.decree_id, decree_number = excluded.decree_number`,
    [en.province, en.opdId, en.periodStart, en.periodEnd, en.sequence, en.decreeId, en.number],
  );
  return periodsOf(tx, name, en.province, en.opdId);
}
