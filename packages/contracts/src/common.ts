import { z } from 'zod';
import { ROLES } from '@sakip/domain';

export const provinceCode = z
  .string()
  .regex(/^\d{2}$/, 'Kode provinsi harus PP (2 angka) / province code must be PP');
export const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah harus PP atau PP.KK / region code must be PP or PP.KK');
export const opdCode = z
  .string()
  .regex(
    /^[A-Z0-9_]{2,32}$/,
    'Kode OPD: 2–32 huruf besar, angka atau _ / OPD code: 2–32 capitals, digits or _',
  );
/** Codes of units and positions inside one OPD, e.g. SUBBAG-UMPEG. */
export const structureCode = z
  .string()
  .regex(
    /^[A-Z0-9][A-Z0-9_-]{1,39}$/,
    'Kode: 2–40 huruf besar, angka, _ atau - / code: 2–40 capitals, digits, _ or -',
  );
export const opdId = z
  .string()
  .regex(
    /^\d{2}(\.\d{2})?-[A-Z0-9_]{2,32}$/,
    'ID OPD harus PP.KK-KODE / OPD id must be PP.KK-CODE',
  );
export const name = z
  .string()
  .trim()
  .min(2, 'Nama terlalu pendek / name too short')
  .max(300, 'Nama terlalu panjang / name too long');
export const legalBasis = z
  .string()
  .trim()
  .min(3, 'Dasar hukum wajib diisi / legal basis is required')
  .max(500);

/** Optional client command id: send the same id again to retry safely. */
export const commandEnvelope = z.object({ commandId: z.string().uuid().optional() });

const scopeCodeByLevel = {
  national: z.literal(''),
  province: provinceCode,
  region: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota harus PP.KK / region code must be PP.KK'),
  opd: opdId,
};

/** Same shape as the domain's Scope; the code is checked against its level. */
export const scope = z
  .object({ level: z.enum(['national', 'province', 'region', 'opd']), code: z.string() })
  .superRefine((s, ctx) => {
    const check = scopeCodeByLevel[s.level].safeParse(s.code);
    if (!check.success)
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: check.error.issues[0]?.message ?? 'invalid',
      });
  });
export const roleBinding = z.object({ role: z.enum(ROLES), scope });
