import { provinceKey } from '../tables';
import type { ProjectedEvent, Projection, TableNames, TransactionSql } from '../types';

/**
 * Regions and OPDs per province: current name, former names (oldest first), status, merged
 * into, units and positions counted. Keyed by province_code, LIST-partitioned by it.
 */

export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

function need(e: ProjectedEvent, field: string): string {
  const fields: Readonly<Record<string, unknown>> = { ...e.data };
  const v = fields[field];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new MalformedEventError(
      `${e.type} at position ${e.globalPosition}: data.${field} must be a non-empty string`,
    );
  }
  return v;
}

function table(tables: TableNames, t: string): string {
  const name = tables[t];
  if (!name) throw new Error(`opd_tree: no table ${t}`);
  return name;
}

const HANDLED = [
  'RegionRegistered',
  'RegionRenamed',
  'OpdRegistered',
  'OpdRenamed',
  'UnitAdded',
  'PositionAdded',
  'OpdMerged',
  'OpdDissolved',
] as const;

/** Validates an event and returns its key fields (throws MalformedEventError). */
function parse(e: ProjectedEvent): { p: string; id: string } {
  const p = provinceKey(e);
  switch (e.type) {
    case 'RegionRegistered':
      need(e, 'name');
      need(e, 'level');
      return { p, id: need(e, 'code') };
    case 'RegionRenamed':
      need(e, 'name');
      return { p, id: need(e, 'code') };
    case 'OpdRegistered':
      need(e, 'name');
      need(e, 'code');
      need(e, 'regionCode');
      return { p, id: need(e, 'opdId') };
    case 'OpdRenamed':
      need(e, 'name');
      return { p, id: need(e, 'opdId') };
    case 'OpdMerged':
      need(e, 'intoOpdId');
      return { p, id: need(e, 'opdId') };
    default:
      return { p, id: need(e, 'opdId') };
  }
}

function expectRows(count: number, wanted: number, what: string): void {
  if (count !== wanted)
    throw new MalformedEventError(`${what}: ${wanted - count} target row(s) not found`);
}

async function applyOne(tx: TransactionSql, e: ProjectedEvent, tables: TableNames): Promise<void> {
  const { p, id } = parse(e);
  const R = table(tables, 'regions');
  const O = table(tables, 'opds');
  const pos = e.globalPosition;
  let n = 1;
  switch (e.type) {
    case 'RegionRegistered':
      await tx.unsafe(
        `insert into "${R}" (province_code, code, level, name, registered_position, last_position) values ($1, $2, $3, $4, $5, $5)`,
        [p, id, e.data.level, e.data.name, pos],
      );
      return;
    case 'RegionRenamed':
      n = (
        await tx.unsafe(
          `update "${R}" set former_names = former_names || name, name = $3, last_position = greatest(last_position, $4)
          where province_code = $1 and code = $2`,
          [p, id, e.data.name, pos],
        )
      ).count;
      break;
    case 'OpdRegistered':
      await tx.unsafe(
        `insert into "${O}" (province_code, opd_id, region_code, code, name, registered_position, last_position)
         values ($1, $2, $3, $4, $5, $6, $6)`,
        [p, id, e.data.regionCode, e.data.code, e.data.name, pos],
      );
      return;
    case 'OpdRenamed':
      n = (
        await tx.unsafe(
          `update "${O}" set former_names = former_names || name, name = $3, last_position = greatest(last_position, $4)
          where province_code = $1 and opd_id = $2`,
          [p, id, e.data.name, pos],
        )
      ).count;
      break;
    case 'UnitAdded':
    case 'PositionAdded': {
      const col = e.type === 'UnitAdded' ? 'units_count' : 'positions_count';
      n = (
        await tx.unsafe(
          `update "${O}" set ${col} = ${col} + 1, last_position = greatest(last_position, $3) where province_code = $1 and opd_id = $2`,
          [p, id, pos],
        )
      ).count;
      break;
    }
    case 'OpdMerged':
    case 'OpdDissolved':
      n = (
        await tx.unsafe(
          `update "${O}" set status = $3, merged_into = $4, last_position = greatest(last_position, $5) where province_code = $1 and opd_id = $2`,
          [
            p,
            id,
            e.type === 'OpdMerged' ? 'merged' : 'dissolved',
            e.type === 'OpdMerged' ? e.data.intoOpdId : null,
            pos,
          ],
        )
      ).count;
      break;
    default:
      return;
  }
  expectRows(n, 1, `${e.type} at position ${pos} (${id})`);
}

interface Rename {
  p: string;
  id: string;
  names: string[];
  pos: number;
}

/** Renames grouped by entity, in feed order: former names gain the current name then all but the last new name. */
function groupRenames(
  events: readonly Extract<ProjectedEvent, { type: 'RegionRenamed' | 'OpdRenamed' }>[],
  keyOf: (e: ProjectedEvent) => { p: string; id: string },
): Rename[] {
  const m = new Map<string, Rename>();
  for (const e of events) {
    const { p, id } = keyOf(e);
    const k = `${p}\u0000${id}`;
    const r = m.get(k) ?? { p, id, names: [], pos: 0 };
    r.names.push(e.data.name);
    r.pos = Math.max(r.pos, e.globalPosition);
    m.set(k, r);
  }
  return [...m.values()].map((r) => ({ ...r, mid: r.names.slice(0, -1), name: r.names.at(-1) }));
}

async function applyBatch(
  tx: TransactionSql,
  all: readonly ProjectedEvent[],
  tables: TableNames,
): Promise<void> {
  const R = table(tables, 'regions');
  const O = table(tables, 'opds');
  const parsed = all.map((e) => ({ e, ...parse(e) })); // any malformed event → whole batch falls back
  const of = <T extends ProjectedEvent['type']>(type: T) =>
    all.filter((e): e is Extract<ProjectedEvent, { type: T }> => e.type === type);
  const withKey = <E extends ProjectedEvent>(events: E[]) =>
    events.map((e) => ({ e, ...parse(e) }));
  const json = (v: unknown): string => JSON.stringify(v);

  const regReg = withKey(of('RegionRegistered'));
  if (regReg.length) {
    await tx.unsafe(
      `insert into "${R}" (province_code, code, level, name, registered_position, last_position)
       select p, id, level, name, pos, pos from json_to_recordset($1::text::json) as x(p text, id text, level text, name text, pos bigint)`,
      [
        json(
          regReg.map(({ e, p, id }) => ({
            p,
            id,
            level: e.data.level,
            name: e.data.name,
            pos: e.globalPosition,
          })),
        ),
      ],
    );
  }
  const renameSql = (t: string, idCol: string) => `
    update "${t}" t set former_names = t.former_names || t.name || array(select json_array_elements_text(x.mid)),
                        name = x.name, last_position = greatest(t.last_position, x.pos)
      from json_to_recordset($1::text::json) as x(p text, id text, name text, pos bigint, mid json)
     where t.province_code = x.p and t.${idCol} = x.id`;
  const regRen = groupRenames(of('RegionRenamed'), parse);
  if (regRen.length)
    expectRows(
      (await tx.unsafe(renameSql(R, 'code'), [json(regRen)])).count,
      regRen.length,
      'RegionRenamed batch',
    );

  const opdReg = withKey(of('OpdRegistered'));
  if (opdReg.length) {
    await tx.unsafe(
      `insert into "${O}" (province_code, opd_id, region_code, code, name, registered_position, last_position)
       select p, id, region, code, name, pos, pos from json_to_recordset($1::text::json) as x(p text, id text, region text, code text, name text, pos bigint)`,
      [
        json(
          opdReg.map(({ e, p, id }) => ({
            p,
            id,
            region: e.data.regionCode,
            code: e.data.code,
            name: e.data.name,
            pos: e.globalPosition,
          })),
        ),
      ],
    );
  }
  const opdRen = groupRenames(of('OpdRenamed'), parse);
  if (opdRen.length)
    expectRows(
      (await tx.unsafe(renameSql(O, 'opd_id'), [json(opdRen)])).count,
      opdRen.length,
      'OpdRenamed batch',
    );

  const counts = new Map<string, { p: string; id: string; u: number; ps: number; pos: number }>();
  for (const { e, p, id } of parsed) {
    if (e.type !== 'UnitAdded' && e.type !== 'PositionAdded') continue;
    const k = `${p}\u0000${id}`;
    const c = counts.get(k) ?? { p, id, u: 0, ps: 0, pos: 0 };
    if (e.type === 'UnitAdded') c.u++;
    else c.ps++;
    c.pos = Math.max(c.pos, e.globalPosition);
    counts.set(k, c);
  }
  if (counts.size) {
    const r = await tx.unsafe(
      `update "${O}" t set units_count = t.units_count + x.u, positions_count = t.positions_count + x.ps,
                          last_position = greatest(t.last_position, x.pos)
         from json_to_recordset($1::text::json) as x(p text, id text, u int, ps int, pos bigint)
        where t.province_code = x.p and t.opd_id = x.id`,
      [json([...counts.values()])],
    );
    expectRows(r.count, counts.size, 'UnitAdded/PositionAdded batch');
  }

  const ends = new Map<
    string,
    { p: string; id: string; status: string; into: string | null; pos: number }
  >();
  for (const { e, p, id } of parsed) {
    if (e.type !== 'OpdMerged' && e.type !== 'OpdDissolved') continue;
    const k = `${p}\u0000${id}`;
    const prev = ends.get(k);
    ends.set(k, {
      p,
      id,
      status: e.type === 'OpdMerged' ? 'merged' : 'dissolved',
      into: e.type === 'OpdMerged' ? e.data.intoOpdId : null,
      pos: Math.max(prev?.pos ?? 0, e.globalPosition),
    });
  }
  if (ends.size) {
    const r = await tx.unsafe(
      `update "${O}" t set status = x.status, merged_into = x.into, last_position = greatest(t.last_position, x.pos)
         from json_to_recordset($1::text::json) as x(p text, id text, status text, "into" text, pos bigint)
        where t.province_code = x.p and t.opd_id = x.id`,
      [json([...ends.values()])],
    );
    expectRows(r.count, ends.size, 'OpdMerged/OpdDissolved batch');
  }
}

export const opdTreeProjection: Projection = {
  name: 'opd_tree',
  version: 1,
  handles: HANDLED,
  tables: ['regions', 'opds'],
  partitionedTables: ['regions', 'opds'],

  async setup(tx, tables) {
    await tx.unsafe(`
      create table "${table(tables, 'regions')}" (
        province_code       text not null,
        code                text not null,
        level               text not null,
        name                text not null,
        former_names        text[] not null default '{}',
        registered_position bigint not null,
        last_position       bigint not null,
        primary key (province_code, code)
      ) partition by list (province_code)`);
    await tx.unsafe(`
      create table "${table(tables, 'opds')}" (
        province_code       text not null,
        opd_id              text not null,
        region_code         text not null,
        code                text not null,
        name                text not null,
        former_names        text[] not null default '{}',
        status              text not null default 'active' check (status in ('active', 'merged', 'dissolved')),
        merged_into         text,
        units_count         int not null default 0,
        positions_count     int not null default 0,
        registered_position bigint not null,
        last_position       bigint not null,
        primary key (province_code, opd_id)
      ) partition by list (province_code)`);
  },

  apply: applyOne,
  applyBatch,
};
