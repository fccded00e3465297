import type { RecordedEvent } from '@sakip/event-store';
import type { Logger, Projection, Sql, TableNames, TransactionSql } from './types';

const IDENT = /^[a-z][a-z0-9_]{0,40}$/;

function checkIdent(s: string, what: string): string {
  if (!IDENT.test(s)) throw new Error(`read-models: invalid ${what} '${s}'`);
  return s;
}

/** rm_<name>_v<n> for the table named like the projection, rm_<name>_<table>_v<n> otherwise. */
function baseName(projection: string, table: string): string {
  checkIdent(projection, 'projection name');
  checkIdent(table, 'table name');
  return table === projection ? `rm_${projection}` : `rm_${projection}_${table}`;
}

export function tableNames(
  projection: Pick<Projection, 'name' | 'tables'>,
  version: number,
): TableNames {
  const out: Record<string, string> = {};
  for (const t of projection.tables) out[t] = `${baseName(projection.name, t)}_v${version}`;
  return out;
}

/** Views that always read the active version (rm_<name>[_<table>]). */
export function viewNames(projection: Pick<Projection, 'name' | 'tables'>): TableNames {
  const out: Record<string, string> = {};
  for (const t of projection.tables) out[t] = baseName(projection.name, t);
  return out;
}

/** Partition key of an event: its province code, '00' for national (no province) events. */
export function provinceKey(event: Pick<RecordedEvent, 'provinceCode'>): string {
  const p = event.provinceCode;
  return p === null || p === '' ? '00' : p;
}

export function partitionTableName(parent: string, province: string): string {
  const suffix = province.replace(/[^A-Za-z0-9]/g, '_').toLowerCase();
  return `${parent}_p${suffix}`;
}

const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Creates the LIST partitions of the given provinces that do not exist yet, in their own short
 * transaction (CREATE TABLE … PARTITION OF locks the parent; never do it inside a long batch).
 */
export class PartitionManager {
  private readonly known = new Set<string>();

  constructor(
    private readonly sql: Sql,
    private readonly logger?: Logger,
  ) {}

  async ensure(
    projection: Projection,
    tables: TableNames,
    provinces: Iterable<string>,
  ): Promise<void> {
    const parents = (projection.partitionedTables ?? []).map((t) => {
      const parent = tables[t];
      if (!parent) throw new Error(`read-models: ${projection.name} partitions unknown table ${t}`);
      return parent;
    });
    const missing: [string, string][] = [];
    for (const province of new Set(provinces)) {
      for (const parent of parents) {
        const key = `${parent}/${province}`;
        if (!this.known.has(key)) missing.push([parent, province]);
      }
    }
    if (missing.length === 0) return;
    await this.sql.begin(async (tx) => {
      for (const [parent] of missing)
        await tx`select pg_advisory_xact_lock(hashtext('sakip:partition'), hashtext(${parent}))`;
      for (const [parent, province] of missing) {
        const child = partitionTableName(parent, province);
        const [exists] = await tx<
          { n: number }[]
        >`select count(*)::int as n from pg_class where relname = ${child}`;
        if (!exists || exists.n === 0) {
          await tx.unsafe(
            `create table "${child}" partition of "${parent}" for values in (${quoteLiteral(province)})`,
          );
          this.logger?.info({ table: parent, province }, 'partition created');
        }
      }
    });
    for (const [parent, province] of missing) this.known.add(`${parent}/${province}`);
  }
}

export interface VersionRow {
  name: string;
  version: number;
  status: 'building' | 'active' | 'retired';
}

export async function activeVersion(
  sql: Sql | TransactionSql,
  name: string,
): Promise<number | null> {
  const [row] = await sql<{ version: number }[]>`
    select version from projection_versions where name = ${name} and status = 'active'`;
  return row?.version ?? null;
}

/** Creates the version row (status), its tables and its '*' checkpoint at 0, in one transaction. */
export async function createVersion(
  sql: Sql,
  projection: Projection,
  version: number,
  status: 'building' | 'active',
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('sakip:projection-registry'), hashtext(${projection.name}))`;
    const [exists] =
      await tx`select 1 from projection_versions where name = ${projection.name} and version = ${version}`;
    if (exists) return;
    const tables = tableNames(projection, version);
    await projection.setup(tx, tables);
    await tx`insert into projection_versions (name, version, status, activated_at)
             values (${projection.name}, ${version}, ${status}, ${status === 'active' ? tx`now()` : null})`;
    await tx`insert into projection_checkpoints (name, version, partition) values (${projection.name}, ${version}, '*')`;
    if (status === 'active') await replaceViews(tx, projection, version);
  });
}

/** Makes sure an active version exists (first start: projection.version, empty, from 0). */
export async function ensureActiveVersion(sql: Sql, projection: Projection): Promise<number> {
  const active = await activeVersion(sql, projection.name);
  if (active !== null) return active;
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('sakip:projection-registry'), hashtext(${projection.name}))`;
    if ((await activeVersion(tx, projection.name)) !== null) return;
    const [max] = await tx<
      { v: number | null }[]
    >`select max(version) as v from projection_versions where name = ${projection.name}`;
    const version = Math.max(projection.version, (max?.v ?? 0) + 1);
    const tables = tableNames(projection, version);
    await projection.setup(tx, tables);
    await tx`insert into projection_versions (name, version, status, activated_at)
             values (${projection.name}, ${version}, 'active', now())`;
    await tx`insert into projection_checkpoints (name, version, partition) values (${projection.name}, ${version}, '*')`;
    await replaceViews(tx, projection, version);
  });
  const v = await activeVersion(sql, projection.name);
  if (v === null) throw new Error(`read-models: no active version of ${projection.name}`);
  return v;
}

/** Points rm_<name>[_<table>] at `version` (drop + create: columns may differ between versions). */
export async function replaceViews(
  tx: TransactionSql,
  projection: Projection,
  version: number,
): Promise<void> {
  const views = viewNames(projection);
  const tables = tableNames(projection, version);
  for (const t of projection.tables) {
    await tx.unsafe(`drop view if exists "${views[t]}"`);
    await tx.unsafe(`create view "${views[t]}" as select * from "${tables[t]}"`);
  }
}
