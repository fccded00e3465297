import { fail } from '../shared/errors';

/** Kemendagri codes: `PP` is a province, `PP.KK` a kabupaten (KK < 71) or kota (KK ≥ 71). */
export type RegionLevel = 'province' | 'kabupaten' | 'kota';

const PROVINCE = /^\d{2}$/;
const REGENCY = /^(\d{2})\.(\d{2})$/;

export function isProvinceCode(code: string): boolean {
  return PROVINCE.test(code) && code !== '00';
}

export function isRegencyCode(code: string): boolean {
  const m = REGENCY.exec(code);
  return m !== null && m[1] !== '00' && m[2] !== '00';
}

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

export function levelOfCode(code: string): RegionLevel {
  if (isProvinceCode(code)) return 'province';
  if (isRegencyCode(code)) return Number(code.slice(3)) >= 71 ? 'kota' : 'kabupaten';
  return fail(
    'invalid_region_code',
    `Kode wilayah "${code}" tidak valid: gunakan format PP (provinsi) atau PP.KK (kabupaten/kota)`,
    `Region code "${code}" is invalid: use PP (province) or PP.KK (regency/city)`,
    ['code'],
  );
}
