import { fold, opdDecider, regionDecider, scopeCovers, type OpdEvent, type RegionEvent, type RoleBinding } from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';
import { opdTarget, regionTarget } from '../use-cases/targets';

export interface OrgRegion {
  code: string;
  name: string;
  level: string;
  names: string[];
  opds: { opdId: string; name: string; status: string; units: number; positions: number }[];
  children: OrgRegion[];
}

/** The region/OPD tree a user may see (read permission per scope), folded from the streams. */
export class OrgQueries {
  constructor(private readonly store: EventStore) {}

  async tree(bindings: readonly RoleBinding[] | null): Promise<OrgRegion[]> {
    const canSee = (t: Parameters<typeof scopeCovers>[1]) => bindings === null || bindings.some((b) => scopeCovers(b.scope, t));
    const regions = await Promise.all(
      (await this.store.streamIds('region', 'region-')).map(async (id) => {
        const { events } = await this.store.readStream(id);
        const s = fold(regionDecider, events.map((e) => ({ type: e.type, data: e.data }) as unknown as RegionEvent));
        const registered = events.find((e) => e.type === 'RegionRegistered')?.data as { level: string } | undefined;
        return { code: s.code, name: s.name, names: s.names, level: registered?.level ?? 'province' };
      }),
    );
    const opds = await Promise.all(
      (await this.store.streamIds('opd', 'opd-')).map(async (id) => {
        const { events } = await this.store.readStream(id);
        const s = fold(opdDecider, events.map((e) => ({ type: e.type, data: e.data }) as unknown as OpdEvent));
        return { opdId: s.opdId, regionCode: s.regionCode, name: s.name, status: s.status, units: Object.keys(s.units).length, positions: Object.keys(s.positions).length };
      }),
    );
    const visibleOpds = opds.filter((o) => canSee(opdTarget(o.opdId)));
    const node = (r: (typeof regions)[number]): OrgRegion => ({
      ...r,
      opds: visibleOpds.filter((o) => o.regionCode === r.code).map(({ regionCode: _r, ...o }) => o),
      children: regions.filter((c) => c.code.length === 5 && c.code.startsWith(`${r.code}.`)).map(node).filter((c) => c.opds.length > 0 || canSee(regionTarget(c.code))),
    });
    return regions
      .filter((r) => r.code.length === 2)
      .map(node)
      .filter((p) => canSee(regionTarget(p.code)) || p.children.length > 0 || p.opds.length > 0)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async opd(opdId: string) {
    const { events } = await this.store.readStream(`opd-${opdId}`);
    if (events.length === 0) return null;
    return fold(opdDecider, events.map((e) => ({ type: e.type, data: e.data }) as unknown as OpdEvent));
  }
}
