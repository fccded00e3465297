import type { Sql } from './types';

export interface ProjectionPartitionStatus {
  name: string;
  version: number;
  /** building | active | retired (registry). */
  versionStatus: string;
  partition: string;
  /** running | stopped (a poison event under policy 'stop'). */
  state: string;
  transactionId: string;
  position: number;
  /** Readable events after the checkpoint (in this partition); null for retired versions and Kafka rows. */
  lag: number | null;
  deadLetters: number;
  lastError: string | null;
  updatedAt: Date;
}

/**
 * Status of every projection version and partition (for `sakip projections status`).
 * The '*' row of a version run per province is left out (it only seeded those partitions).
 */
export async function projectionStatus(sql: Sql): Promise<ProjectionPartitionStatus[]> {
  const rows = await sql<
    {
      name: string;
      version: number;
      version_status: string;
      partition: string;
      state: string;
      transaction_id: string;
      position: number;
      last_error: string | null;
      updated_at: Date;
      dead_letters: number;
    }[]
  >`
    select c.name, c.version, v.status as version_status, c.partition, c.state, c.transaction_id::text as transaction_id,
           c.position, c.last_error, c.updated_at,
           (select count(*)::int from projection_dead_letters d
             where d.name = c.name and d.version = c.version and d.partition = c.partition and d.status <> 'resolved') as dead_letters
      from projection_checkpoints c
      join projection_versions v on v.name = c.name and v.version = c.version
     where not (c.partition = '*' and exists (
             select 1 from projection_checkpoints o
              where o.name = c.name and o.version = c.version and o.partition <> '*'))
     order by c.name, c.version, c.partition`;
  const out: ProjectionPartitionStatus[] = [];
  for (const r of rows) {
    let lag: number | null = null;
    if (r.version_status !== 'retired' && !r.partition.startsWith('kafka:')) {
      const filter =
        r.partition === '*'
          ? sql``
          : r.partition === '00'
            ? sql`and (province_code is null or province_code = '' or province_code = '00')`
            : sql`and province_code = ${r.partition}`;
      const [l] = await sql<{ n: number }[]>`
        select count(*)::bigint as n from events
         where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           and (transaction_id, global_position) > (${r.transaction_id}::xid8, ${r.position}::bigint) ${filter}`;
      lag = l?.n ?? 0;
    }
    out.push({
      name: r.name,
      version: r.version,
      versionStatus: r.version_status,
      partition: r.partition,
      state: r.state,
      transactionId: r.transaction_id,
      position: r.position,
      lag,
      deadLetters: r.dead_letters,
      lastError: r.last_error,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

/** Spec alias. */
export const status = projectionStatus;
