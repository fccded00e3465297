import { describe, expect, it } from 'vitest';
import { deepEqual } from '../src/shared/equal';

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: null }, { a: undefined }, true],
    [[1, 2], [2, 1], false],
    [{ a: '30' }, { a: 30 }, false],
    [{ a: 1 }, { a: 1, b: 0 }, false],
  ])('%j vs %j → %s', (a, b, expected) => expect(deepEqual(a, b)).toBe(expected));
});
