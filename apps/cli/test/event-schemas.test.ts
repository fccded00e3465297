// Every event the demo seed and the synthetic generator write parses with its schema in
// @sakip/contracts: the schemas match what the deciders and generators really produce.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandExecutor, systemActor } from '@sakip/application';
import { loadConfig } from '@sakip/config';
import { CURRENT_SCHEMA_VERSION, parseEvent } from '@sakip/contracts';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { demoSeed } from '../src/commands/demo-seed';
import type { CliRuntime } from '../src/runtime';
import { generateSynthetic } from '../src/synthetic/generate';

let seed: TestDatabase;
let synthetic: TestDatabase;

function runtime(db: TestDatabase): CliRuntime {
  return {
    config: loadConfig({ DATABASE_URL: db.url }),
    sql: db.sql,
    executor: new CommandExecutor(new EventStore(db.sql)),
    context: (commandId) => ({
      actor: systemActor('test'),
      commandId: commandId ?? randomUUID(),
      correlationId: randomUUID(),
    }),
    close: async () => {},
  };
}

/** Every stored event, with what its schema says about it. */
async function parseAll(db: TestDatabase) {
  const rows = await db.sql<
    { global_position: number; type: string; schema_version: number; data: unknown }[]
  >`select global_position, type, schema_version, data from events order by global_position`;
  const failures: string[] = [];
  const types = new Map<string, number>();
  for (const r of rows) {
    try {
      const parsed = parseEvent({ type: r.type, schemaVersion: r.schema_version, data: r.data });
      // Parsing keeps the payload as stored: nothing dropped, nothing added.
      expect(parsed.data).toEqual(r.data);
      types.set(r.type, (types.get(r.type) ?? 0) + 1);
    } catch (err) {
      failures.push(`${r.global_position} ${r.type}: ${(err as Error).message}`);
    }
  }
  return { count: rows.length, failures, types };
}

beforeAll(async () => {
  [seed, synthetic] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await demoSeed(runtime(seed), () => {});
  await generateSynthetic(new EventStore(synthetic.sql), {
    provinces: 1,
    kabupaten: 2,
    opds: 2,
    indicators: 4,
    years: 2,
    startYear: 2023,
    quarters: true,
    revisions: 1,
    concurrency: 2,
    scale: 1,
    seed: 'schemas',
  });
}, 180_000);
afterAll(async () => Promise.all([seed?.drop(), synthetic?.drop()]));

describe('event payload schemas against real data', () => {
  it('parses every event of the demo seed, written at the current schema version', async () => {
    const { count, failures, types } = await parseAll(seed);
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(500);
    const [stale] = await seed.sql<{ n: number }[]>`select count(*)::int as n from events e
      where e.schema_version <> (${JSON.stringify(CURRENT_SCHEMA_VERSION)}::jsonb ->> e.type)::int`;
    expect(stale!.n).toBe(0);
    // The seed goes through the real import and deciders for these areas.
    for (const t of [
      'RegionRegistered',
      'OpdRegistered',
      'UnitAdded',
      'PositionAdded',
      'UserRegistered',
      'DecreeDrafted',
      'ElementDefined',
      'IndicatorDefined',
      'DecreeEnacted',
      'RealizationRecorded',
      'NarrativeRecorded',
      'SpendingRecorded',
    ])
      expect(types.get(t), t).toBeGreaterThan(0);
  });

  it('parses every event of the synthetic generator', async () => {
    const { count, failures } = await parseAll(synthetic);
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });
});
