/**
 * Writes a synthetic national dataset straight into the event store: no deciders, no read
 * models, one es_append per stream batch, `concurrency` streams in flight.
 */
import { checkNewEvents } from '@sakip/contracts';
import type { EventStore } from '@sakip/event-store';
import {
  expectedCounts,
  resolveShape,
  type Counts,
  type Kind,
  type Shape,
  type SyntheticArgs,
} from './shape';
import { metadataFor, payloadFor, plannedStreams, type PlannedStream } from './streams';

export interface Progress {
  streams: number;
  events: number;
  totalStreams: number;
  totalEvents: number;
  seconds: number;
}

export interface SyntheticSummary {
  shape: Omit<Shape, 'regions'> & { regions: number; opdsTotal: number };
  streams: Record<Kind, number>;
  events: Record<string, number>;
  totalStreams: number;
  totalEvents: number;
  appends: number;
  /** Appends the store reported as replays (an earlier run with the same arguments). */
  replayed: number;
  seconds: number;
  eventsPerSecond: number;
  streamsPerSecond: number;
}

export interface GenerateOptions {
  /** Called about every progressMs (default 1000) and once at the end. */
  onProgress?: (p: Progress) => void;
  progressMs?: number;
}

export async function generateSynthetic(
  store: EventStore,
  args: SyntheticArgs,
  options: GenerateOptions = {},
): Promise<SyntheticSummary> {
  const shape = resolveShape(args);
  const expected: Counts = expectedCounts(shape);
  const streams = Object.fromEntries(Object.keys(expected.streams).map((k) => [k, 0])) as Record<
    Kind,
    number
  >;
  const events: Record<string, number> = {};
  let totalEvents = 0;
  let totalStreams = 0;
  let appends = 0;
  let replayed = 0;
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const progress = (): Progress => ({
    streams: totalStreams,
    events: totalEvents,
    totalStreams: expected.totalStreams,
    totalEvents: expected.totalEvents,
    seconds: seconds(),
  });
  const timer = options.onProgress
    ? setInterval(() => options.onProgress?.(progress()), options.progressMs ?? 1000)
    : null;

  const source = plannedStreams(shape);
  let failed: unknown = null;
  const write = async (s: PlannedStream): Promise<void> => {
    let version = 0;
    for (let b = 0; b < s.batches.length; b++) {
      const batch = s.batches[b]!;
      const r = await store.append({
        streamId: s.streamId,
        streamType: s.streamType,
        expectedVersion: version,
        events: checkNewEvents(batch.events),
        metadata: metadataFor(shape, s, b),
        payload: payloadFor(shape, s, b),
      });
      version = r.nextExpectedVersion;
      appends++;
      if (r.replayed) replayed++;
      for (const e of batch.events) events[e.type] = (events[e.type] ?? 0) + 1;
      totalEvents += batch.events.length;
    }
    streams[s.kind]++;
    totalStreams++;
  };
  const worker = async (): Promise<void> => {
    // The generator is shared: each worker takes the next stream; JS runs next() one at a time.
    while (failed === null) {
      const n = source.next();
      if (n.done) return;
      try {
        await write(n.value);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: shape.concurrency }, worker));
  } finally {
    if (timer) clearInterval(timer);
  }
  if (failed !== null) throw failed;
  options.onProgress?.(progress());

  const secs = seconds();
  const { regions, ...rest } = shape;
  return {
    shape: { ...rest, regions: regions.length, opdsTotal: streams.opd },
    streams,
    events,
    totalStreams,
    totalEvents,
    appends,
    replayed,
    seconds: Number(secs.toFixed(3)),
    eventsPerSecond: Math.round(totalEvents / Math.max(secs, 1e-3)),
    streamsPerSecond: Math.round(totalStreams / Math.max(secs, 1e-3)),
  };
}

/** "streams 1,204/3,100 (402/s) events 9,880/25,400 (3,290/s) ETA 4s" */
export function formatProgress(p: Progress): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const rate = p.events / Math.max(p.seconds, 1e-3);
  const eta = rate > 0 ? (p.totalEvents - p.events) / rate : Infinity;
  return `synthetic: streams ${n(p.streams)}/${n(p.totalStreams)} (${n(p.streams / Math.max(p.seconds, 1e-3))}/s) events ${n(p.events)}/${n(p.totalEvents)} (${n(rate)}/s) ETA ${duration(eta)}`;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 120) return `${Math.ceil(s)}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${(s / 3600).toFixed(1)}h`;
  return `${(s / 86400).toFixed(1)}d`;
}
