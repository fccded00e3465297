import { provinceOf, regionOfOpdId, type Scope, type Target } from '@sakip/domain';

export const regionTarget = (code: string): Target =>
  code.length === 2
    ? { provinceCode: code, regionCode: null }
    : { provinceCode: provinceOf(code), regionCode: code };

export const opdTarget = (opdId: string): Target => {
  const region = regionOfOpdId(opdId);
  return {
    provinceCode: provinceOf(region),
    regionCode: region.length === 2 ? null : region,
    opdId,
  };
};

export function scopeTarget(scope: Scope): Target {
  switch (scope.level) {
    case 'national':
      return { provinceCode: '', regionCode: null };
    case 'province':
    case 'region':
      return regionTarget(scope.code);
    case 'opd':
      return opdTarget(scope.code);
  }
}
