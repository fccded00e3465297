import {
  ForbiddenError,
  scopeWithin,
  userDecider,
  userStreamId,
  type RoleBinding,
  type Scope,
  type UserCommand,
  type UserEvent,
  type UserState,
} from '@sakip/domain';
import type {
  ChangePasswordInput,
  DisableUserInput,
  GrantRoleInput,
  RegisterUserInput,
} from '@sakip/contracts';
import type { Actor } from '../actor';
import { hashPassword } from '../auth/passwords';
import type { UseCase } from '../use-case';
import { requireScopeExists } from './existence';
import { scopeTarget } from './targets';

type UserUseCase<I> = UseCase<I, UserCommand, UserEvent, UserState>;

/**
 * An admin may manage a user only when every scope involved (held and granted) lies inside
 * one of the admin's own `user.manage` scopes: nobody hands out more than they hold.
 */
export function authorizeUserAdmin(
  actor: Actor,
  scopes: readonly Scope[],
  action: string,
): RoleBinding | null {
  if (actor.kind === 'system') return null;
  const binding = actor.bindings.find(
    (b) =>
      (b.role === 'province_admin' || b.role === 'region_admin') &&
      scopes.every((s) => scopeWithin(s, b.scope)),
  );
  if (!binding) {
    throw new ForbiddenError(
      `Anda tidak berwenang menjalankan ${action} untuk lingkup ${scopes.map((s) => s.code || 'nasional').join(', ')}`,
      `You are not allowed to run ${action} for scope ${scopes.map((s) => s.code || 'national').join(', ')}`,
    );
  }
  return binding;
}

const scopesOf = (state: UserState, extra: RoleBinding[] = []): Scope[] =>
  [...state.bindings, ...extra].map((b) => b.scope);
const base = { permission: 'user.manage' as const, decider: userDecider, streamType: 'user' };
const userTarget = (state: UserState, extra: RoleBinding[] = []) => {
  const first = scopesOf(state, extra)[0];
  return first ? scopeTarget(first) : { provinceCode: '', regionCode: null };
};
const withoutPassword = <T extends { password: string; commandId?: string | undefined }>(i: T) => {
  const { password: _p, commandId: _c, ...rest } = i;
  return rest;
};

export const registerUser: UserUseCase<RegisterUserInput> = {
  ...base,
  name: 'RegisterUser',
  streamId: (i) => userStreamId(i.username),
  target: (i, s) => userTarget(s, i.bindings),
  authorize: (actor, i) =>
    authorizeUserAdmin(
      actor,
      i.bindings.map((b) => b.scope),
      'RegisterUser',
    ),
  toCommand: async (i, loader) => {
    // A user bound to a region or OPD that does not exist could never see anything real.
    for (const [k, b] of i.bindings.entries())
      await requireScopeExists(loader, b.scope, ['bindings', k, 'scope']);
    return {
      type: 'RegisterUser',
      username: i.username,
      displayName: i.displayName,
      passwordHash: await hashPassword(i.password),
      bindings: i.bindings,
    };
  },
  payload: withoutPassword,
};

export const grantRole: UserUseCase<GrantRoleInput> = {
  ...base,
  name: 'GrantRole',
  streamId: (i) => userStreamId(i.username),
  target: (i, s) => userTarget(s, [i.binding]),
  authorize: (actor, i, s) => authorizeUserAdmin(actor, scopesOf(s, [i.binding]), 'GrantRole'),
  toCommand: async (i, loader) => {
    await requireScopeExists(loader, i.binding.scope, ['binding', 'scope']);
    return { type: 'GrantRole', binding: i.binding };
  },
};

// Revoking needs no existence check: a binding to a since-dissolved OPD must stay removable.
export const revokeRole: UserUseCase<GrantRoleInput> = {
  ...grantRole,
  name: 'RevokeRole',
  authorize: (actor, i, s) => authorizeUserAdmin(actor, scopesOf(s, [i.binding]), 'RevokeRole'),
  toCommand: (i) => ({ type: 'RevokeRole', binding: i.binding }),
};

/** Users change their own password; admins may reset those they manage. */
export const changePassword: UserUseCase<ChangePasswordInput> = {
  ...base,
  name: 'ChangePassword',
  streamId: (i) => userStreamId(i.username),
  target: (_i, s) => userTarget(s),
  authorize: (actor, i, s) => {
    if (actor.kind === 'user' && actor.userId === i.username) return s.bindings[0] ?? null;
    return authorizeUserAdmin(actor, scopesOf(s), 'ChangePassword');
  },
  toCommand: async (i) => ({
    type: 'ChangePassword',
    passwordHash: await hashPassword(i.password),
  }),
  payload: withoutPassword,
};

export const disableUser: UserUseCase<DisableUserInput> = {
  ...base,
  name: 'DisableUser',
  streamId: (i) => userStreamId(i.username),
  target: (_i, s) => userTarget(s),
  authorize: (actor, _i, s) => authorizeUserAdmin(actor, scopesOf(s), 'DisableUser'),
  toCommand: (i) => ({ type: 'DisableUser', reason: i.reason }),
};
