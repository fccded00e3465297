import type { DomainEvent } from '@sakip/domain';
import type { SourceRef } from '@sakip/importer';
import type { UseCase } from '../use-case';

/** One command of an import, with the row it came from. */
export interface ImportStep {
  // Heterogeneous by design: each step's use case is typed where the step is built.
  useCase: UseCase<never, unknown, DomainEvent, unknown>;
  input: unknown;
  source: SourceRef;
  /** For sk indicator rows: the years of targets[i], to name the target_<year> column. */
  targetYears?: readonly number[];
}

export const step = <I, C, E extends DomainEvent, S>(
  useCase: UseCase<I, C, E, S>,
  input: I,
  source: SourceRef,
  targetYears?: readonly number[],
): ImportStep => ({
  useCase: useCase as unknown as ImportStep['useCase'],
  input,
  source,
  ...(targetYears ? { targetYears } : {}),
});
