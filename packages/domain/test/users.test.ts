import { describe, it } from 'vitest';
import { userDecider, type UserEvent } from '../src/index';
import { spec } from './spec';

const given = spec(userDecider);
const operator = {
  role: 'opd_operator' as const,
  scope: { level: 'opd' as const, code: '18.04-DISKOPUKM' },
};
const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    username: 'operator.lambar',
    displayName: 'Operator',
    passwordHash: 'h',
    bindings: [operator],
  },
};

describe('user decider', () => {
  it('registers with valid bindings', () =>
    given([])
      .when({
        type: 'RegisterUser',
        username: 'operator.lambar',
        displayName: ' Operator ',
        passwordHash: 'h',
        bindings: [operator],
      })
      .then([registered]));

  it('refuses a role bound to the wrong scope level', () =>
    given([])
      .when({
        type: 'RegisterUser',
        username: 'x.admin',
        displayName: 'x',
        passwordHash: 'h',
        bindings: [{ role: 'opd_operator', scope: { level: 'province', code: '18' } }],
      })
      .thenFails('role_scope_mismatch', ['bindings', 0]));

  it('refuses bad usernames and duplicates', () => {
    given([])
      .when({
        type: 'RegisterUser',
        username: 'A',
        displayName: 'x',
        passwordHash: 'h',
        bindings: [],
      })
      .thenFails('invalid_username');
    given([registered])
      .when({
        type: 'RegisterUser',
        username: 'operator.lambar',
        displayName: 'x',
        passwordHash: 'h',
        bindings: [],
      })
      .thenFails('user_exists');
  });

  it('grants, refuses a duplicate grant, revokes', () => {
    const head = { role: 'opd_head' as const, scope: operator.scope };
    given([registered])
      .when({ type: 'GrantRole', binding: head })
      .then([{ type: 'RoleGranted', data: { username: 'operator.lambar', binding: head } }]);
    given([registered]).when({ type: 'GrantRole', binding: operator }).thenFails('role_exists');
    given([registered]).when({ type: 'RevokeRole', binding: head }).thenFails('role_missing');
    given([registered])
      .when({ type: 'RevokeRole', binding: operator })
      .then([{ type: 'RoleRevoked', data: { username: 'operator.lambar', binding: operator } }]);
  });

  it('disables once', () => {
    const disabled: UserEvent = {
      type: 'UserDisabled',
      data: { username: 'operator.lambar', reason: 'pensiun' },
    };
    given([registered]).when({ type: 'DisableUser', reason: 'pensiun' }).then([disabled]);
    given([registered, disabled])
      .when({ type: 'DisableUser', reason: 'x' })
      .thenFails('user_disabled');
  });
});
