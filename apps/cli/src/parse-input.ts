import type { z } from 'zod';

export class InputError extends Error {
  constructor(readonly issues: string[]) {
    super(`Input tidak valid / invalid input:\n  ${issues.join('\n  ')}`);
    this.name = 'InputError';
  }
}

/** Validates CLI input with the same contract the API uses; names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`),
    );
  return parsed.data;
}
