import type { DomainEvent } from '@sakip/domain';
import type { SourceRef } from '@sakip/importer';
import type { UseCase } from '../use-case';
import type { Locator } from './problems';

/** One command of an import, with the row it came from and how its errors map to columns. */
export interface ImportStep {
  // Heterogeneous by design: each step's use case is typed where the step is built.
  useCase: UseCase<never, unknown, DomainEvent, unknown>;
  input: unknown;
  source: SourceRef;
  locator: Locator;
}

export const step = <I, C, E extends DomainEvent, S>(
  useCase: UseCase<I, C, E, S>,
  input: I,
  source: SourceRef,
  locator: Locator,
): ImportStep => ({
  useCase: useCase as unknown as ImportStep['useCase'],
  input,
  source,
  locator,
});
