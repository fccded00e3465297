import type { DecreeInfo, PlanChange, PlanEvent } from '@sakip/domain';
import { provinceKey } from '../tables';
import type { ProjectedEvent, TransactionSql } from '../types';
import { json, PARTITIONED } from './util';

/**
 * Draft decree changes kept in a projection's own tables until enactment: the set in force
 * changes only at DecreeEnacted, which applies the draft's changes in recorded order (the
 * domain's `order`: first-recorded position, a withdrawn-then-recorded change goes last).
 */
export const PLAN_EVENTS = [
  'DecreeDrafted',
  'DecreeEdited',
  'ElementDefined',
  'IndicatorDefined',
  'IndicatorRetired',
  'DraftChangeWithdrawn',
  'DecreeEnacted',
] as const satisfies readonly PlanEvent['type'][];

export type PlanProjectedEvent = Extract<ProjectedEvent, { type: PlanEvent['type'] }>;
export const isPlanEvent = (e: ProjectedEvent): e is PlanProjectedEvent =>
  (PLAN_EVENTS as readonly string[]).includes(e.type);

export interface DraftTables {
  decrees: string;
  drafts: string;
}

export interface Enactment {
  province: string;
  opdId: string;
  decreeId: string;
  number: string;
  periodStart: number;
  periodEnd: number;
  sequence: number;
  /** In the order the decree applies them. */
  changes: PlanChange[];
}

export async function setupDraftTables(tx: TransactionSql, t: DraftTables): Promise<void> {
  await tx.unsafe(`
    create table "${t.decrees}" (
      province_code text not null,
      opd_id        text not null,
      decree_id     text not null,
      number        text not null,
      period_start  int not null,
      period_end    int not null,
      status        text not null,
      primary key (province_code, opd_id, decree_id)
    ) ${PARTITIONED}`);
  await tx.unsafe(`
    create table "${t.drafts}" (
      province_code text not null,
      opd_id        text not null,
      decree_id     text not null,
      key           text not null,
      seq           bigint not null,
      change        jsonb not null,
      primary key (province_code, opd_id, decree_id, key)
    ) ${PARTITIONED}`);
}

const keyOf = (c: PlanChange): string =>
  c.kind === 'element'
    ? `element:${c.element.code}`
    : `indicator:${c.kind === 'indicator' ? c.indicator.code : c.code}`;

async function record(
  tx: TransactionSql,
  t: DraftTables,
  p: string,
  opdId: string,
  decreeId: string,
  c: PlanChange,
  pos: number,
): Promise<void> {
  await tx.unsafe(
    `insert into "${t.drafts}" (province_code, opd_id, decree_id, key, seq, change) values ($1, $2, $3, $4, $5, $6::text::jsonb)
     on conflict (province_code, opd_id, decree_id, key) do update set change = excluded.change`,
    [p, opdId, decreeId, keyOf(c), pos, json(c)],
  );
}

/** Folds one plan event into the draft tables; returns the enactment to apply, if any. */
export async function foldPlanEvent(
  tx: TransactionSql,
  e: ProjectedEvent,
  t: DraftTables,
): Promise<Enactment | null> {
  const p = provinceKey(e);
  if (!isPlanEvent(e)) return null;
  const ev = e;
  const { opdId, decreeId } = ev.data;
  switch (ev.type) {
    case 'DecreeDrafted':
    case 'DecreeEdited': {
      const info: DecreeInfo = ev.data.info;
      await tx.unsafe(
        `insert into "${t.decrees}" (province_code, opd_id, decree_id, number, period_start, period_end, status)
         values ($1, $2, $3, $4, $5, $6, 'draft')
         on conflict (province_code, opd_id, decree_id) do update
           set number = excluded.number, period_start = excluded.period_start, period_end = excluded.period_end`,
        [p, opdId, decreeId, info.number, info.periodStart, info.periodEnd],
      );
      return null;
    }
    case 'ElementDefined':
      await record(
        tx,
        t,
        p,
        opdId,
        decreeId,
        { kind: 'element', element: ev.data.element },
        e.globalPosition,
      );
      return null;
    case 'IndicatorDefined':
      await record(
        tx,
        t,
        p,
        opdId,
        decreeId,
        { kind: 'indicator', indicator: ev.data.indicator },
        e.globalPosition,
      );
      return null;
    case 'IndicatorRetired':
      await record(
        tx,
        t,
        p,
        opdId,
        decreeId,
        { kind: 'retire', code: ev.data.code, reason: ev.data.reason },
        e.globalPosition,
      );
      return null;
    case 'DraftChangeWithdrawn':
      await tx.unsafe(
        `delete from "${t.drafts}" where province_code = $1 and opd_id = $2 and decree_id = $3 and key = $4`,
        [p, opdId, decreeId, ev.data.key],
      );
      return null;
    case 'DecreeEnacted': {
      const [d] = await tx.unsafe<{ period_start: number; period_end: number }[]>(
        `update "${t.decrees}" set status = 'enacted', number = $4 where province_code = $1 and opd_id = $2 and decree_id = $3
         returning period_start, period_end`,
        [p, opdId, decreeId, ev.data.number],
      );
      if (!d)
        throw new Error(
          `DecreeEnacted at ${e.globalPosition}: decree ${decreeId} of ${opdId} was never drafted`,
        );
      const rows = await tx.unsafe<{ seq: string; change: PlanChange }[]>(
        `delete from "${t.drafts}" where province_code = $1 and opd_id = $2 and decree_id = $3 returning seq, change`,
        [p, opdId, decreeId],
      );
      const changes = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => r.change);
      return {
        province: p,
        opdId,
        decreeId,
        number: ev.data.number,
        periodStart: d.period_start,
        periodEnd: d.period_end,
        sequence: ev.data.sequence,
        changes,
      };
    }
    default:
      return null;
  }
}
