import { z } from 'zod';
import { BUDGET_STAGES, FUNDING_SOURCES, POLARITIES } from '@sakip/domain';
import { commandEnvelope, opdId, provinceCode, structureCode } from './common';
import { elementCode, indicatorCode } from './plans';

const decimal = z
  .string()
  .regex(
    /^\d+(\.\d{1,2})?$/,
    'Angka ≥ 0 dengan titik desimal, maks. 2 desimal / number ≥ 0, dot decimal, at most 2 places',
  );
const targetValue = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'Angka desimal dengan titik / decimal number with a dot');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD / date YYYY-MM-DD');
const year = z.number().int().min(2000).max(2100);
const party = z.object({
  name: z.string().trim().min(2).max(200),
  nip: z
    .string()
    .regex(/^\d{18}$/, 'NIP 18 angka / NIP has 18 digits')
    .nullable(),
  position: z.string().trim().min(2).max(300),
});

export const pkTarget = z.object({
  indicatorCode,
  value: targetValue.nullable(),
  /** Range polarity indicators: the band's bounds. */
  min: targetValue.nullable().optional(),
  max: targetValue.nullable().optional(),
  unit: z.string().max(40).nullable().default(null),
  text: z.string().max(200).nullable().default(null),
});
export const pkBudget = z.object({ programCode: elementCode, amount: decimal });

const pkKey = { opdId, year, positionCode: structureCode };
export const signPkInput = commandEnvelope.extend({
  ...pkKey,
  firstParty: party,
  secondParty: party,
  date: isoDate,
  targets: z.array(pkTarget).min(1).max(500),
  budgets: z.array(pkBudget).max(500),
});
export const revisePkInput = commandEnvelope.extend({
  ...pkKey,
  reason: z
    .string()
    .trim()
    .min(5, 'Alasan perubahan wajib (≥ 5 huruf) / a reason is required')
    .max(2000),
  date: isoDate,
  targets: z.array(pkTarget).min(1).max(500),
  budgets: z.array(pkBudget).max(500),
});
export const pkQuery = z.object(pkKey);

export const budgetLine = z.object({
  programCode: elementCode,
  kegiatanCode: elementCode.nullable().default(null),
  subKegiatanCode: elementCode.nullable().default(null),
  amount: decimal,
  fundingSource: z.enum(FUNDING_SOURCES),
});
export const recordBudgetStageInput = commandEnvelope.extend({
  opdId,
  year,
  stage: z.enum(BUDGET_STAGES),
  documentRef: z.string().trim().min(3).max(200),
  date: isoDate,
  lines: z.array(budgetLine).min(1).max(5000),
});
export const budgetQuery = z.object({ opdId, year });

export const defineCatalogIndicatorInput = commandEnvelope.extend({
  provinceCode,
  code: z
    .string()
    .regex(
      /^[A-Z0-9][A-Z0-9_-]{1,39}$/,
      'Kode katalog: huruf besar, angka, _ atau - / catalog code: capitals, digits, _ or -',
    ),
  name: z.string().trim().min(3).max(300),
  satuan: z.string().trim().min(1).max(60),
  polarity: z.enum(POLARITIES),
  description: z.string().trim().max(2000).nullable().default(null),
});
export const mapIndicatorInput = commandEnvelope.extend({
  provinceCode,
  opdId,
  indicatorCode,
  catalogCode: z.string().min(2).max(40),
});
export const unmapIndicatorInput = commandEnvelope.extend({ provinceCode, opdId, indicatorCode });
export const catalogQuery = z.object({ provinceCode });

export type SignPkInput = z.infer<typeof signPkInput>;
export type RevisePkInput = z.infer<typeof revisePkInput>;
export type RecordBudgetStageInput = z.infer<typeof recordBudgetStageInput>;
export type DefineCatalogIndicatorInput = z.infer<typeof defineCatalogIndicatorInput>;
export type MapIndicatorInput = z.infer<typeof mapIndicatorInput>;
export type UnmapIndicatorInput = z.infer<typeof unmapIndicatorInput>;
