import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore } from '../src';
import { drainFeed, feedEnd, events, meta, req, streamName } from './helpers';

let db: TestDatabase;
let store: EventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

describe('feed', () => {
  it('withholds later commits while an earlier transaction is open, then skips nothing', async () => {
    // Start from the current end of the feed.
    const start = await feedEnd(store);
    const [a, b, c] = [streamName('a'), streamName('b'), streamName('c')];
    const mine = (e: { streamId: string }) => [a, b, c].includes(e.streamId);

    const tx = await db.sql.reserve();
    try {
      await tx`begin`;
      const resA = await new EventStore(tx).append(req(a, 0, events(1)));
      const resB = await store.append(req(b, 0, events(1)));
      const resC = await store.append(req(c, 0, events(1)));
      // A took its position first, B and C committed first.
      expect(resA.globalPositions[0]).toBeLessThan(resB.globalPositions[0]!);
      expect(resB.globalPositions[0]).toBeLessThan(resC.globalPositions[0]!);

      const whileOpen = await store.readFeed({ after: start, limit: 100 });
      expect(whileOpen.events.filter(mine)).toEqual([]);
      expect(await store.feedLag(whileOpen.checkpoint)).toBe(0);
      expect(await store.headPosition()).toBe(resC.globalPositions[0]);

      await tx`commit`;
    } finally {
      tx.release();
    }

    const after = await drainFeed(store, { after: start, limit: 100, want: 3, keep: mine });
    expect(after.events.map((e) => e.streamId)).toEqual([a, b, c]);
    expect(await store.feedLag(after.checkpoint)).toBe(0);
  }, 30_000);

  it('pages through 1,000 events with limit and checkpoint, in order, without gaps', async () => {
    const start = await feedEnd(store);
    const ids = Array.from({ length: 10 }, () => streamName('page'));
    const positions: number[] = [];
    for (const id of ids)
      positions.push(...(await store.append(req(id, 0, events(100)))).globalPositions);

    const read = await drainFeed(store, { after: start, limit: 137, want: 1000 });
    expect(read.events.map((e) => e.globalPosition)).toEqual(positions);
    // At least ceil(1000 / 137) pages; more when another session holds the feed back mid-way.
    expect(read.batches).toBeGreaterThanOrEqual(Math.ceil(1000 / 137));
    expect(read.checkpoint).toEqual({
      transactionId: read.events.at(-1)!.transactionId,
      position: positions.at(-1),
    });
    // Nothing more after the checkpoint; the checkpoint is handed back unchanged.
    const empty = await store.readFeed({ after: read.checkpoint, limit: 10 });
    expect(empty).toEqual({ events: [], checkpoint: read.checkpoint });
    expect(await store.feedLag(read.checkpoint)).toBe(0);
  }, 30_000);

  it('filters by province codes', async () => {
    const start = await feedEnd(store);
    const jakarta = streamName('p31');
    const bali = streamName('p51');
    const papua = streamName('p91');
    await store.append(
      req(jakarta, 0, events(2), meta({ provinceCode: '31', regionCode: '3171' })),
    );
    await store.append(req(bali, 0, events(2), meta({ provinceCode: '51', regionCode: '5171' })));
    await store.append(req(papua, 0, events(2), meta({ provinceCode: '91', regionCode: null })));

    const read = await drainFeed(store, {
      after: start,
      limit: 10,
      want: 4,
      provinceCodes: ['31', '91'],
    });
    expect(read.events.map((e) => e.streamId)).toEqual([jakarta, jakarta, papua, papua]);
    expect(read.events.map((e) => e.provinceCode)).toEqual(['31', '31', '91', '91']);
    expect(read.events.at(-1)!.regionCode).toBeNull();
  }, 30_000);
});
