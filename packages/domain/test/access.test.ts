import { describe, expect, it } from 'vitest';
import {
  findBinding,
  scopeCovers,
  scopeWithin,
  type RoleBinding,
  type Scope,
  type Target,
} from '../src/index';

const lambarOpd: Target = { provinceCode: '18', regionCode: '18.04', opdId: '18.04-DISKOPUKM' };
const otherOpd: Target = { provinceCode: '18', regionCode: '18.04', opdId: '18.04-DISDIK' };
const bandarOpd: Target = { provinceCode: '18', regionCode: '18.71', opdId: '18.71-DISKOP' };
const gresikOpd: Target = { provinceCode: '35', regionCode: '35.25', opdId: '35.25-DISKOP' };

const operator: RoleBinding = {
  role: 'opd_operator',
  scope: { level: 'opd', code: '18.04-DISKOPUKM' },
};
const regionAdmin: RoleBinding = {
  role: 'region_admin',
  scope: { level: 'region', code: '18.04' },
};
const provinceAdmin: RoleBinding = {
  role: 'province_admin',
  scope: { level: 'province', code: '18' },
};
const viewer: RoleBinding = { role: 'viewer', scope: { level: 'national', code: '' } };

describe('scope checks', () => {
  it.each([
    [operator, lambarOpd, true],
    [operator, otherOpd, false],
    [regionAdmin, otherOpd, true],
    [regionAdmin, bandarOpd, false],
    [provinceAdmin, bandarOpd, true],
    [provinceAdmin, gresikOpd, false],
  ] as const)('%j covers %j: %s', (b, t, expected) =>
    expect(scopeCovers(b.scope, t)).toBe(expected),
  );

  it('role permissions: operator cannot manage OPDs, viewer cannot write', () => {
    expect(findBinding([operator], 'opd.structure', lambarOpd)).toEqual(operator);
    expect(findBinding([operator], 'opd.manage', lambarOpd)).toBeNull();
    expect(findBinding([operator], 'opd.structure', otherOpd)).toBeNull();
    expect(findBinding([viewer], 'plan.write', lambarOpd)).toBeNull();
    expect(findBinding([viewer], 'read', gresikOpd)).toEqual(viewer);
    expect(findBinding([regionAdmin], 'region.manage', lambarOpd)).toBeNull();
  });

  it.each([
    [{ level: 'opd', code: '18.04-XY' }, { level: 'region', code: '18.04' }, true],
    [{ level: 'opd', code: '18.71-XY' }, { level: 'region', code: '18.04' }, false],
    [{ level: 'region', code: '18.71' }, { level: 'province', code: '18' }, true],
    [{ level: 'region', code: '35.25' }, { level: 'province', code: '18' }, false],
    [{ level: 'province', code: '18' }, { level: 'region', code: '18.04' }, false],
    [{ level: 'national', code: '' }, { level: 'province', code: '18' }, false],
    [{ level: 'province', code: '35' }, { level: 'national', code: '' }, true],
  ] as [Scope, Scope, boolean][])('%j within %j: %s', (inner, outer, expected) =>
    expect(scopeWithin(inner, outer)).toBe(expected),
  );
});
