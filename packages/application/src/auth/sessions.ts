import { userDecider, userStreamId } from '@sakip/domain';
import type { Actor } from '../actor';
import type { StateLoader } from '../state-loader';
import { verifyPassword } from './passwords';

export class AuthenticationError extends Error {
  constructor() {
    super('Nama pengguna atau kata sandi salah / wrong username or password');
    this.name = 'AuthenticationError';
  }
}

/** Checks a password against the user's stream; the same error for every failure (no user probing). */
export async function authenticate(
  loader: StateLoader,
  username: string,
  password: string,
): Promise<Actor & { kind: 'user' }> {
  const { state } = await loader.load(userDecider, userStreamId(username));
  const ok =
    state.registered && !state.disabled && (await verifyPassword(password, state.passwordHash));
  if (!ok) throw new AuthenticationError();
  return { kind: 'user', userId: state.username, bindings: state.bindings };
}

/** The current actor behind a token's subject, or null when the user is gone or disabled. */
export async function actorFor(
  loader: StateLoader,
  username: string,
): Promise<(Actor & { kind: 'user'; displayName: string }) | null> {
  const { state } = await loader.load(userDecider, userStreamId(username));
  if (!state.registered || state.disabled) return null;
  return {
    kind: 'user',
    userId: state.username,
    bindings: state.bindings,
    displayName: state.displayName,
  };
}
