import {
  fold,
  regionDecider,
  regionStreamId,
  scopeWithin,
  userDecider,
  type RoleBinding,
  type UserEvent,
} from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';
import { asDomain, type StateLoader } from '../state-loader';

/** Accounts an administrator manages (their scopes lie inside the admin's), without secrets. */
export class UserQueries {
  constructor(
    private readonly store: EventStore,
    private readonly loader: StateLoader,
  ) {}

  async list(adminBindings: readonly RoleBinding[]) {
    const admin = adminBindings.filter(
      (b) => b.role === 'province_admin' || b.role === 'region_admin',
    );
    if (admin.length === 0) return [];
    const users = await Promise.all(
      (await this.store.streamIds('user', 'user-')).map(async (id) => {
        const { events } = await this.store.readStream(id);
        return fold(userDecider, asDomain<UserEvent>(events));
      }),
    );
    return users
      .filter(
        (u) =>
          u.bindings.length > 0 &&
          u.bindings.every((b) => admin.some((a) => scopeWithin(b.scope, a.scope))),
      )
      .map((u) => ({
        username: u.username,
        displayName: u.displayName,
        disabled: u.disabled,
        bindings: u.bindings,
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  async measurementSettings(regionCode: string) {
    return (await this.loader.load(regionDecider, regionStreamId(regionCode))).state.settings;
  }
}
