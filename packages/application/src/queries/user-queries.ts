import {
  defaultTimeZoneOf,
  fold,
  provinceOf,
  regionDecider,
  regionStreamId,
  scopeWithin,
  userDecider,
  type PemdaTimeZone,
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

  /**
   * The zone the pemda shows timestamps in: its own choice, else its province's zone. A kabupaten
   * without a choice follows its province's choice, then the province code.
   */
  async timeZone(regionCode: string): Promise<{
    timeZone: PemdaTimeZone;
    source: 'pemda' | 'province' | 'default';
  }> {
    const own = (await this.loader.load(regionDecider, regionStreamId(regionCode))).state;
    if (own.timeZone) return { timeZone: own.timeZone, source: 'pemda' };
    const province = provinceOf(regionCode);
    if (province !== regionCode) {
      const p = (await this.loader.load(regionDecider, regionStreamId(province))).state;
      if (p.timeZone) return { timeZone: p.timeZone, source: 'province' };
    }
    return { timeZone: defaultTimeZoneOf(regionCode), source: 'default' };
  }
}
