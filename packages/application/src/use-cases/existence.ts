import {
  fail,
  opdDecider,
  opdStreamId,
  regionDecider,
  regionStreamId,
  type Scope,
} from '@sakip/domain';
import type { StateLoader } from '../state-loader';

type Path = readonly (string | number)[];

/**
 * Refuses a command about an OPD that was never registered: a decree, PK, budget or
 * realization for a made-up OPD would otherwise be written and shown as if it were real.
 */
export async function requireOpdExists(
  loader: StateLoader,
  opdId: string,
  path: Path = ['opdId'],
): Promise<void> {
  const { state } = await loader.load(opdDecider, opdStreamId(opdId));
  if (state.status === 'none')
    fail('opd_not_found', `OPD ${opdId} belum terdaftar`, `OPD ${opdId} is not registered`, path);
}

export async function requireRegionExists(
  loader: StateLoader,
  code: string,
  path: Path,
): Promise<void> {
  const { state } = await loader.load(regionDecider, regionStreamId(code));
  if (!state.registered)
    fail(
      'region_not_found',
      `Wilayah ${code} belum terdaftar`,
      `Region ${code} is not registered`,
      path,
    );
}

/** A role's scope must name a registered province, kabupaten/kota or OPD (national has none). */
export async function requireScopeExists(
  loader: StateLoader,
  scope: Scope,
  path: Path,
): Promise<void> {
  if (scope.level === 'opd') return requireOpdExists(loader, scope.code, [...path, 'code']);
  if (scope.level === 'province' || scope.level === 'region')
    return requireRegionExists(loader, scope.code, [...path, 'code']);
}
