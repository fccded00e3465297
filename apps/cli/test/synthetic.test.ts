import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import {
  fold,
  isRegencyCode,
  levelOfCode,
  planDecider,
  planStreamId,
  realizationDecider,
  realizationStreamId,
  snapshotOf,
  type PlanEvent,
  type RealizationEvent,
} from '@sakip/domain';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { generateSynthetic, type SyntheticSummary } from '../src/synthetic/generate';
import { expectedCounts, resolveShape, type SyntheticArgs } from '../src/synthetic/shape';

const ARGS: SyntheticArgs = {
  provinces: 2,
  kabupaten: 3,
  opds: 2,
  indicators: 6,
  years: 3,
  startYear: 2022,
  quarters: true,
  revisions: 2,
  concurrency: 4,
  scale: 1,
  seed: 'test',
};

let a: TestDatabase;
let b: TestDatabase;
let first: SyntheticSummary;

async function digest(db: TestDatabase): Promise<string> {
  const rows = await db.sql<
    { stream_id: string; stream_version: number; type: string; data: unknown }[]
  >`
    select stream_id, stream_version, type, data from events order by stream_id, stream_version`;
  const h = createHash('sha256');
  for (const r of rows)
    h.update(`${r.stream_id}#${r.stream_version}|${r.type}|${JSON.stringify(r.data)}\n`);
  return h.digest('hex');
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase({ max: 6 }), createTestDatabase({ max: 6 })]);
  first = await generateSynthetic(new EventStore(a.sql), ARGS);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

describe('sakip synthetic', () => {
  it('writes the counts computed from the arguments', async () => {
    // 2 provinces, 3 kabupaten/kota (2 + 1), 2 OPDs each = 6 OPDs; 6 indicators × 3 years, quarterly.
    const opds = 6;
    expect(first.streams).toEqual({
      region: 5,
      opd: opds,
      plan: opds,
      pk: opds * 3,
      realization: opds * 6 * 3,
    });
    expect(first.events.RealizationVerified).toBe(opds * 6 * 3 * 4);
    expect(first.events.DecreeEnacted).toBe(opds * 3); // penetapan + 2 perubahan
    expect(first.events.IndicatorDefined).toBe(opds * (6 + 2 * 1)); // a tenth (at least one) revised per perubahan
    const expected = expectedCounts(resolveShape(ARGS));
    expect(first.events).toEqual(expected.events);
    expect(first.totalEvents).toBe(expected.totalEvents);
    const [row] = await a.sql<
      { n: number; s: number }[]
    >`select count(*)::int as n, count(distinct stream_id)::int as s from events`;
    expect(row).toEqual({ n: expected.totalEvents, s: expected.totalStreams });
    const byType = await a.sql<
      { type: string; n: number }[]
    >`select type, count(*)::int as n from events group by type`;
    expect(Object.fromEntries(byType.map((r) => [r.type, r.n]))).toEqual(expected.events);
  });

  it('uses Kemendagri region codes, kota from 71', async () => {
    const regions = await a.sql<{ code: string; level: string }[]>`
      select data->>'code' as code, data->>'level' as level from events where type = 'RegionRegistered' order by 1`;
    expect(regions.map((r) => r.code)).toEqual(['11', '11.01', '11.02', '12', '12.01']);
    for (const r of regions) expect(levelOfCode(r.code)).toBe(r.level);
    expect(regions.filter((r) => r.code.length > 2).every((r) => isRegencyCode(r.code))).toBe(true);
    const scaled = resolveShape({ ...ARGS, provinces: 38, kabupaten: 514, scale: 1 });
    expect(
      scaled.regions.filter((r) => r.level === 'kota').every((r) => Number(r.code.slice(3)) >= 71),
    ).toBe(true);
    expect(scaled.regions.filter((r) => r.level !== 'province')).toHaveLength(514);
    expect(
      resolveShape({
        ...ARGS,
        provinces: 38,
        kabupaten: 514,
        opds: 40,
        indicators: 150,
        scale: 0.001,
      }),
    ).toMatchObject({ provinces: 1, kabupaten: 1, opds: 1, indicators: 1 });
  });

  it('folds a plan stream with the real plan decider: SK sequence and revised targets', async () => {
    const store = new EventStore(a.sql);
    const opdId = '12.01-OPD2';
    const { events } = await store.readStream(planStreamId(opdId));
    const state = fold(planDecider, events as unknown as PlanEvent[]);
    expect(state.opdId).toBe(opdId);
    expect(state.enacted).toHaveLength(3);
    const decrees = state.enacted.map((id) => state.decrees[id]!);
    expect(decrees.map((d) => [d.info.kind, d.status, d.sequence])).toEqual([
      ['penetapan', 'enacted', 1],
      ['perubahan', 'enacted', 2],
      ['perubahan', 'enacted', 3],
    ]);
    // Every event carries its SK in the metadata.
    for (const e of events)
      expect(e.metadata.decree?.decreeId).toBe((e.data as { decreeId: string }).decreeId);
    const period = { periodStart: 2022, periodEnd: 2024 };
    const original = snapshotOf(state, period, state.enacted[0]);
    const current = snapshotOf(state, period);
    expect(Object.keys(current.indicators)).toHaveLength(6);
    for (const ind of Object.values(current.indicators)) {
      expect(ind.targets.map((t) => t.year)).toEqual([2022, 2023, 2024]);
      for (const t of ind.targets)
        expect(ind.polarity === 'range' ? t.min !== null && t.max !== null : t.value !== null).toBe(
          true,
        );
    }
    // Each perubahan moved at least one target, and only from its own year on.
    for (const d of decrees.slice(1)) {
      const revised = d.order.filter((k) => k.startsWith('indicator:'));
      expect(revised).toHaveLength(1);
      const code = revised[0]!.slice('indicator:'.length);
      const before = original.indicators[code]!.targets;
      const after = (d.changes[revised[0]!] as { indicator: { targets: typeof before } }).indicator
        .targets;
      const fromYear = Number(d.info.number.split('/').at(-1));
      expect(
        after.filter((t, i) => JSON.stringify(t) !== JSON.stringify(before[i])).length,
      ).toBeGreaterThan(0);
      for (const [i, t] of after.entries()) if (t.year < fromYear) expect(t).toEqual(before[i]);
    }
  });

  it('folds a realization stream with the real realization decider: every quarter verified', async () => {
    const store = new EventStore(a.sql);
    const { events } = await store.readStream(realizationStreamId('11.02-OPD1', 'IKU-004', 2023));
    const state = fold(realizationDecider, events as unknown as RealizationEvent[]);
    expect(Object.keys(state.entries).sort()).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    for (const entry of Object.values(state.entries)) {
      expect(entry.versions).toHaveLength(1);
      expect(entry.versions[0]!.status).toBe('verified');
      expect(entry.versions[0]!.history.map((h) => h.status)).toEqual([
        'draft',
        'submitted',
        'verified',
      ]);
    }
    // The decider accepts closing the year on the generated state.
    expect(
      realizationDecider.decide(
        { type: 'LockYear', actor: 'kadis', requiredPeriods: ['TW1', 'TW2', 'TW3', 'TW4'] },
        state,
      ),
    ).toHaveLength(1);
    expect(events[0]!.provinceCode).toBe('11');
    expect(events[0]!.regionCode).toBe('11.02');
  });

  it('is deterministic: same arguments, same events at another concurrency; a rerun replays', async () => {
    const second = await generateSynthetic(new EventStore(b.sql), { ...ARGS, concurrency: 1 });
    expect(second.totalEvents).toBe(first.totalEvents);
    expect(await digest(b)).toBe(await digest(a));
    const again = await generateSynthetic(new EventStore(b.sql), ARGS);
    expect(again.replayed).toBe(again.appends);
    const [row] = await b.sql<{ n: number }[]>`select count(*)::int as n from events`;
    expect(row!.n).toBe(first.totalEvents);
  }, 30_000);
});
