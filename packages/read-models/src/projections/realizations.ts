import type { RealizationEvent } from '@sakip/domain';
import { provinceKey } from '../tables';
import type { ProjectedEvent, Projection } from '../types';
import { actorOf, PARTITIONED, tbl } from './util';

/**
 * Current realization per OPD, indicator, year and period (value, version, status, who, when)
 * and the verification queue: 'submitted' waits for the OPD head, 'verified_head' for the
 * inspectorate. Events after the first carry only the period, so rows are found by stream id.
 * Views: rm_realizations, rm_realizations_verification_queue.
 */
export const REALIZATION_EVENTS = [
  'RealizationRecorded',
  'RealizationSubmitted',
  'RealizationVerified',
  'RealizationReturned',
  'RealizationCorrected',
  'RealizationYearLocked',
] as const satisfies readonly RealizationEvent['type'][];

type RealizationProjectedEvent = Extract<ProjectedEvent, { type: RealizationEvent['type'] }>;
const isRealizationEvent = (e: ProjectedEvent): e is RealizationProjectedEvent =>
  (REALIZATION_EVENTS as readonly string[]).includes(e.type);

export const realizationsProjection: Projection = {
  name: 'realizations',
  version: 1,
  handles: REALIZATION_EVENTS,
  tables: ['realizations', 'verification_queue'],
  partitionedTables: ['realizations', 'verification_queue'],

  async setup(tx, tables) {
    const R = tbl(tables, 'realizations');
    const Q = tbl(tables, 'verification_queue');
    await tx.unsafe(`
      create table "${R}" (
        province_code     text not null,
        stream_id         text not null,
        period            text not null,
        opd_id            text not null,
        indicator_code    text not null,
        year              int not null,
        value             numeric not null,
        version           int not null,
        status            text not null check (status in ('draft', 'submitted', 'verified_head', 'verified', 'returned', 'locked')),
        verified_value    numeric,
        verified_version  int,
        correction_reason text,
        return_reason     text,
        recorded_by       text,
        updated_by        text,
        updated_at        timestamptz not null,
        last_position     bigint not null,
        primary key (province_code, stream_id, period)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${R}" (opd_id, year)`);
    await tx.unsafe(`
      create table "${Q}" (
        province_code  text not null,
        stream_id      text not null,
        period         text not null,
        level          text not null check (level in ('head', 'inspector')),
        opd_id         text not null,
        indicator_code text not null,
        year           int not null,
        value          numeric not null,
        version        int not null,
        since          timestamptz not null,
        sent_by        text,
        primary key (province_code, stream_id, period)
      ) ${PARTITIONED}`);
    await tx.unsafe(`create index on "${Q}" (opd_id, level, since)`);
  },

  async apply(tx, e, tables) {
    const R = tbl(tables, 'realizations');
    const Q = tbl(tables, 'verification_queue');
    const p = provinceKey(e);
    const s = e.streamId;
    const who = actorOf(e);
    const at = e.recordedAt;
    const pos = e.globalPosition;
    if (!isRealizationEvent(e)) return;
    const ev = e;
    const expectOne = (n: number): void => {
      if (n !== 1)
        throw new Error(
          `${e.type} at ${pos}: no realization ${s} ${'period' in ev.data ? ev.data.period : ''}`,
        );
    };
    /** Queue row follows the status of the entry. */
    const requeue = async (period: string): Promise<void> => {
      await tx.unsafe(
        `delete from "${Q}" where province_code = $1 and stream_id = $2 and period = $3`,
        [p, s, period],
      );
      await tx.unsafe(
        `insert into "${Q}" (province_code, stream_id, period, level, opd_id, indicator_code, year, value, version, since, sent_by)
         select province_code, stream_id, period, case status when 'submitted' then 'head' else 'inspector' end,
                opd_id, indicator_code, year, value, version, $4, $5
           from "${R}" where province_code = $1 and stream_id = $2 and period = $3 and status in ('submitted', 'verified_head')`,
        [p, s, period, at, who],
      );
    };
    switch (ev.type) {
      case 'RealizationRecorded': {
        const d = ev.data;
        await tx.unsafe(
          `insert into "${R}" (province_code, stream_id, period, opd_id, indicator_code, year, value, version, status, recorded_by, updated_by, updated_at, last_position)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $9, $10, $11)
           on conflict (province_code, stream_id, period) do update set
             value = excluded.value, version = excluded.version, status = 'draft', return_reason = null,
             correction_reason = case when "${R}".version = excluded.version then "${R}".correction_reason else null end,
             recorded_by = excluded.recorded_by, updated_by = excluded.updated_by, updated_at = excluded.updated_at, last_position = excluded.last_position`,
          [
            p,
            s,
            d.period,
            d.opdId,
            d.indicatorCode,
            d.year,
            d.value,
            d.version,
            who ?? d.actor,
            at,
            pos,
          ],
        );
        return requeue(d.period);
      }
      case 'RealizationCorrected': {
        const d = ev.data;
        expectOne(
          (
            await tx.unsafe(
              `update "${R}" set value = $4, version = $5, status = 'draft', correction_reason = $6, return_reason = null,
                             recorded_by = $7, updated_by = $7, updated_at = $8, last_position = $9
            where province_code = $1 and stream_id = $2 and period = $3`,
              [p, s, d.period, d.value, d.version, d.reason, who ?? d.actor, at, pos],
            )
          ).count,
        );
        return requeue(d.period);
      }
      case 'RealizationSubmitted':
      case 'RealizationVerified':
      case 'RealizationReturned': {
        const d = ev.data;
        const status =
          ev.type === 'RealizationSubmitted'
            ? 'submitted'
            : ev.type === 'RealizationVerified'
              ? ev.data.status
              : 'returned';
        const reason = ev.type === 'RealizationReturned' ? ev.data.reason : null;
        expectOne(
          (
            await tx.unsafe(
              `update "${R}" set status = $4, return_reason = $5, updated_by = $6, updated_at = $7, last_position = $8,
                             verified_value = case when $4 = 'verified' then value else verified_value end,
                             verified_version = case when $4 = 'verified' then version else verified_version end
            where province_code = $1 and stream_id = $2 and period = $3`,
              [p, s, d.period, status, reason, who ?? d.actor, at, pos],
            )
          ).count,
        );
        return requeue(d.period);
      }
      case 'RealizationYearLocked': {
        await tx.unsafe(
          `update "${R}" set status = 'locked', updated_by = $3, updated_at = $4, last_position = $5 where province_code = $1 and stream_id = $2`,
          [p, s, who ?? ev.data.actor, at, pos],
        );
        await tx.unsafe(`delete from "${Q}" where province_code = $1 and stream_id = $2`, [p, s]);
        return;
      }
    }
  },
};
