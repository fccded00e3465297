import type { DecreeInfo, Indicator, PlanElement } from '@sakip/domain';
import { provinceKey } from '../tables';
import type { Projection } from '../types';
import { isPlanEvent, PLAN_EVENTS } from './plan-drafts';
import { actorOf, PARTITIONED, tbl } from './util';

/**
 * Decree (SK) timeline per OPD and the changes each decree records, for the admin timeline and
 * the audit without folding streams. Withdrawn changes stay (withdrawn_at set) and are not
 * counted. Views: rm_decrees, rm_decrees_changes.
 */
function indicatorSummary(i: Indicator): string {
  const targets = i.targets.map((t) => `${t.year}: ${t.value ?? t.text ?? '-'}`).join(', ');
  const s = `${i.kind.toUpperCase()} ${i.code} ${i.name} (${i.satuan})${targets ? ` — ${targets}` : ''}`;
  return s.length > 300 ? `${s.slice(0, 299)}…` : s;
}

const elementSummary = (el: PlanElement): string =>
  `${el.level} ${el.code} ${el.name}${el.parentCode ? ` (di bawah ${el.parentCode})` : ''}`;

export const decreesProjection: Projection = {
  name: 'decrees',
  version: 1,
  handles: PLAN_EVENTS,
  tables: ['decrees', 'changes'],
  partitionedTables: ['decrees', 'changes'],

  async setup(tx, tables) {
    await tx.unsafe(`
      create table "${tbl(tables, 'decrees')}" (
        province_code text not null,
        opd_id        text not null,
        decree_id     text not null,
        number        text not null,
        title         text not null,
        kind          text not null,
        date          date not null,
        place         text,
        signer        jsonb,
        period_start  int not null,
        period_end    int not null,
        status        text not null check (status in ('draft', 'enacted')),
        sequence      int,
        drafted_by    text,
        drafted_at    timestamptz not null,
        edited_by     text,
        edited_at     timestamptz,
        enacted_by    text,
        enacted_at    timestamptz,
        change_count  int not null default 0,
        last_position bigint not null,
        primary key (province_code, opd_id, decree_id)
      ) ${PARTITIONED}`);
    await tx.unsafe(`
      create table "${tbl(tables, 'changes')}" (
        province_code text not null,
        opd_id        text not null,
        decree_id     text not null,
        key           text not null,
        seq           bigint not null,
        kind          text not null check (kind in ('element', 'indicator', 'retire')),
        code          text not null,
        name          text,
        summary       text not null,
        recorded_by   text,
        recorded_at   timestamptz not null,
        withdrawn_by  text,
        withdrawn_at  timestamptz,
        primary key (province_code, opd_id, decree_id, key)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${tbl(tables, 'decrees')}" (opd_id, period_start)`);
  },

  async apply(tx, e, tables) {
    const D = tbl(tables, 'decrees');
    const C = tbl(tables, 'changes');
    const p = provinceKey(e);
    if (!isPlanEvent(e)) return;
    const ev = e;
    const { opdId, decreeId } = ev.data;
    const who = actorOf(e);
    const at = e.recordedAt;
    const pos = e.globalPosition;
    const recount = async (): Promise<void> => {
      const r = await tx.unsafe(
        `update "${D}" d set change_count = (select count(*) from "${C}" c where c.province_code = d.province_code and c.opd_id = d.opd_id
                                               and c.decree_id = d.decree_id and c.withdrawn_at is null),
                             last_position = $4
          where province_code = $1 and opd_id = $2 and decree_id = $3`,
        [p, opdId, decreeId, pos],
      );
      if (r.count !== 1)
        throw new Error(`${e.type} at ${pos}: decree ${decreeId} of ${opdId} was never drafted`);
    };
    const change = async (
      kind: 'element' | 'indicator' | 'retire',
      code: string,
      name: string | null,
      summary: string,
    ): Promise<void> => {
      await tx.unsafe(
        `insert into "${C}" (province_code, opd_id, decree_id, key, seq, kind, code, name, summary, recorded_by, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict (province_code, opd_id, decree_id, key) do update set
           seq = case when "${C}".withdrawn_at is null then "${C}".seq else excluded.seq end,
           kind = excluded.kind, code = excluded.code, name = excluded.name, summary = excluded.summary,
           recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at, withdrawn_by = null, withdrawn_at = null`,
        [
          p,
          opdId,
          decreeId,
          kind === 'element' ? `element:${code}` : `indicator:${code}`,
          pos,
          kind,
          code,
          name,
          summary,
          who,
          at,
        ],
      );
      await recount();
    };
    switch (ev.type) {
      case 'DecreeDrafted':
      case 'DecreeEdited': {
        const i: DecreeInfo = ev.data.info;
        const vals = [
          p,
          opdId,
          decreeId,
          i.number,
          i.title,
          i.kind,
          i.date,
          i.place,
          JSON.stringify(i.signer),
          i.periodStart,
          i.periodEnd,
          who,
          at,
          pos,
        ];
        if (ev.type === 'DecreeDrafted') {
          await tx.unsafe(
            `insert into "${D}" (province_code, opd_id, decree_id, number, title, kind, date, place, signer, period_start, period_end, status,
                                 drafted_by, drafted_at, last_position)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, 'draft', $12, $13, $14)`,
            vals,
          );
        } else {
          const r = await tx.unsafe(
            `update "${D}" set number = $4, title = $5, kind = $6, date = $7, place = $8, signer = $9::text::jsonb, period_start = $10,
                               period_end = $11, edited_by = $12, edited_at = $13, last_position = $14
              where province_code = $1 and opd_id = $2 and decree_id = $3`,
            vals,
          );
          if (r.count !== 1)
            throw new Error(
              `DecreeEdited at ${pos}: decree ${decreeId} of ${opdId} was never drafted`,
            );
        }
        return;
      }
      case 'ElementDefined':
        return change(
          'element',
          ev.data.element.code,
          ev.data.element.name,
          elementSummary(ev.data.element),
        );
      case 'IndicatorDefined':
        return change(
          'indicator',
          ev.data.indicator.code,
          ev.data.indicator.name,
          indicatorSummary(ev.data.indicator),
        );
      case 'IndicatorRetired':
        return change('retire', ev.data.code, null, `Dicabut ${ev.data.code}: ${ev.data.reason}`);
      case 'DraftChangeWithdrawn':
        await tx.unsafe(
          `update "${C}" set withdrawn_by = $5, withdrawn_at = $6 where province_code = $1 and opd_id = $2 and decree_id = $3 and key = $4`,
          [p, opdId, decreeId, ev.data.key, who, at],
        );
        return recount();
      case 'DecreeEnacted': {
        const r = await tx.unsafe(
          `update "${D}" set status = 'enacted', number = $4, sequence = $5, enacted_by = $6, enacted_at = $7, last_position = $8
            where province_code = $1 and opd_id = $2 and decree_id = $3`,
          [p, opdId, decreeId, ev.data.number, ev.data.sequence, who, at, pos],
        );
        if (r.count !== 1)
          throw new Error(
            `DecreeEnacted at ${pos}: decree ${decreeId} of ${opdId} was never drafted`,
          );
        return;
      }
    }
  },
};
