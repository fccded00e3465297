import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore, UpcasterRegistry } from '../src';
import { drainFeed, events, feedEnd, meta, req, streamName } from './helpers';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('metadata', () => {
  it('round-trips actor, scope, ids, province/region, decree and recordedAt', async () => {
    const store = new EventStore(db.sql);
    const id = streamName();
    const m = meta({
      actor: { userId: 'u-42', role: 'opd_operator', scope: { level: 'opd', code: '3171-DINKES' } },
      correlationId: 'c0a80101-0000-4000-8000-000000000001',
      causationId: 'c0a80101-0000-4000-8000-000000000002',
      provinceCode: '31',
      regionCode: '3171',
      decree: { decreeId: 'd-1', number: '188.4/12/2025' },
    });
    const before = Date.now();
    await store.append(req(id, 0, [{ type: 'PlanDrafted', data: { title: 'Renstra' } }], m));
    const [e] = (await store.readStream(id)).events;
    expect(e).toBeDefined();
    expect(e!.metadata).toEqual({ ...m, recordedAt: e!.recordedAt });
    expect(e!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Math.abs(Date.parse(e!.recordedAt) - before)).toBeLessThan(60_000);
    expect(e).toMatchObject({
      provinceCode: '31',
      regionCode: '3171',
      schemaVersion: 1,
      type: 'PlanDrafted',
    });
    expect(e!.transactionId).toMatch(/^\d+$/);
  }, 30_000);
});

describe('upcasters', () => {
  it('reads a v1 event as v2 (and v3 by chaining) in readStream and readFeed', async () => {
    const raw = new EventStore(db.sql);
    const id = streamName();
    const start = await feedEnd(raw);
    await raw.append(
      req(id, 0, [
        { type: 'TargetSet', data: { value: '80' } },
        { type: 'TargetSet', data: { value: 90, unit: 'percent' }, schemaVersion: 2 },
        { type: 'Other', data: { value: '1' } },
      ]),
    );

    const upcasters = new UpcasterRegistry()
      .register('TargetSet', 1, (d) => ({ value: Number(d.value), unit: 'percent' }))
      .register('TargetSet', 2, (d, e) => ({ ...d, streamId: e.streamId }));
    const store = new EventStore(db.sql, { upcasters });

    const expected = [
      { type: 'TargetSet', schemaVersion: 3, data: { value: 80, unit: 'percent', streamId: id } },
      { type: 'TargetSet', schemaVersion: 3, data: { value: 90, unit: 'percent', streamId: id } },
      { type: 'Other', schemaVersion: 1, data: { value: '1' } },
    ];
    const stream = await store.readStream(id);
    expect(stream.events).toMatchObject(expected);
    const feed = await drainFeed(store, {
      after: start,
      limit: 10,
      want: 3,
      keep: (e) => e.streamId === id,
    });
    expect(feed.events).toMatchObject(expected);

    // Stored rows are untouched.
    expect((await raw.readStream(id)).events[0]).toMatchObject({
      schemaVersion: 1,
      data: { value: '80' },
    });
    expect(() => upcasters.register('TargetSet', 1, (d) => d)).toThrow(/already registered/);
  }, 30_000);
});

describe('partial and multi-stream reads', () => {
  it('reads a stream from a version, and many streams in one round trip', async () => {
    const store2 = new EventStore(db.sql);
    const a = streamName();
    const b = streamName();
    await store2.append(req(a, 0, events(3), meta(), { a }));
    await store2.append(req(b, 0, events(2), meta(), { b }));
    const tail = await store2.readStream(a, 1);
    expect(tail.events.map((e) => e.streamVersion)).toEqual([2, 3]);
    expect(tail.version).toBe(3);
    expect((await store2.readStream(a, 3)).version).toBe(3);
    const many = await store2.readStreams([
      { streamId: a, afterVersion: 2 },
      { streamId: b, afterVersion: 0 },
      { streamId: 'missing', afterVersion: 0 },
    ]);
    expect(many.get(a)!.map((e) => e.streamVersion)).toEqual([3]);
    expect(many.get(b)!.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(many.get('missing')).toEqual([]);
    expect(await store2.streamVersions([a, b, 'missing'])).toEqual(
      new Map([
        [a, 3],
        [b, 2],
      ]),
    );
  });
});
