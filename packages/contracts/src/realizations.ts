import { z } from 'zod';
import { PERIODS } from '@sakip/domain';
import { commandEnvelope, opdId, regionCode } from './common';
import { elementCode, indicatorCode, inputName } from './plans';

const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'Angka desimal dengan titik / decimal number with a dot');
const rupiah = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, 'Rupiah ≥ 0, maks. 2 desimal / rupiah ≥ 0, at most 2 decimals');
const year = z.number().int().min(2000).max(2100);
const period = z.enum(PERIODS);
const text = (max: number) => z.string().trim().max(max);

export const evidence = z.object({
  documentRef: text(300).min(2, 'Dokumen bukti wajib diisi / evidence document required'),
  dataSource: text(300).min(2, 'Sumber data wajib diisi / data source required'),
  attachment: z
    .object({
      name: text(200).min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().positive(),
      storageKey: text(300).min(1),
    })
    .nullable()
    .default(null),
});

const onEntry = commandEnvelope.extend({ opdId, indicatorCode, year, period });
const entry = {
  value: decimal.nullable().default(null),
  inputs: z
    .record(inputName, z.union([decimal, z.array(decimal).max(1000)]))
    .nullable()
    .default(null),
  evidence,
  note: text(4000).nullable().default(null),
};
export const recordRealizationInput = onEntry.extend(entry);
export const correctRealizationInput = onEntry.extend({
  ...entry,
  reason: text(2000).min(5, 'Alasan koreksi wajib (≥ 5 huruf) / a reason is required'),
});
export const submitRealizationInput = onEntry;
export const verifyRealizationInput = onEntry.extend({ level: z.enum(['head', 'inspector']) });
export const returnRealizationInput = verifyRealizationInput.extend({
  reason: text(2000).min(5, 'Alasan pengembalian wajib (≥ 5 huruf) / a reason is required'),
});
export const lockYearInput = commandEnvelope.extend({ opdId, indicatorCode, year });

export const recordNarrativeInput = commandEnvelope.extend({
  opdId,
  sasaranCode: elementCode,
  year,
  faktorPendukung: text(10_000).default(''),
  faktorPenghambat: text(10_000).default(''),
  solusi: text(10_000).default(''),
});

export const recordSpendingInput = commandEnvelope.extend({
  opdId,
  year,
  period,
  lines: z
    .array(
      z.object({
        programCode: elementCode,
        kegiatanCode: elementCode.nullable().default(null),
        subKegiatanCode: elementCode.nullable().default(null),
        amount: rupiah,
      }),
    )
    .min(1)
    .max(5000),
});

export const recordComparisonInput = commandEnvelope.extend({
  scope: z.enum(['province', 'national']),
  code: z
    .string()
    .regex(
      /^(\d{2})?$/,
      'Kode provinsi (PP) atau kosong untuk nasional / province code or empty for national',
    ),
  /** A catalog code, or the OPD's local indicator code when `opdId` is given. */
  indicatorKey: text(80).min(2),
  /** The OPD whose own indicator (not in the province catalog) the figures belong to. */
  opdId: opdId.nullable().default(null),
  year,
  value: decimal,
  source: text(300).min(2, 'Sumber wajib diisi / source required'),
});

export const measurementSettingsInput = commandEnvelope.extend({
  code: regionCode,
  settings: z.object({
    inspectorRequired: z.boolean(),
    lowerIsBetterMethod: z.enum(['two_t_minus_r', 'inverse_ratio']),
    efficiencyMethod: z.enum(['ratio', 'difference']),
    predikatScale: z
      .array(
        z.object({
          minInclusive: z.union([z.number(), z.string()]).nullable(),
          label: text(60).min(1),
          code: text(40).min(1),
        }),
      )
      .min(2)
      .max(10)
      .nullable(),
  }),
});

export const achievementQuery = z.object({ opdId, year });
export const realizationQuery = z.object({ opdId, indicatorCode, year });

export type RecordRealizationInput = z.infer<typeof recordRealizationInput>;
export type CorrectRealizationInput = z.infer<typeof correctRealizationInput>;
export type SubmitRealizationInput = z.infer<typeof submitRealizationInput>;
export type VerifyRealizationInput = z.infer<typeof verifyRealizationInput>;
export type ReturnRealizationInput = z.infer<typeof returnRealizationInput>;
export type LockYearInput = z.infer<typeof lockYearInput>;
export type RecordNarrativeInput = z.infer<typeof recordNarrativeInput>;
export type RecordSpendingInput = z.infer<typeof recordSpendingInput>;
export type RecordComparisonInput = z.infer<typeof recordComparisonInput>;
export type MeasurementSettingsInput = z.infer<typeof measurementSettingsInput>;
