import {
  fail,
  planDecider,
  planPeriodInForce,
  planStreamId,
  snapshotOf,
  type PlanSnapshot,
} from '@sakip/domain';
import type { StateLoader } from '../state-loader';
import { requireOpdExists } from './existence';

/**
 * The Renstra in force for a year: the enacted decrees of the period that covers it; when
 * periods overlap, the one established most recently (planPeriodInForce).
 */
export async function planInForce(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<PlanSnapshot | null> {
  const { state } = await loader.load(planDecider, planStreamId(opdId));
  const period = planPeriodInForce(state, year);
  return period ? snapshotOf(state, period) : null;
}

/** For writes about an OPD's year: the OPD must be registered and a Renstra must cover the year. */
export async function requirePlanInForce(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<PlanSnapshot> {
  await requireOpdExists(loader, opdId);
  const plan = await planInForce(loader, opdId, year);
  if (!plan)
    fail(
      'no_plan_in_force',
      `Belum ada SK IKU/Renstra yang ditetapkan untuk tahun ${year}`,
      `No enacted IKU/Renstra decree covers ${year}`,
      ['year'],
    );
  return plan;
}

export const codesAt = (plan: PlanSnapshot, level: string): string[] =>
  Object.values(plan.elements)
    .filter((e) => e.level === level)
    .map((e) => e.code);
