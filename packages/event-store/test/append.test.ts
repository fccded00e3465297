import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { ConcurrencyError, EventStore } from '../src';
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

describe('append', () => {
  it('creates a new stream and appends with the right expected version', async () => {
    const id = streamName();
    const first = await store.append(req(id, 0, events(2)));
    expect(first).toMatchObject({ streamId: id, nextExpectedVersion: 2, replayed: false });
    expect(first.globalPositions).toHaveLength(2);
    expect(first.globalPositions[1]).toBe(first.globalPositions[0]! + 1);

    const second = await store.append(req(id, 2, events(1)));
    expect(second.nextExpectedVersion).toBe(3);

    const read = await store.readStream(id);
    expect(read.version).toBe(3);
    expect(read.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(read.events.map((e) => e.eventId)).toEqual([...first.eventIds, ...second.eventIds]);
  });

  it('rejects a wrong expected version with the actual version and burns no position', async () => {
    const id = streamName();
    const ok = await store.append(req(id, 0, events(3)));

    const wrong = await store.append(req(id, 1, events(1))).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ConcurrencyError);
    expect(wrong).toMatchObject({
      name: 'ConcurrencyError',
      streamId: id,
      expectedVersion: 1,
      actualVersion: 3,
    });

    const exists = await store.append(req(id, 0, events(1))).catch((e: unknown) => e);
    expect(exists).toMatchObject({
      name: 'ConcurrencyError',
      expectedVersion: 0,
      actualVersion: 3,
    });

    const missing = await store.append(req(streamName(), 4, events(1))).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      name: 'ConcurrencyError',
      expectedVersion: 4,
      actualVersion: 0,
    });

    // Single writer: the next successful append continues right after the last position.
    const next = await store.append(req(id, 3, events(2)));
    expect(next.globalPositions).toEqual([ok.globalPositions[2]! + 1, ok.globalPositions[2]! + 2]);
    expect((await store.readStream(id)).version).toBe(5);
  });

  it('lets exactly one of two concurrent writers with the same expected version win', async () => {
    const id = streamName();
    await store.append(req(id, 0, events(1)));
    const results = await Promise.allSettled([
      store.append(req(id, 1, events(1))),
      store.append(req(id, 1, events(1))),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(id)).version).toBe(2);
  });

  it('appends a batch of 500 events in one call, in order', async () => {
    const id = streamName();
    const res = await store.append(req(id, 0, events(500, 'Batched'), meta()));
    expect(res.nextExpectedVersion).toBe(500);
    expect(res.globalPositions).toHaveLength(500);
    expect(
      res.globalPositions.every((p, i) => i === 0 || p === res.globalPositions[i - 1]! + 1),
    ).toBe(true);
    const read = await store.readStream(id);
    expect(read.events.map((e) => e.data.i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(read.events.map((e) => e.streamVersion)).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    expect(read.events.map((e) => e.globalPosition)).toEqual(res.globalPositions);
    expect(new Set(read.events.map((e) => e.transactionId)).size).toBe(1);
  });

  it('reads a missing stream as version 0 with no events', async () => {
    expect(await store.readStream(streamName())).toEqual({ version: 0, events: [] });
  });

  it('rejects an empty append', async () => {
    await expect(store.append(req(streamName(), 0, []))).rejects.toThrow(/at least one event/);
  });
});
