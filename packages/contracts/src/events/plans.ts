import { z } from 'zod';
import {
  DATA_PERIODS,
  DECREE_KINDS,
  ELEMENT_LEVELS,
  INDICATOR_KINDS,
  type PlanEvent,
} from '@sakip/domain';
import { polarity } from './catalog';
import { eventSchema, integer, nullableText, text, type DataOf, type Same } from './shape';

/** Formula of an indicator or a realization (measurement/formula.ts). */
export const formula = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: text,
    denominator: text,
    scale: z.union([z.string(), z.number()]).optional(),
  }),
  z.strictObject({ kind: z.literal('growth'), initial: text, final: text }),
  z.strictObject({ kind: z.literal('value'), input: text }),
  z.strictObject({ kind: z.literal('count'), input: text }),
  z.strictObject({ kind: z.literal('score'), input: text }),
  z.strictObject({ kind: z.literal('cv'), series: text }),
]);

const decreeInfo = z.strictObject({
  number: text,
  title: text,
  date: text,
  place: text,
  signer: z.strictObject({ name: text, nip: nullableText, position: text }),
  legalBases: z.array(text),
  kind: z.enum(DECREE_KINDS),
  periodStart: integer,
  periodEnd: integer,
});
const element = z.strictObject({
  code: text,
  level: z.enum(ELEMENT_LEVELS),
  name: text,
  parentCode: nullableText,
});
const yearTarget = z.strictObject({
  year: integer,
  value: nullableText,
  min: nullableText.optional(),
  max: nullableText.optional(),
  unit: nullableText.optional(),
  text: nullableText.optional(),
});
const indicator = z.strictObject({
  code: text,
  kind: z.enum(INDICATOR_KINDS),
  elementCode: text,
  positionCode: nullableText,
  name: text,
  definition: nullableText,
  formulaText: nullableText,
  formula: formula.nullable(),
  satuan: text,
  polarity,
  sumberData: nullableText,
  penanggungJawab: nullableText,
  dataPeriod: z.enum(DATA_PERIODS),
  rollup: z.enum(['sum', 'last', 'average']),
  baseline: z.strictObject({ year: integer, value: text }).nullable(),
  targets: z.array(yearTarget),
  cascadeTo: nullableText,
});

const ref = { opdId: text, decreeId: text };
export const decreeDrafted = z.strictObject({ ...ref, info: decreeInfo });
export const decreeEdited = z.strictObject({ ...ref, info: decreeInfo });
export const elementDefined = z.strictObject({ ...ref, element });
export const indicatorDefined = z.strictObject({ ...ref, indicator });
export const indicatorRetired = z.strictObject({ ...ref, code: text, reason: text });
export const draftChangeWithdrawn = z.strictObject({ ...ref, key: text });
export const decreeEnacted = z.strictObject({ ...ref, number: text, sequence: integer });

export const planEventSchemas = [
  eventSchema('DecreeDrafted', 1, decreeDrafted),
  eventSchema('DecreeEdited', 1, decreeEdited),
  eventSchema('ElementDefined', 1, elementDefined),
  eventSchema('IndicatorDefined', 1, indicatorDefined),
  eventSchema('IndicatorRetired', 1, indicatorRetired),
  eventSchema('DraftChangeWithdrawn', 1, draftChangeWithdrawn),
  eventSchema('DecreeEnacted', 1, decreeEnacted),
];

export const planTypesAgree: [
  Same<z.output<typeof decreeDrafted>, DataOf<PlanEvent, 'DecreeDrafted'>>,
  Same<z.output<typeof decreeEdited>, DataOf<PlanEvent, 'DecreeEdited'>>,
  Same<z.output<typeof elementDefined>, DataOf<PlanEvent, 'ElementDefined'>>,
  Same<z.output<typeof indicatorDefined>, DataOf<PlanEvent, 'IndicatorDefined'>>,
  Same<z.output<typeof indicatorRetired>, DataOf<PlanEvent, 'IndicatorRetired'>>,
  Same<z.output<typeof draftChangeWithdrawn>, DataOf<PlanEvent, 'DraftChangeWithdrawn'>>,
  Same<z.output<typeof decreeEnacted>, DataOf<PlanEvent, 'DecreeEnacted'>>,
] = [true, true, true, true, true, true, true];
