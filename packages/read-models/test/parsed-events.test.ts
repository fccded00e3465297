// The engine parses each event's data with its schema before a projection sees it: apply gets
// the typed payload, and a stored payload that does not match goes to the dead letters with
// the schema's reason instead of reaching apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { runProjection, type ProjectedEvent, type Projection } from '../src';
import { appendRaw, quietLogger } from './helpers';

let db: TestDatabase;
let store: EventStore;
beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
});
afterAll(async () => db?.drop());

const seen: ProjectedEvent[] = [];
/** Records what it is handed; accepts anything, so only the engine can refuse an event. */
const recorder: Projection = {
  name: 'recorder',
  version: 1,
  handles: ['UnitAdded'],
  tables: ['recorder'],
  async setup(tx, t) {
    await tx.unsafe(`create table "${t.recorder}" (position bigint primary key, kind text)`);
  },
  async apply(tx, e, t) {
    seen.push(e);
    // No cast: checking the type narrows the data to UnitAdded's payload.
    const kind = e.type === 'UnitAdded' ? e.data.kind : null;
    await tx.unsafe(`insert into "${t.recorder}" values ($1, $2)`, [e.globalPosition, kind]);
  },
};

const unit = (code: string, extra: Record<string, unknown> = {}) => ({
  type: 'UnitAdded',
  data: {
    opdId: '18.04-DISDIK',
    code,
    name: `Bidang ${code}`,
    kind: 'bidang',
    parentCode: null,
    ...extra,
  },
});

describe('projections receive parsed events', () => {
  it('hands apply the parsed payload and dead-letters what does not match its schema', async () => {
    const [good] = await appendRaw(store, 'opd-18.04-DISDIK', 0, [unit('B1')]);
    const [badKind] = await appendRaw(store, 'opd-18.04-DISDIK', 1, [
      unit('B2', { kind: 'divisi' }),
    ]);
    const [stray] = await appendRaw(store, 'opd-18.04-DISDIK', 2, [unit('B3', { colour: 'blue' })]);
    const r = await runProjection({
      sql: db.sql,
      store,
      projection: recorder,
      policy: 'skip',
      untilCaughtUp: true,
      logger: quietLogger,
    });
    expect(r.partitions[0]).toMatchObject({ reason: 'caught_up', applied: 1 });
    expect(seen.map((e) => e.globalPosition)).toEqual([good]);
    expect(seen[0]).toMatchObject({
      type: 'UnitAdded',
      data: { code: 'B1', kind: 'bidang' },
      streamId: 'opd-18.04-DISDIK',
    });
    expect(await db.sql`select position::int, kind from rm_recorder`).toEqual([
      { position: good, kind: 'bidang' },
    ]);
    const dl = await db.sql<{ global_position: number; error: string }[]>`
      select global_position::int, error from projection_dead_letters where name = 'recorder'
      order by global_position`;
    expect(dl.map((d) => d.global_position)).toEqual([badKind, stray]);
    expect(dl[0]!.error).toMatch(/UnitAdded v1 event data does not match its schema: data\.kind: /);
    expect(dl[1]!.error).toMatch(/data: .*colour/);
  });
});
