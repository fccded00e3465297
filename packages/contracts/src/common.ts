import { z } from 'zod';
import { ROLES } from '@sakip/domain';

export const provinceCode = z.string().regex(/^\d{2}$/, 'Kode provinsi harus PP (2 angka) / province code must be PP');
export const regionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah harus PP atau PP.KK / region code must be PP or PP.KK');
export const opdCode = z.string().regex(/^[A-Z0-9_]{2,32}$/, 'Kode OPD: 2–32 huruf besar, angka atau _ / OPD code: 2–32 capitals, digits or _');
export const opdId = z.string().regex(/^\d{2}(\.\d{2})?-[A-Z0-9_]{2,32}$/, 'ID OPD harus PP.KK-KODE / OPD id must be PP.KK-CODE');
export const name = z.string().trim().min(2, 'Nama terlalu pendek / name too short').max(300, 'Nama terlalu panjang / name too long');
export const legalBasis = z.string().trim().min(3, 'Dasar hukum wajib diisi / legal basis is required').max(500);

/** Optional client command id: send the same id again to retry safely. */
export const commandEnvelope = z.object({ commandId: z.string().uuid().optional() });

export const scope = z.discriminatedUnion('level', [
  z.object({ level: z.literal('national'), code: z.literal('') }),
  z.object({ level: z.literal('province'), code: provinceCode }),
  z.object({ level: z.literal('region'), code: regionCode }),
  z.object({ level: z.literal('opd'), code: opdId }),
]);
export const roleBinding = z.object({ role: z.enum(ROLES), scope });
