import { expect } from 'vitest';
import { fold, type Decider, type DomainEvent } from '../src/shared/decider';
import { DomainError } from '../src/shared/errors';

/** given(events).when(command).then(events) | .thenFails(code, path) */
export function spec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (given: E[]) => ({
    when: (command: C) => ({
      then: (expected: E[]) =>
        expect(decider.decide(command, fold(decider, given))).toEqual(expected),
      thenFails: (code: string, path?: (string | number)[]) => {
        let error: unknown;
        try {
          decider.decide(command, fold(decider, given));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(code);
        if (path) expect((error as DomainError).path).toEqual(path);
      },
    }),
  });
}
