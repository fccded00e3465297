import { z } from 'zod';
import type { RegionEvent } from '@sakip/domain';
import { eventSchema, nullableText, text, type DataOf, type Same } from './shape';

const predikatBand = z.strictObject({
  minInclusive: z.union([z.string(), z.number()]).nullable(),
  label: text,
  code: text,
});

export const regionRegistered = z.strictObject({
  code: text,
  level: z.enum(['province', 'kabupaten', 'kota']),
  provinceCode: text,
  name: text,
  codeEdition: text,
});
export const regionRenamed = z.strictObject({
  code: text,
  previousName: text,
  name: text,
  legalBasis: nullableText,
});
export const measurementConfigured = z.strictObject({
  code: text,
  settings: z.strictObject({
    inspectorRequired: z.boolean(),
    lowerIsBetterMethod: z.enum(['two_t_minus_r', 'inverse_ratio']),
    efficiencyMethod: z.enum(['ratio', 'difference']),
    predikatScale: z.array(predikatBand).readonly().nullable(),
  }),
});

const pemdaTimeZone = z.enum(['WIB', 'WITA', 'WIT']);
export const timeZoneConfigured = z.strictObject({
  code: text,
  previousTimeZone: pemdaTimeZone,
  timeZone: pemdaTimeZone,
});

export const regionEventSchemas = [
  eventSchema('RegionRegistered', 1, regionRegistered),
  eventSchema('RegionRenamed', 1, regionRenamed),
  eventSchema('MeasurementConfigured', 1, measurementConfigured),
  eventSchema('TimeZoneConfigured', 1, timeZoneConfigured),
];

export const regionTypesAgree: [
  Same<z.output<typeof regionRegistered>, DataOf<RegionEvent, 'RegionRegistered'>>,
  Same<z.output<typeof regionRenamed>, DataOf<RegionEvent, 'RegionRenamed'>>,
  Same<z.output<typeof measurementConfigured>, DataOf<RegionEvent, 'MeasurementConfigured'>>,
  Same<z.output<typeof timeZoneConfigured>, DataOf<RegionEvent, 'TimeZoneConfigured'>>,
] = [true, true, true, true];
