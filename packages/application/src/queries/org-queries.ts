import { levelOfCode, opdDecider, regionDecider, scopeCovers, type RoleBinding } from '@sakip/domain';
import { StateLoader } from '../state-loader';
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
  private readonly loader: StateLoader;

  constructor(
    private readonly store: EventStore,
    loader?: StateLoader,
  ) {
    this.loader = loader ?? new StateLoader(store);
  }

  async tree(bindings: readonly RoleBinding[] | null): Promise<OrgRegion[]> {
    const canSee = (t: Parameters<typeof scopeCovers>[1]) => bindings === null || bindings.some((b) => scopeCovers(b.scope, t));
    // Cached folds, one round trip per kind: only events newer than each cached state are read.
    const regionStates = await this.loader.loadMany(regionDecider, await this.store.streamIds('region', 'region-'));
    const regions = [...regionStates.values()].map(({ state: s }) => ({ code: s.code, name: s.name, names: s.names, level: levelOfCode(s.code) as string }));
    const opds = [...(await this.loader.loadMany(opdDecider, await this.store.streamIds('opd', 'opd-'))).values()].map(({ state: s }) => ({
      opdId: s.opdId,
      regionCode: s.regionCode,
      name: s.name,
      status: s.status,
      units: Object.keys(s.units).length,
      positions: Object.keys(s.positions).length,
    }));
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
    const { state, version } = await this.loader.load(opdDecider, `opd-${opdId}`);
    return version === 0 ? null : state;
  }
}
