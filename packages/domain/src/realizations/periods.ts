// Reporting periods of a realization: the four triwulan and the year itself. A yearly
// indicator has only 'YEAR'; a quarterly one has TW1..TW4 and may also have 'YEAR' when the
// yearly figure is measured on its own (e.g. an audited year-end number).
import type { Quarter } from '../measurement';

export const PERIODS = ['TW1', 'TW2', 'TW3', 'TW4', 'YEAR'] as const;
export type Period = (typeof PERIODS)[number];

export const QUARTER_PERIODS = ['TW1', 'TW2', 'TW3', 'TW4'] as const;
export type QuarterPeriod = (typeof QUARTER_PERIODS)[number];

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

export const QUARTER_OF: Record<QuarterPeriod, Quarter> = { TW1: 1, TW2: 2, TW3: 3, TW4: 4 };
export const PERIOD_OF_QUARTER: Record<Quarter, QuarterPeriod> = {
  1: 'TW1',
  2: 'TW2',
  3: 'TW3',
  4: 'TW4',
};

/** Name as printed in reports: 'TW I' … 'TW IV', 'Tahunan' / 'Year'. */
export function periodName(period: Period): { id: string; en: string } {
  switch (period) {
    case 'TW1':
      return { id: 'TW I', en: 'Q1' };
    case 'TW2':
      return { id: 'TW II', en: 'Q2' };
    case 'TW3':
      return { id: 'TW III', en: 'Q3' };
    case 'TW4':
      return { id: 'TW IV', en: 'Q4' };
    case 'YEAR':
      return { id: 'Tahunan', en: 'Year' };
  }
}
