import {
  levelOfCode,
  opdDecider,
  regionDecider,
  scopeCovers,
  type RoleBinding,
} from '@sakip/domain';
import type { Sql } from '@sakip/db';
import { StateLoader } from '../state-loader';

interface RegionRow {
  code: string;
  name: string;
  level: string;
  former_names: string[];
}
interface OpdRow {
  opd_id: string;
  region_code: string;
  name: string;
  status: string;
  units_count: number;
  positions_count: number;
}
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
    /** With a pool, the tree comes from the opd_tree read model once the projector has built it. */
    private readonly sql?: Sql,
    private readonly onFallback: (why: string) => void = () => {},
  ) {
    this.loader = loader ?? new StateLoader(store);
  }

  private async fromReadModel(): Promise<{ regions: RegionRow[]; opds: OpdRow[] } | null> {
    if (!this.sql) return null;
    const [exists] = await this.sql<
      { ok: boolean }[]
    >`select to_regclass('rm_opd_tree_opds') is not null and to_regclass('rm_opd_tree_regions') is not null as ok`;
    if (!exists?.ok) {
      this.onFallback(
        'opd_tree read model not built yet (is the projector running?): folding streams',
      );
      return null;
    }
    const regions = await this.sql<
      RegionRow[]
    >`select code, name, level, former_names from rm_opd_tree_regions`;
    const opds = await this.sql<
      OpdRow[]
    >`select opd_id, region_code, name, status, units_count, positions_count from rm_opd_tree_opds`;
    return { regions, opds };
  }

  async tree(bindings: readonly RoleBinding[] | null): Promise<OrgRegion[]> {
    const canSee = (t: Parameters<typeof scopeCovers>[1]) =>
      bindings === null || bindings.some((b) => scopeCovers(b.scope, t));
    const model = await this.fromReadModel();
    if (model) {
      return this.build(
        canSee,
        model.regions.map((r) => ({
          code: r.code,
          name: r.name,
          names: [...r.former_names, r.name],
          level: r.level,
        })),
        model.opds.map((o) => ({
          opdId: o.opd_id,
          regionCode: o.region_code,
          name: o.name,
          status: o.status,
          units: o.units_count,
          positions: o.positions_count,
        })),
      );
    }
    // Cached folds, one round trip per kind: only events newer than each cached state are read.
    const regionStates = await this.loader.loadMany(
      regionDecider,
      await this.store.streamIds('region', 'region-'),
    );
    const regions = [...regionStates.values()].map(({ state: s }) => ({
      code: s.code,
      name: s.name,
      names: s.names,
      level: levelOfCode(s.code) as string,
    }));
    const opds = [
      ...(
        await this.loader.loadMany(opdDecider, await this.store.streamIds('opd', 'opd-'))
      ).values(),
    ].map(({ state: s }) => ({
      opdId: s.opdId,
      regionCode: s.regionCode,
      name: s.name,
      status: s.status,
      units: Object.keys(s.units).length,
      positions: Object.keys(s.positions).length,
    }));
    return this.build(canSee, regions, opds);
  }

  private build(
    canSee: (t: Parameters<typeof scopeCovers>[1]) => boolean,
    regions: { code: string; name: string; names: string[]; level: string }[],
    opds: {
      opdId: string;
      regionCode: string;
      name: string;
      status: string;
      units: number;
      positions: number;
    }[],
  ): OrgRegion[] {
    const visibleOpds = opds.filter((o) => canSee(opdTarget(o.opdId)));
    const node = (r: (typeof regions)[number]): OrgRegion => ({
      ...r,
      opds: visibleOpds.filter((o) => o.regionCode === r.code).map(({ regionCode: _r, ...o }) => o),
      children: regions
        .filter((c) => c.code.length === 5 && c.code.startsWith(`${r.code}.`))
        .map(node)
        .filter((c) => c.opds.length > 0 || canSee(regionTarget(c.code))),
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
