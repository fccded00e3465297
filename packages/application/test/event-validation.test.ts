// Events are checked against their payload schemas before append: a decider that emits a
// payload its schema does not accept (a renamed field, a stray key) writes nothing at all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError } from '@sakip/contracts';
import {
  regionDecider,
  type RegionCommand,
  type RegionEvent,
  type RegionState,
} from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  CommandExecutor,
  executeBatch,
  regionUseCases,
  systemActor,
  type UseCase,
} from '../src/index';

let db: TestDatabase;
let executor: CommandExecutor;
const ctx = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});
const rows = async (streamId: string) => ({
  events: (await db.sql`select 1 from events where stream_id = ${streamId}`).length,
  streams: (await db.sql`select 1 from streams where stream_id = ${streamId}`).length,
});

/** A region use case whose decider's events drift from the schema as `drift` says. */
function drifting<I>(
  useCase: UseCase<I, RegionCommand, RegionEvent, RegionState>,
  drift: (data: Record<string, unknown>) => Record<string, unknown>,
): UseCase<I, RegionCommand, RegionEvent, RegionState> {
  return {
    ...useCase,
    decider: {
      ...regionDecider,
      decide: (command, state) =>
        regionDecider
          .decide(command, state)
          .map((e) => ({ ...e, data: drift({ ...e.data }) }) as RegionEvent),
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  executor = new CommandExecutor(new EventStore(db.sql));
  await executor.execute(
    regionUseCases.registerRegion,
    { code: '18', name: 'Lampung', codeEdition: 'x' },
    ctx(),
  );
});
afterAll(async () => db?.drop());

describe('append checks each event against its schema', () => {
  it('refuses a stray key, names it, and writes neither the event nor the stream', async () => {
    const useCase = drifting(regionUseCases.registerRegion, (d) => ({ ...d, colour: 'blue' }));
    const run = executor.execute(
      useCase,
      { code: '18.04', name: 'Kabupaten Lampung Barat', codeEdition: 'x' },
      ctx(),
    );
    await expect(run).rejects.toBeInstanceOf(InvalidEventError);
    await expect(run).rejects.toThrow(
      /RegionRegistered v1 event data does not match its schema: data: .*colour/,
    );
    expect(await rows('region-18.04')).toEqual({ events: 0, streams: 0 });
  });

  it('refuses a missing field in a batch: nothing of the batch is written, not even its valid events', async () => {
    const store = new EventStore(db.sql);
    const input = { code: '18.13', name: 'Kabupaten Pesisir Barat', codeEdition: 'x' };
    const rename = drifting(regionUseCases.renameRegion, ({ name: _name, ...rest }) => rest);
    const run = executeBatch(
      store,
      executor.loader,
      [
        { useCase: regionUseCases.registerRegion, input },
        { useCase: rename, input: { code: '18.13', name: 'Kab. Pesisir Barat' } },
      ] as never,
      ctx(),
    );
    await expect(run).rejects.toThrow(/data\.name: /);
    expect(await rows('region-18.13')).toEqual({ events: 0, streams: 0 });
  });

  it('writes the same command once the payload matches, stored as given', async () => {
    await executor.execute(
      regionUseCases.registerRegion,
      { code: '18.04', name: 'Kabupaten Lampung Barat', codeEdition: 'x' },
      ctx(),
    );
    const [row] = await db.sql<{ schema_version: number; data: unknown }[]>`
      select schema_version, data from events where stream_id = 'region-18.04'`;
    expect(row).toEqual({
      schema_version: 1,
      data: {
        code: '18.04',
        level: 'kabupaten',
        provinceCode: '18',
        name: 'Kabupaten Lampung Barat',
        codeEdition: 'x',
      },
    });
  });
});
