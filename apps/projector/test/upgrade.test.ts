// A release that bumps a projection's version (new tables) must not run the new code on the old
// version's tables: the projector rebuilds it beside the active one, switches, then follows the feed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { activeVersion, runProjection, type Logger, type Projection } from '@sakip/read-models';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { runProjector } from '../src/projector';
import { loadProjectorSettings } from '../src/settings';
import { eventually } from './helpers';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
let db: TestDatabase;
let store: EventStore;

/** v1 keeps the codes; v2 also keeps the names, in a table v1 does not have. */
const probe = (version: 1 | 2): Projection => ({
  name: 'upgrade_probe',
  version,
  handles: ['RegionRegistered'],
  tables: ['upgrade_probe'],
  async setup(tx, t) {
    await tx.unsafe(
      version === 1
        ? `create table "${t.upgrade_probe}" (code text primary key)`
        : `create table "${t.upgrade_probe}" (code text primary key, name text not null)`,
    );
  },
  async apply(tx, e, t) {
    const d = e.data as { code: string; name: string };
    await tx.unsafe(
      version === 1
        ? `insert into "${t.upgrade_probe}" (code) values ($1)`
        : `insert into "${t.upgrade_probe}" (code, name) values ($1, $2)`,
      version === 1 ? [d.code] : [d.code, d.name],
    );
  },
});

async function name(code: string, value: string) {
  const commandId = randomUUID();
  await store.append({
    streamId: `region-${code}`,
    streamType: 'region',
    expectedVersion: 0,
    // A real event type: projections only receive events that parse with their schema.
    events: [
      {
        type: 'RegionRegistered',
        data: { code, level: 'province', provinceCode: code, name: value, codeEdition: 'test' },
      },
    ],
    payload: { code },
    metadata: {
      actor: { userId: 'test', role: 'system', scope: { level: 'national', code: '' } },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      provinceCode: null,
      regionCode: null,
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
});
afterAll(async () => db?.drop());

describe('projector start with a projection newer than its active version', () => {
  it('rebuilds it as the new version, then keeps projecting new events', async () => {
    await name('18', 'Lampung');
    await runProjection({
      sql: db.sql,
      store,
      projection: probe(1),
      untilCaughtUp: true,
      logger: quiet,
    });
    expect(await activeVersion(db.sql, 'upgrade_probe')).toBe(1);

    const stop = new AbortController();
    const running = runProjector({
      sql: db.sql,
      store,
      config: { KAFKA_BROKERS: undefined, KAFKA_IDEMPOTENT: true, LOG_LEVEL: 'silent' },
      settings: loadProjectorSettings({ PROJECTOR_POLL_MS: '50' }),
      signal: stop.signal,
      logger: quiet,
      projections: [probe(2)],
    });
    try {
      await eventually(
        async () => (await activeVersion(db.sql, 'upgrade_probe')) === 2,
        30_000,
        'version 2 active',
      );
      await name('35', 'Jawa Timur');
      await eventually(
        async () => (await db.sql`select count(*)::int as n from rm_upgrade_probe`)[0]?.n === 2,
        30_000,
        'new event projected on version 2',
      );
      expect(await db.sql`select code, name from rm_upgrade_probe order by code`).toEqual([
        { code: '18', name: 'Lampung' },
        { code: '35', name: 'Jawa Timur' },
      ]);
    } finally {
      stop.abort();
      await running;
    }
  });
});
