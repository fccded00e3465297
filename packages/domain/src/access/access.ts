import { provinceOf } from '../regions/region-code';
import { regionOfOpdId } from '../opds/opd-id';

export const ROLES = [
  'province_admin',
  'region_admin',
  'opd_operator',
  'opd_head',
  'inspector',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** `system` is the CLI and the seeder acting for the operator on the machine, never a user role. */
export type ActorRole = Role | 'system';

export type ScopeLevel = 'national' | 'province' | 'region' | 'opd';
export interface Scope {
  level: ScopeLevel;
  /** '' for national, `PP` for province, `PP.KK` for region, the OPD id for opd. */
  code: string;
}

export interface RoleBinding {
  role: Role;
  scope: Scope;
}

/** What a command touches; OPD-level targets carry their region so scopes can be compared. */
export interface Target {
  provinceCode: string;
  regionCode: string | null;
  opdId?: string;
}

export const PERMISSIONS = [
  'region.manage',
  'opd.manage',
  'opd.structure',
  'user.manage',
  'plan.write',
  'plan.enact',
  'catalog.manage',
  'realization.submit',
  'realization.verify',
  'realization.inspect',
  'realization.lock',
  'pemda.configure',
  'read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  province_admin: [
    'region.manage',
    'opd.manage',
    'opd.structure',
    'user.manage',
    'plan.write',
    'plan.enact',
    'catalog.manage',
    'realization.lock',
    'pemda.configure',
    'read',
  ],
  region_admin: [
    'opd.manage',
    'opd.structure',
    'user.manage',
    'plan.write',
    'plan.enact',
    'realization.lock',
    'pemda.configure',
    'read',
  ],
  opd_operator: ['opd.structure', 'plan.write', 'realization.submit', 'read'],
  // The Kepala Dinas signs the SK, so recording its enactment is theirs (or an admin's).
  opd_head: ['plan.write', 'plan.enact', 'realization.verify', 'read'],
  inspector: ['realization.inspect', 'read'],
  viewer: ['read'],
};

/** Which scope level each role must be bound to. */
export const ROLE_SCOPE_LEVELS: Record<Role, readonly ScopeLevel[]> = {
  province_admin: ['province', 'national'],
  region_admin: ['region'],
  opd_operator: ['opd'],
  opd_head: ['opd'],
  inspector: ['province', 'region'],
  viewer: ['national', 'province', 'region', 'opd'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function scopeCovers(scope: Scope, target: Target): boolean {
  switch (scope.level) {
    case 'national':
      return true;
    case 'province':
      return target.provinceCode === scope.code;
    case 'region':
      return target.regionCode === scope.code;
    case 'opd':
      return target.opdId !== undefined && target.opdId === scope.code;
  }
}

/** A scope inside another: used so an admin cannot hand out more than they hold. */
export function scopeWithin(inner: Scope, outer: Scope): boolean {
  const innerRegion = inner.level === 'opd' ? regionOfOpdId(inner.code) : inner.code;
  switch (outer.level) {
    case 'national':
      return true;
    case 'province':
      return inner.level !== 'national' && provinceOf(innerRegion) === outer.code;
    case 'region':
      return (inner.level === 'region' || inner.level === 'opd') && innerRegion === outer.code;
    case 'opd':
      return inner.level === 'opd' && inner.code === outer.code;
  }
}

/** The first binding that allows the permission on the target, or null. */
export function findBinding(
  bindings: readonly RoleBinding[],
  permission: Permission,
  target: Target,
): RoleBinding | null {
  return (
    bindings.find((b) => roleAllows(b.role, permission) && scopeCovers(b.scope, target)) ?? null
  );
}
