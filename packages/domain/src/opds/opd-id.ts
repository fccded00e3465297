import { fail } from '../shared/errors';

/**
 * An OPD id carries the region it belongs to (`18.04-DISKOPERINDAG`), so a scope check never
 * needs a lookup. The code part is the OPD's short code within its region.
 */
const OPD_CODE = /^[A-Z0-9_]{2,32}$/;
const OPD_ID = /^(\d{2}(?:\.\d{2})?)-([A-Z0-9_]{2,32})$/;

export function opdIdOf(regionCode: string, code: string): string {
  if (!OPD_CODE.test(code)) {
    fail(
      'invalid_opd_code',
      `Kode OPD "${code}" tidak valid: 2–32 huruf besar, angka atau _`,
      `OPD code "${code}" is invalid: 2–32 capital letters, digits or _`,
      ['code'],
    );
  }
  return `${regionCode}-${code}`;
}

export function isOpdId(id: string): boolean {
  return OPD_ID.test(id);
}

export function regionOfOpdId(id: string): string {
  const m = OPD_ID.exec(id);
  if (!m || m[1] === undefined) {
    return fail('invalid_opd_id', `ID OPD "${id}" tidak valid`, `OPD id "${id}" is invalid`, [
      'opdId',
    ]);
  }
  return m[1];
}
