// Which Renstra period is in force for a year when periods overlap. A new Renstra (e.g.
// 2023–2026 after a new RPJMD) supersedes an older one that still covers the year
// (2021–2026): the period established most recently wins. An amending decree (perubahan) of the
// older period changes that period's content, not which period is in force.
import type { PlanState } from './plan.decider';
import { periodKey } from './snapshot';

export interface EstablishedPeriod {
  periodStart: number;
  periodEnd: number;
  /** Enactment sequence of the period's first enacted decree (its penetapan). */
  establishedAt: number;
}

export interface PeriodInForce extends EstablishedPeriod {
  /** The latest enacted decree of the period: the one the targets are quoted from. */
  decreeId: string;
  decreeNumber: string;
}

const covers = (p: Pick<EstablishedPeriod, 'periodStart' | 'periodEnd'>, year: number): boolean =>
  p.periodStart <= year && year <= p.periodEnd;

/** The period in force for `year` among established periods, or null when none covers it. */
export function periodInForceFor<P extends EstablishedPeriod>(
  periods: readonly P[],
  year: number,
): P | null {
  let best: P | null = null;
  for (const p of periods)
    if (covers(p, year) && (best === null || p.establishedAt > best.establishedAt)) best = p;
  return best;
}

/** The years of `period` in which it is in force (not superseded by a newer period). */
export function yearsInForce(
  periods: readonly EstablishedPeriod[],
  period: Pick<EstablishedPeriod, 'periodStart' | 'periodEnd'>,
): number[] {
  const years: number[] = [];
  for (let y = period.periodStart; y <= period.periodEnd; y++) {
    const p = periodInForceFor(periods, y);
    if (p && periodKey(p) === periodKey(period)) years.push(y);
  }
  return years;
}

/** Every period with an enacted decree, with when it was established and its latest decree. */
export function establishedPeriods(state: PlanState): PeriodInForce[] {
  const byKey = new Map<string, PeriodInForce>();
  state.enacted.forEach((id, index) => {
    const d = state.decrees[id];
    if (!d) return;
    const key = periodKey(d.info);
    const known = byKey.get(key);
    const latest = { decreeId: id, decreeNumber: d.info.number };
    if (known) byKey.set(key, { ...known, ...latest });
    else
      byKey.set(key, {
        periodStart: d.info.periodStart,
        periodEnd: d.info.periodEnd,
        establishedAt: d.sequence ?? index + 1,
        ...latest,
      });
  });
  return [...byKey.values()];
}

/** The period (and its latest decree) in force for `year` in an OPD's plan stream. */
export const planPeriodInForce = (state: PlanState, year: number): PeriodInForce | null =>
  periodInForceFor(establishedPeriods(state), year);
