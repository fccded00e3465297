// Which realization a report prints. A signed report counts verified values: for each period
// the last verified version (a correction in progress leaves the verified value in force). A
// period never verified still shows its current value, listed as not verified, which makes the
// report a draft.
import {
  PERIODS,
  realizationInForce,
  UNVERIFIED_MARK as MARK,
  type Period,
  type RealizationState,
  type UnverifiedStatus,
} from '@sakip/domain';

export interface UnverifiedEntry {
  period: Period;
  value: string;
  status: UnverifiedStatus;
}

export interface ReportValues {
  realizations: Partial<Record<Period, string | null>>;
  unverified: UnverifiedEntry[];
}

export function reportValues(state: RealizationState): ReportValues {
  const realizations: Partial<Record<Period, string | null>> = {};
  const unverified: UnverifiedEntry[] = [];
  for (const period of PERIODS) {
    const entry = realizationInForce(state, period);
    if (entry?.verified) realizations[period] = entry.verified.value;
    else if (entry?.unverified) {
      const { value, status } = entry.unverified;
      realizations[period] = value;
      unverified.push({ period, value, status });
    }
  }
  return { realizations, unverified };
}

/** "belum diverifikasi" with the status in words, as the lampiran lists it. */
export const STATUS_LABELS: Record<UnverifiedEntry['status'], string> = {
  draft: 'draf (belum diajukan)',
  submitted: 'diajukan, menunggu verifikasi Kepala OPD',
  verified_head: 'diverifikasi Kepala OPD, menunggu Inspektorat',
  returned: 'dikembalikan untuk diperbaiki',
};

export const UNVERIFIED_MARK = MARK.id;
