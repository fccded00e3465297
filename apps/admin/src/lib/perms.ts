import {
  provinceOf,
  regionOfOpdId,
  roleAllows,
  scopeCovers,
  type Permission,
  type RoleBinding,
  type Target,
} from '@sakip/domain';

export function opdTarget(opdId: string): Target {
  const region = regionOfOpdId(opdId);
  return {
    provinceCode: provinceOf(region),
    regionCode: region.length === 5 ? region : null,
    opdId,
  };
}

export function regionTarget(code: string): Target {
  return { provinceCode: provinceOf(code), regionCode: code.length === 5 ? code : null };
}

/** Mirrors the API's check so the UI hides what the user may not do (the API still enforces). */
export function can(
  bindings: readonly RoleBinding[],
  permission: Permission,
  target: Target,
): boolean {
  return bindings.some((b) => roleAllows(b.role, permission) && scopeCovers(b.scope, target));
}

export function canAnywhere(bindings: readonly RoleBinding[], permission: Permission): boolean {
  return bindings.some((b) => roleAllows(b.role, permission));
}

/** Provinces the user works in (for catalog and comparison pickers). */
export function provincesOf(bindings: readonly RoleBinding[]): string[] | 'all' {
  if (bindings.some((b) => b.scope.level === 'national')) return 'all';
  return [
    ...new Set(
      bindings.map((b) =>
        b.scope.level === 'opd'
          ? provinceOf(regionOfOpdId(b.scope.code))
          : provinceOf(b.scope.code),
      ),
    ),
  ];
}
