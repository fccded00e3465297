import { z } from 'zod';
import {
  DATA_PERIODS,
  DECREE_KINDS,
  ELEMENT_LEVELS,
  FORMULA_KINDS,
  INDICATOR_KINDS,
  POLARITIES,
  ROLLUP_RULES,
} from '@sakip/domain';
import { commandEnvelope, opdId, structureCode } from './common';

const decimal = z
  .string()
  .regex(
    /^-?\d+(\.\d+)?$/,
    'Angka desimal dengan titik, mis. 887.43 / decimal number with a dot, e.g. 887.43',
  );
const text = (max: number) => z.string().trim().max(max);
const year = z.number().int().min(2000).max(2100);
export const indicatorCode = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/,
    'Kode indikator: huruf, angka, titik, _ atau - / indicator code: letters, digits, dot, _ or -',
  );
export const elementCode = indicatorCode;

export const decreeInfo = z.object({
  number: text(120).min(3, 'Nomor SK wajib diisi / decree number required'),
  title: text(500).min(3),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD / date YYYY-MM-DD'),
  place: text(120).min(2),
  signer: z.object({
    name: text(200).min(2),
    nip: z
      .string()
      .regex(/^\d{18}$/, 'NIP 18 angka / NIP has 18 digits')
      .nullable(),
    position: text(300).min(2),
  }),
  legalBases: z.array(text(1000).min(3)).max(60),
  kind: z.enum(DECREE_KINDS),
  periodStart: year,
  periodEnd: year,
});

export const planElement = z.object({
  code: elementCode,
  level: z.enum(ELEMENT_LEVELS),
  name: text(1000).min(2),
  parentCode: elementCode.nullable(),
});

/** Input names as the decree words them ("Jumlah koperasi sehat"). */
export const inputName = z
  .string()
  .trim()
  .min(1, 'Nama masukan wajib / input name required')
  .max(300);
export const formula = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'),
    numerator: inputName,
    denominator: inputName,
    scale: z.union([z.number(), z.string()]).optional(),
  }),
  z.object({ kind: z.literal('growth'), initial: inputName, final: inputName }),
  z.object({ kind: z.literal('value'), input: inputName }),
  z.object({ kind: z.literal('count'), input: inputName }),
  z.object({ kind: z.literal('score'), input: inputName }),
  z.object({ kind: z.literal('cv'), series: inputName }),
]) satisfies z.ZodType<{ kind: (typeof FORMULA_KINDS)[number] }>;

export const yearTarget = z.object({
  year,
  value: decimal.nullable(),
  min: decimal.nullable().optional(),
  max: decimal.nullable().optional(),
  unit: text(40).nullable().optional(),
  text: text(200).nullable().optional(),
});

export const indicator = z.object({
  code: indicatorCode,
  kind: z.enum(INDICATOR_KINDS),
  elementCode,
  positionCode: structureCode.nullable().default(null),
  name: text(1000).min(2),
  definition: text(4000).nullable().default(null),
  formulaText: text(1000).nullable().default(null),
  formula: formula.nullable().default(null),
  satuan: text(60).min(1, 'Satuan wajib diisi / unit required'),
  polarity: z.enum(POLARITIES),
  sumberData: text(500).nullable().default(null),
  penanggungJawab: text(500).nullable().default(null),
  dataPeriod: z.enum(DATA_PERIODS).default('yearly'),
  rollup: z.enum(ROLLUP_RULES).default('last'),
  baseline: z.object({ year, value: decimal }).nullable().default(null),
  targets: z.array(yearTarget).max(10),
  cascadeTo: indicatorCode.nullable().default(null),
});

const onDecree = commandEnvelope.extend({
  opdId,
  decreeId: z.string().uuid('ID SK harus UUID / decree id must be a UUID'),
});
export const draftDecreeInput = onDecree.extend({ info: decreeInfo });
export const editDecreeInput = draftDecreeInput;
export const defineElementInput = onDecree.extend({ element: planElement });
export const defineIndicatorInput = onDecree.extend({ indicator });
export const retireIndicatorInput = onDecree.extend({
  code: indicatorCode,
  reason: text(1000).min(3),
});
export const withdrawChangeInput = onDecree.extend({ key: z.string().min(3).max(100) });
export const enactDecreeInput = onDecree;

export type DraftDecreeInput = z.infer<typeof draftDecreeInput>;
export type DefineElementInput = z.infer<typeof defineElementInput>;
export type DefineIndicatorInput = z.infer<typeof defineIndicatorInput>;
export type RetireIndicatorInput = z.infer<typeof retireIndicatorInput>;
export type WithdrawChangeInput = z.infer<typeof withdrawChangeInput>;
export type EnactDecreeInput = z.infer<typeof enactDecreeInput>;

export const snapshotQuery = z.object({
  opdId,
  decreeId: z.string().uuid().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  periodStart: year.optional(),
  periodEnd: year.optional(),
});
export const diffQuery = z.object({
  opdId,
  fromDecreeId: z.string().uuid(),
  toDecreeId: z.string().uuid(),
});
export const opdQuery = z.object({ opdId });
