import { z } from 'zod';
import type { CatalogEvent } from '@sakip/domain';
import { eventSchema, nullableText, text, type DataOf, type Same } from './shape';

export const polarity = z.enum(['higher_better', 'lower_better', 'range']);

export const catalogIndicatorDefined = z.strictObject({
  code: text,
  name: text,
  satuan: text,
  polarity,
  description: nullableText,
});
const mapping = {
  opdId: text,
  indicatorCode: text,
  catalogCode: text,
  local: z.strictObject({ satuan: text, polarity }),
};
export const indicatorMapped = z.strictObject(mapping);
export const indicatorRemapped = z.strictObject({ ...mapping, previousCatalogCode: text });
export const indicatorUnmapped = z.strictObject({
  opdId: text,
  indicatorCode: text,
  catalogCode: text,
});

export const catalogEventSchemas = [
  eventSchema('CatalogIndicatorDefined', 1, catalogIndicatorDefined),
  eventSchema('IndicatorMapped', 1, indicatorMapped),
  eventSchema('IndicatorRemapped', 1, indicatorRemapped),
  eventSchema('IndicatorUnmapped', 1, indicatorUnmapped),
];

export const catalogTypesAgree: [
  Same<z.output<typeof catalogIndicatorDefined>, DataOf<CatalogEvent, 'CatalogIndicatorDefined'>>,
  Same<z.output<typeof indicatorMapped>, DataOf<CatalogEvent, 'IndicatorMapped'>>,
  Same<z.output<typeof indicatorRemapped>, DataOf<CatalogEvent, 'IndicatorRemapped'>>,
  Same<z.output<typeof indicatorUnmapped>, DataOf<CatalogEvent, 'IndicatorUnmapped'>>,
] = [true, true, true, true];
