import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore, IdempotencyConflictError } from '../src';
import { events, meta, req, streamName } from './helpers';

let db: TestDatabase;
let store: EventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

async function eventCount(streamId: string): Promise<number> {
  const [row] = await db.sql<
    { n: number }[]
  >`select count(*)::bigint as n from events where stream_id = ${streamId}`;
  return row!.n;
}

describe('idempotency', () => {
  it('replays the stored result for the same command id and payload', async () => {
    const id = streamName();
    const m = meta();
    const first = await store.append(req(id, 0, events(3), m, { a: 1, b: [1, 2] }));
    // Same payload with keys in another order: same canonical hash.
    const again = await store.append(req(id, 0, events(3), m, { b: [1, 2], a: 1 }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await eventCount(id)).toBe(3);
    expect(await store.headPosition()).toBe(first.globalPositions[2]);
  });

  it('rejects the same command id with a different payload', async () => {
    const id = streamName();
    const m = meta();
    await store.append(req(id, 0, events(1), m, { a: 1 }));
    const err = await store.append(req(id, 1, events(1), m, { a: 2 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdempotencyConflictError);
    expect(err).toMatchObject({ commandId: m.commandId });
    expect(await eventCount(id)).toBe(1);
  });

  it('writes exactly one set of events for two concurrent identical appends', async () => {
    for (let round = 0; round < 5; round++) {
      const id = streamName();
      const m = meta();
      const r = () => store.append(req(id, 0, events(4), m, { round }));
      const [a, b] = await Promise.all([r(), r()]);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
      expect(a.globalPositions).toEqual(b.globalPositions);
      expect(a.eventIds).toEqual(b.eventIds);
      expect(await eventCount(id)).toBe(4);
    }
  });
});

describe('findCommand', () => {
  it('answers the stored result, null for a new id, and refuses a different payload', async () => {
    const id = streamName();
    const m = meta();
    const first = await store.append(req(id, 0, events(2), m, { x: 1 }));
    expect(await store.findCommand(m.commandId, { x: 1 })).toEqual({ ...first, replayed: true });
    expect(await store.findCommand(meta().commandId, { x: 1 })).toBeNull();
    await expect(store.findCommand(m.commandId, { x: 2 })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
  });
});
