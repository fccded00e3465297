import { useQuery } from '@tanstack/react-query';
import { api } from './api';

/** The enacted plan (Renstra + indicators) covering a year, as the PK and budget checks use it. */
export function usePlanForYear(opdId: string, year: number) {
  const decrees = useQuery({
    queryKey: ['plans.decrees', opdId],
    queryFn: () => api.plans.decrees.query({ opdId }),
  });
  const covering = decrees.data?.find(
    (d) => d.status === 'enacted' && d.periodStart <= year && year <= d.periodEnd,
  );
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
