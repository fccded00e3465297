import { expect } from 'vitest';
import { DomainError } from '../../src/shared/errors';
import type { Formula } from '../../src/measurement';
import type {
  Evidence,
  Period,
  RealizationCommand,
  RealizationContent,
  RealizationEvent,
  VerificationLevel,
} from '../../src/realizations';

export const opdId = '18.04-DISKOPERINDAG';
export const indicatorCode = 'IKU-1';
export const year = 2024;
export const koperasiSehat: Formula = {
  kind: 'ratio',
  numerator: 'koperasi_sehat',
  denominator: 'jumlah_koperasi',
};
export const evidence: Evidence = {
  documentRef: 'Laporan RAT Koperasi 2024',
  dataSource: 'Bidang Koperasi',
  attachment: null,
};
export const operator = 'user-operator';
export const head = 'user-kadis';
export const inspector = 'user-inspektorat';

export type Record_ = Extract<RealizationCommand, { type: 'RecordRealization' }>;

export const record = (
  period: Period,
  value: string | null = '32.5',
  extra: Partial<Record_> = {},
): Record_ => ({
  type: 'RecordRealization',
  opdId,
  indicatorCode,
  year,
  period,
  value,
  inputs: null,
  formula: koperasiSehat,
  evidence,
  note: null,
  actor: operator,
  ...extra,
});

export const content = (
  value = '32.5',
  extra: Partial<RealizationContent> = {},
): RealizationContent => ({ value, inputs: null, formula: null, evidence, note: null, ...extra });

export const recorded = (
  period: Period,
  version = 1,
  value = '32.5',
  extra: Partial<RealizationContent> = {},
): RealizationEvent => ({
  type: 'RealizationRecorded',
  data: { opdId, indicatorCode, year, period, version, actor: operator, ...content(value, extra) },
});
export const submitted = (period: Period, version = 1): RealizationEvent => ({
  type: 'RealizationSubmitted',
  data: { period, version, actor: operator },
});
export const verifiedHead = (period: Period, version = 1): RealizationEvent => ({
  type: 'RealizationVerified',
  data: { period, version, level: 'head', status: 'verified_head', actor: head },
});
export const verifiedByHead = (period: Period, version = 1): RealizationEvent => ({
  type: 'RealizationVerified',
  data: { period, version, level: 'head', status: 'verified', actor: head },
});
export const verifiedByInspector = (period: Period, version = 1): RealizationEvent => ({
  type: 'RealizationVerified',
  data: { period, version, level: 'inspector', status: 'verified', actor: inspector },
});
export const returned = (
  period: Period,
  version = 1,
  level: VerificationLevel = 'head',
  reason = 'Bukti dukung belum lengkap',
): RealizationEvent => ({
  type: 'RealizationReturned',
  data: { period, version, level, reason, actor: level === 'head' ? head : inspector },
});

/** Event histories that leave a period in each status. */
export const inStatus = (period: Period) => ({
  draft: [recorded(period)],
  submitted: [recorded(period), submitted(period)],
  verified_head: [recorded(period), submitted(period), verifiedHead(period)],
  verified: [recorded(period), submitted(period), verifiedByHead(period)],
  returned: [recorded(period), submitted(period), returned(period)],
});

export function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}
