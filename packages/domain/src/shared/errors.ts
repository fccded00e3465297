/** A rule the command broke. `path` names the input field, messages are shown to users. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageId: string,
    readonly messageEn: string,
    readonly path: readonly (string | number)[] = [],
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'DomainError';
  }
}

/** The actor's role or scope does not allow the command. */
export class ForbiddenError extends Error {
  constructor(
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'ForbiddenError';
  }
}

export function fail(
  code: string,
  id: string,
  en: string,
  path: readonly (string | number)[] = [],
): never {
  throw new DomainError(code, id, en, path);
}
