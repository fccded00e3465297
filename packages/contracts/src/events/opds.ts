import { z } from 'zod';
import { UNIT_KINDS, type OpdEvent } from '@sakip/domain';
import { eventSchema, nullableText, text, type DataOf, type Same } from './shape';

export const opdRegistered = z.strictObject({
  opdId: text,
  regionCode: text,
  provinceCode: text,
  code: text,
  name: text,
});
export const opdRenamed = z.strictObject({
  opdId: text,
  previousName: text,
  name: text,
  legalBasis: nullableText,
});
export const unitAdded = z.strictObject({
  opdId: text,
  code: text,
  name: text,
  kind: z.enum(UNIT_KINDS),
  parentCode: nullableText,
});
export const positionAdded = z.strictObject({
  opdId: text,
  code: text,
  title: text,
  unitCode: nullableText,
  tugas: text,
  fungsi: z.array(text),
});
export const opdMerged = z.strictObject({ opdId: text, intoOpdId: text, legalBasis: text });
export const opdDissolved = z.strictObject({ opdId: text, legalBasis: text });

export const opdEventSchemas = [
  eventSchema('OpdRegistered', 1, opdRegistered),
  eventSchema('OpdRenamed', 1, opdRenamed),
  eventSchema('UnitAdded', 1, unitAdded),
  eventSchema('PositionAdded', 1, positionAdded),
  eventSchema('OpdMerged', 1, opdMerged),
  eventSchema('OpdDissolved', 1, opdDissolved),
];

export const opdTypesAgree: [
  Same<z.output<typeof opdRegistered>, DataOf<OpdEvent, 'OpdRegistered'>>,
  Same<z.output<typeof opdRenamed>, DataOf<OpdEvent, 'OpdRenamed'>>,
  Same<z.output<typeof unitAdded>, DataOf<OpdEvent, 'UnitAdded'>>,
  Same<z.output<typeof positionAdded>, DataOf<OpdEvent, 'PositionAdded'>>,
  Same<z.output<typeof opdMerged>, DataOf<OpdEvent, 'OpdMerged'>>,
  Same<z.output<typeof opdDissolved>, DataOf<OpdEvent, 'OpdDissolved'>>,
] = [true, true, true, true, true, true];
