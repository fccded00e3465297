import { z } from 'zod';
import { UNIT_KINDS } from '@sakip/domain';
import {
  commandEnvelope,
  legalBasis,
  name,
  opdCode,
  opdId,
  regionCode,
  roleBinding,
  structureCode,
} from './common';

export const registerRegionInput = commandEnvelope.extend({
  code: regionCode,
  name,
  codeEdition: z.string().trim().min(3, 'Edisi kode wajib diisi / code edition is required'),
});
export const renameRegionInput = commandEnvelope.extend({
  code: regionCode,
  name,
  legalBasis: legalBasis.optional(),
});

/** The zone every timestamp of a pemda is shown in (WIB UTC+7, WITA UTC+8, WIT UTC+9). */
export const configureTimeZoneInput = commandEnvelope.extend({
  code: regionCode,
  timeZone: z.enum(['WIB', 'WITA', 'WIT'], {
    error: 'Zona waktu harus WIB, WITA atau WIT / time zone must be WIB, WITA or WIT',
  }),
});

export const registerOpdInput = commandEnvelope.extend({ regionCode, code: opdCode, name });
export const renameOpdInput = commandEnvelope.extend({
  opdId,
  name,
  legalBasis: legalBasis.optional(),
});
export const addUnitInput = commandEnvelope.extend({
  opdId,
  code: structureCode,
  name,
  kind: z.enum(UNIT_KINDS),
  parentCode: structureCode.nullable().default(null),
});
export const addPositionInput = commandEnvelope.extend({
  opdId,
  code: structureCode,
  title: name,
  unitCode: structureCode.nullable().default(null),
  tugas: z.string().trim().max(2000).default(''),
  fungsi: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
});
export const mergeOpdInput = commandEnvelope.extend({ opdId, intoOpdId: opdId, legalBasis });
export const dissolveOpdInput = commandEnvelope.extend({ opdId, legalBasis });

export const password = z
  .string()
  .min(8, 'Kata sandi minimal 8 karakter / password needs at least 8 characters')
  .max(200);
export const username = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'Nama pengguna: 3–64 huruf kecil, angka, titik, _ atau - / username: 3–64 lowercase letters, digits, dot, _ or -',
  );
export const registerUserInput = commandEnvelope.extend({
  username,
  displayName: name,
  password,
  bindings: z.array(roleBinding).min(1, 'Minimal satu peran / at least one role').max(20),
});
export const grantRoleInput = commandEnvelope.extend({ username, binding: roleBinding });
export const revokeRoleInput = grantRoleInput;
export const changePasswordInput = commandEnvelope.extend({ username, password });
export const disableUserInput = commandEnvelope.extend({
  username,
  reason: z.string().trim().min(3).max(500),
});

export const loginInput = z.object({ username, password: z.string().min(1).max(200) });

export type RegisterRegionInput = z.infer<typeof registerRegionInput>;
export type RenameRegionInput = z.infer<typeof renameRegionInput>;
export type ConfigureTimeZoneInput = z.infer<typeof configureTimeZoneInput>;
export type RegisterOpdInput = z.infer<typeof registerOpdInput>;
export type RenameOpdInput = z.infer<typeof renameOpdInput>;
export type AddUnitInput = z.infer<typeof addUnitInput>;
export type AddPositionInput = z.infer<typeof addPositionInput>;
export type MergeOpdInput = z.infer<typeof mergeOpdInput>;
export type DissolveOpdInput = z.infer<typeof dissolveOpdInput>;
export type RegisterUserInput = z.infer<typeof registerUserInput>;
export type GrantRoleInput = z.infer<typeof grantRoleInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
export type DisableUserInput = z.infer<typeof disableUserInput>;
export type LoginInput = z.infer<typeof loginInput>;

/** What every mutation answers. */
export const commandResult = z.object({
  streamId: z.string(),
  version: z.number().int(),
  eventIds: z.array(z.string()),
  globalPositions: z.array(z.number().int()),
  replayed: z.boolean(),
  correlationId: z.string(),
});
export type CommandResult = z.infer<typeof commandResult>;
