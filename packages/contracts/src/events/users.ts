import { z } from 'zod';
import { ROLES, type UserEvent } from '@sakip/domain';
import { eventSchema, text, type DataOf, type Same } from './shape';

const binding = z.strictObject({
  role: z.enum(ROLES),
  scope: z.strictObject({
    level: z.enum(['national', 'province', 'region', 'opd']),
    code: text,
  }),
});

export const userRegistered = z.strictObject({
  username: text,
  displayName: text,
  passwordHash: text,
  bindings: z.array(binding),
});
export const roleGranted = z.strictObject({ username: text, binding });
export const roleRevoked = z.strictObject({ username: text, binding });
export const passwordChanged = z.strictObject({ username: text, passwordHash: text });
export const userDisabled = z.strictObject({ username: text, reason: text });

export const userEventSchemas = [
  eventSchema('UserRegistered', 1, userRegistered),
  eventSchema('RoleGranted', 1, roleGranted),
  eventSchema('RoleRevoked', 1, roleRevoked),
  eventSchema('PasswordChanged', 1, passwordChanged),
  eventSchema('UserDisabled', 1, userDisabled),
];

export const userTypesAgree: [
  Same<z.output<typeof userRegistered>, DataOf<UserEvent, 'UserRegistered'>>,
  Same<z.output<typeof roleGranted>, DataOf<UserEvent, 'RoleGranted'>>,
  Same<z.output<typeof roleRevoked>, DataOf<UserEvent, 'RoleRevoked'>>,
  Same<z.output<typeof passwordChanged>, DataOf<UserEvent, 'PasswordChanged'>>,
  Same<z.output<typeof userDisabled>, DataOf<UserEvent, 'UserDisabled'>>,
] = [true, true, true, true, true];
