import { z } from 'zod';
import type { PkEvent } from '@sakip/domain';
import { eventSchema, integer, nullableText, text, type DataOf, type Same } from './shape';

const party = z.strictObject({ name: text, nip: nullableText, position: text });
const target = z.strictObject({
  indicatorCode: text,
  value: nullableText,
  min: nullableText.optional(),
  max: nullableText.optional(),
  unit: nullableText,
  text: nullableText,
});
const budget = z.strictObject({ programCode: text, amount: text });
const agreement = {
  opdId: text,
  year: integer,
  positionCode: text,
  date: text,
  targets: z.array(target),
  budgets: z.array(budget),
};

export const pkSigned = z.strictObject({
  ...agreement,
  firstParty: party,
  secondParty: party,
  revision: z.literal(0),
});
export const pkRevised = z.strictObject({ ...agreement, revision: integer, reason: text });

export const agreementEventSchemas = [
  eventSchema('PkSigned', 1, pkSigned),
  eventSchema('PkRevised', 1, pkRevised),
];

export const agreementTypesAgree: [
  Same<z.output<typeof pkSigned>, DataOf<PkEvent, 'PkSigned'>>,
  Same<z.output<typeof pkRevised>, DataOf<PkEvent, 'PkRevised'>>,
] = [true, true];
