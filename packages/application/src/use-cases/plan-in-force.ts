import { fail, planDecider, planStreamId, snapshotOf, type PlanSnapshot } from '@sakip/domain';
import type { StateLoader } from '../state-loader';

/** The Renstra in force for a year: the enacted decrees of the period that contains it. */
export async function planInForce(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<PlanSnapshot | null> {
  const { state } = await loader.load(planDecider, planStreamId(opdId));
  const decree = state.enacted
    .map((id) => state.decrees[id]!)
    .find((d) => d.info.periodStart <= year && year <= d.info.periodEnd);
  return decree ? snapshotOf(state, decree.info) : null;
}

export async function requirePlanInForce(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<PlanSnapshot> {
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
