import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { ROLE_SCOPE_LEVELS, type RoleBinding } from '../access/access';

export type UserCommand =
  | {
      type: 'RegisterUser';
      username: string;
      displayName: string;
      passwordHash: string;
      bindings: RoleBinding[];
    }
  | { type: 'GrantRole'; binding: RoleBinding }
  | { type: 'RevokeRole'; binding: RoleBinding }
  | { type: 'ChangePassword'; passwordHash: string }
  | { type: 'DisableUser'; reason: string };

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: {
        username: string;
        displayName: string;
        passwordHash: string;
        bindings: RoleBinding[];
      };
    }
  | { type: 'RoleGranted'; data: { username: string; binding: RoleBinding } }
  | { type: 'RoleRevoked'; data: { username: string; binding: RoleBinding } }
  | { type: 'PasswordChanged'; data: { username: string; passwordHash: string } }
  | { type: 'UserDisabled'; data: { username: string; reason: string } };

export interface UserState {
  registered: boolean;
  disabled: boolean;
  username: string;
  displayName: string;
  passwordHash: string;
  bindings: RoleBinding[];
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const userStreamId = (username: string): string => `user-${username}`;

const sameBinding = (a: RoleBinding, b: RoleBinding): boolean =>
  a.role === b.role && a.scope.level === b.scope.level && a.scope.code === b.scope.code;

function checkBinding(b: RoleBinding, path: (string | number)[]): void {
  if (!ROLE_SCOPE_LEVELS[b.role].includes(b.scope.level)) {
    fail(
      'role_scope_mismatch',
      `Peran ${b.role} tidak dapat diberi lingkup ${b.scope.level}`,
      `Role ${b.role} cannot be bound to a ${b.scope.level} scope`,
      path,
    );
  }
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: {
    registered: false,
    disabled: false,
    username: '',
    displayName: '',
    passwordHash: '',
    bindings: [],
  },

  decide(command, state) {
    if (command.type === 'RegisterUser') {
      if (state.registered)
        fail(
          'user_exists',
          `Pengguna ${command.username} sudah ada`,
          `User ${command.username} already exists`,
          ['username'],
        );
      if (!USERNAME.test(command.username)) {
        fail(
          'invalid_username',
          'Nama pengguna: 3–64 huruf kecil, angka, titik, _ atau -',
          'Username: 3–64 lowercase letters, digits, dot, _ or -',
          ['username'],
        );
      }
      command.bindings.forEach((b, i) => checkBinding(b, ['bindings', i]));
      return [
        {
          type: 'UserRegistered',
          data: {
            username: command.username,
            displayName: command.displayName.trim(),
            passwordHash: command.passwordHash,
            bindings: command.bindings,
          },
        },
      ];
    }
    if (!state.registered)
      fail('user_not_found', 'Pengguna tidak ditemukan', 'User not found', ['username']);
    const username = state.username;
    switch (command.type) {
      case 'GrantRole':
        checkBinding(command.binding, ['binding']);
        if (state.bindings.some((b) => sameBinding(b, command.binding))) {
          fail(
            'role_exists',
            'Peran dengan lingkup ini sudah dimiliki',
            'The user already has this role and scope',
            ['binding'],
          );
        }
        return [{ type: 'RoleGranted', data: { username, binding: command.binding } }];
      case 'RevokeRole':
        if (!state.bindings.some((b) => sameBinding(b, command.binding))) {
          fail(
            'role_missing',
            'Pengguna tidak memiliki peran ini',
            'The user does not have this role',
            ['binding'],
          );
        }
        return [{ type: 'RoleRevoked', data: { username, binding: command.binding } }];
      case 'ChangePassword':
        return [
          { type: 'PasswordChanged', data: { username, passwordHash: command.passwordHash } },
        ];
      case 'DisableUser':
        if (state.disabled)
          fail('user_disabled', 'Pengguna sudah dinonaktifkan', 'The user is already disabled', [
            'username',
          ]);
        return [{ type: 'UserDisabled', data: { username, reason: command.reason } }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { ...state, registered: true, ...event.data };
      case 'RoleGranted':
        return { ...state, bindings: [...state.bindings, event.data.binding] };
      case 'RoleRevoked':
        return {
          ...state,
          bindings: state.bindings.filter((b) => !sameBinding(b, event.data.binding)),
        };
      case 'PasswordChanged':
        return { ...state, passwordHash: event.data.passwordHash };
      case 'UserDisabled':
        return { ...state, disabled: true };
    }
  },
};
