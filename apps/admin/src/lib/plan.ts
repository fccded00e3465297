import { useQuery } from '@tanstack/react-query';
import { periodInForceFor, type EstablishedPeriod } from '@sakip/domain';
import { api } from './api';

/** Enacted periods with the sequence of their first decree, for the domain's period-in-force rule. */
function establishedPeriods(
  decrees: readonly {
    status: string;
    periodStart: number;
    periodEnd: number;
    sequence: number | null;
  }[],
): EstablishedPeriod[] {
  const byPeriod = new Map<string, EstablishedPeriod>();
  for (const d of decrees) {
    if (d.status !== 'enacted' || d.sequence === null) continue;
    const key = `${d.periodStart}-${d.periodEnd}`;
    const known = byPeriod.get(key);
    if (!known || d.sequence < known.establishedAt)
      byPeriod.set(key, {
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        establishedAt: d.sequence,
      });
  }
  return [...byPeriod.values()];
}

/**
 * The enacted plan (Renstra + indicators) in force for a year, as the PK and budget checks use
 * it: with overlapping Renstra periods, the one established most recently.
 */
export function usePlanForYear(opdId: string, year: number) {
  const decrees = useQuery({
    queryKey: ['plans.decrees', opdId],
    queryFn: () => api.plans.decrees.query({ opdId }),
  });
  const covering = decrees.data ? periodInForceFor(establishedPeriods(decrees.data), year) : null;
  const period = covering
    ? { periodStart: covering.periodStart, periodEnd: covering.periodEnd }
    : null;
  const snap = useQuery({
    queryKey: ['plans.snapshot', opdId, 'period', period?.periodStart, period?.periodEnd],
    queryFn: () => api.plans.snapshot.query({ opdId, ...period! }),
    enabled: period !== null,
  });
  return {
    plan: snap.data ?? null,
    isLoading: decrees.isLoading || snap.isLoading,
    none: decrees.isSuccess && !covering,
    error: decrees.error ?? snap.error,
  };
}
