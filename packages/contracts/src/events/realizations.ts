import { z } from 'zod';
import type { ComparisonEvent, NarrativeEvent, RealizationEvent } from '@sakip/domain';
import { period } from './budgets';
import { formula } from './plans';
import { eventSchema, integer, nullableText, text, type DataOf, type Same } from './shape';

const content = {
  value: text,
  inputs: z.record(z.string(), z.union([z.string(), z.array(z.string())])).nullable(),
  formula: formula.nullable(),
  evidence: z.strictObject({
    documentRef: text,
    dataSource: text,
    attachment: z
      .strictObject({ name: text, sha256: text, size: z.number(), storageKey: text })
      .nullable(),
  }),
  note: nullableText,
};
const level = z.enum(['head', 'inspector']);

export const realizationRecorded = z.strictObject({
  opdId: text,
  indicatorCode: text,
  year: integer,
  period,
  version: integer,
  actor: text,
  ...content,
});
export const realizationSubmitted = z.strictObject({ period, version: integer, actor: text });
export const realizationVerified = z.strictObject({
  period,
  version: integer,
  level,
  status: z.enum(['verified_head', 'verified']),
  actor: text,
});
export const realizationReturned = z.strictObject({
  period,
  version: integer,
  level,
  reason: text,
  actor: text,
});
export const realizationCorrected = z.strictObject({
  period,
  version: integer,
  previousVersion: integer,
  reason: text,
  actor: text,
  ...content,
});
export const realizationYearLocked = z.strictObject({
  opdId: text,
  indicatorCode: text,
  year: integer,
  periods: z.array(period),
  actor: text,
});
export const narrativeRecorded = z.strictObject({
  opdId: text,
  sasaranCode: text,
  year: integer,
  version: integer,
  actor: text,
  faktorPendukung: text,
  faktorPenghambat: text,
  solusi: text,
});
export const comparisonRecorded = z.strictObject({
  indicatorKey: text,
  year: integer,
  actor: text,
  scope: z.enum(['province', 'national']),
  code: text,
  value: text,
  source: text,
  revision: integer,
});
/** An old bare-key figure in its owner's stream, naming the old stream and event. */
export const comparisonCarriedOver = z.strictObject({
  ...comparisonRecorded.shape,
  fromStreamId: text,
  fromEventId: text,
});
/** On the old bare-key stream: which OPD's stream one of its figures was carried to. */
export const comparisonCarriedTo = z.strictObject({
  indicatorKey: text,
  year: integer,
  actor: text,
  fromEventId: text,
  opdId: text,
  toStreamId: text,
});

export const realizationEventSchemas = [
  eventSchema('RealizationRecorded', 1, realizationRecorded),
  eventSchema('RealizationSubmitted', 1, realizationSubmitted),
  eventSchema('RealizationVerified', 1, realizationVerified),
  eventSchema('RealizationReturned', 1, realizationReturned),
  eventSchema('RealizationCorrected', 1, realizationCorrected),
  eventSchema('RealizationYearLocked', 1, realizationYearLocked),
  eventSchema('NarrativeRecorded', 1, narrativeRecorded),
  eventSchema('ComparisonRecorded', 1, comparisonRecorded),
  eventSchema('ComparisonCarriedOver', 1, comparisonCarriedOver),
  eventSchema('ComparisonCarriedTo', 1, comparisonCarriedTo),
];

type R<T extends RealizationEvent['type']> = DataOf<RealizationEvent, T>;
export const realizationTypesAgree: [
  Same<z.output<typeof realizationRecorded>, R<'RealizationRecorded'>>,
  Same<z.output<typeof realizationSubmitted>, R<'RealizationSubmitted'>>,
  Same<z.output<typeof realizationVerified>, R<'RealizationVerified'>>,
  Same<z.output<typeof realizationReturned>, R<'RealizationReturned'>>,
  Same<z.output<typeof realizationCorrected>, R<'RealizationCorrected'>>,
  Same<z.output<typeof realizationYearLocked>, R<'RealizationYearLocked'>>,
  Same<z.output<typeof narrativeRecorded>, DataOf<NarrativeEvent, 'NarrativeRecorded'>>,
  Same<z.output<typeof comparisonRecorded>, DataOf<ComparisonEvent, 'ComparisonRecorded'>>,
  Same<z.output<typeof comparisonCarriedOver>, DataOf<ComparisonEvent, 'ComparisonCarriedOver'>>,
  Same<z.output<typeof comparisonCarriedTo>, DataOf<ComparisonEvent, 'ComparisonCarriedTo'>>,
] = [true, true, true, true, true, true, true, true, true, true];
