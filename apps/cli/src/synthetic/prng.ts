import { createHash } from 'node:crypto';

/**
 * Seeded randomness for the synthetic generator. Every stream draws from its own generator,
 * seeded by (run seed, stream id), so the data does not depend on which worker writes which
 * stream first: the same arguments give the same events at any --concurrency.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function rngFor(...parts: (string | number)[]): Rng {
  let a = createHash('sha1').update(parts.join('\u0000')).digest().readUInt32LE(0);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)]! };
}

/** A UUID (v5 layout) derived from a name: command and decree ids repeat across runs. */
export function uuidFrom(...parts: (string | number)[]): string {
  const b = createHash('sha1')
    .update(`sakip-synthetic:${parts.join('\u0000')}`)
    .digest()
    .subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
