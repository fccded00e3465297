import type { Period } from '@sakip/domain';

export type Aggregate = 'verified' | 'submitted' | 'draft' | 'late' | 'missing';

const PERIOD_END: Record<Period, [number, number]> = {
  TW1: [3, 31],
  TW2: [6, 30],
  TW3: [9, 30],
  TW4: [12, 31],
  YEAR: [12, 31],
};

/** A period is late when it ended more than `graceDays` ago and nothing was submitted. */
export function periodDue(year: number, period: Period, graceDays = 30): Date {
  const [m, d] = PERIOD_END[period];
  return new Date(Date.UTC(year, m - 1, d + graceDays));
}

/** One OPD × period: the weakest status over its IKU (all verified → verified, …). */
export function aggregateStatus(
  statuses: (string | undefined)[],
  year: number,
  period: Period,
  today: Date,
): Aggregate {
  if (statuses.length > 0 && statuses.every((s) => s === 'verified' || s === 'locked'))
    return 'verified';
  if (
    statuses.some(
      (s) => s === 'submitted' || s === 'verified_head' || s === 'verified' || s === 'locked',
    )
  )
    return 'submitted';
  if (statuses.some((s) => s === 'draft' || s === 'returned'))
    return today > periodDue(year, period) ? 'late' : 'draft';
  return today > periodDue(year, period) ? 'late' : 'missing';
}
