import { z } from 'zod';
import {
  BUDGET_STAGES,
  FUNDING_SOURCES,
  type BudgetEvent,
  type SpendingEvent,
} from '@sakip/domain';
import { eventSchema, integer, nullableText, text, type DataOf, type Same } from './shape';

export const period = z.enum(['TW1', 'TW2', 'TW3', 'TW4', 'YEAR']);

export const budgetStageRecorded = z.strictObject({
  opdId: text,
  year: integer,
  stage: z.enum(BUDGET_STAGES),
  sequence: integer.nullable(),
  documentRef: text,
  date: text,
  lines: z.array(
    z.strictObject({
      programCode: text,
      kegiatanCode: nullableText,
      subKegiatanCode: nullableText,
      amount: text,
      fundingSource: z.enum(FUNDING_SOURCES),
    }),
  ),
});
export const spendingRecorded = z.strictObject({
  opdId: text,
  year: integer,
  period,
  lines: z.array(
    z.strictObject({
      programCode: text,
      kegiatanCode: nullableText,
      subKegiatanCode: nullableText,
      amount: text,
    }),
  ),
  actor: text,
});

export const budgetEventSchemas = [
  eventSchema('BudgetStageRecorded', 1, budgetStageRecorded),
  eventSchema('SpendingRecorded', 1, spendingRecorded),
];

export const budgetTypesAgree: [
  Same<z.output<typeof budgetStageRecorded>, DataOf<BudgetEvent, 'BudgetStageRecorded'>>,
  Same<z.output<typeof spendingRecorded>, DataOf<SpendingEvent, 'SpendingRecorded'>>,
] = [true, true];
