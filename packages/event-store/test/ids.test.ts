import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalHash, eventIdFor } from '../src';

describe('eventIdFor', () => {
  it('is deterministic, distinct per index and a v5-layout UUID', () => {
    const cmd = randomUUID();
    expect(eventIdFor(cmd, 0)).toBe(eventIdFor(cmd, 0));
    expect(eventIdFor(cmd, 0)).not.toBe(eventIdFor(cmd, 1));
    expect(eventIdFor(cmd, 0)).not.toBe(eventIdFor(randomUUID(), 0));
    expect(eventIdFor(cmd, 7)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(eventIdFor(cmd.toUpperCase(), 3)).toBe(eventIdFor(cmd, 3));
  });
});

describe('canonicalHash', () => {
  it('ignores key order at every level but not values or array order', () => {
    expect(canonicalHash({ a: 1, b: { c: [1, { x: 1, y: 2 }], d: 'x' } })).toBe(
      canonicalHash({ b: { d: 'x', c: [1, { y: 2, x: 1 }] }, a: 1 }),
    );
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: 2 }));
    expect(canonicalHash([1, 2])).not.toBe(canonicalHash([2, 1]));
    expect(canonicalHash({ a: 1, u: undefined })).toBe(canonicalHash({ a: 1 }));
    expect(canonicalHash(undefined)).toBe(canonicalHash(null));
    expect(canonicalHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
