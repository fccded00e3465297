import {
  pkDecider,
  pkStreamId,
  type PkCommand,
  type PkEvent,
  type PkState,
  type PkKnown,
} from '@sakip/domain';
import type { RevisePkInput, SignPkInput } from '@sakip/contracts';
import type { StateLoader } from '../state-loader';
import type { UseCase } from '../use-case';
import { codesAt, requirePlanInForce } from './plan-in-force';
import { opdTarget } from './targets';

type PkUseCase<I> = UseCase<I, PkCommand, PkEvent, PkState>;

async function known(loader: StateLoader, opdId: string, year: number): Promise<PkKnown> {
  const plan = await requirePlanInForce(loader, opdId, year);
  return {
    indicatorCodes: Object.keys(plan.indicators),
    indicators: plan.indicators,
    programCodes: codesAt(plan, 'program'),
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  };
}

const base = {
  permission: 'plan.write' as const,
  decider: pkDecider,
  streamType: 'pk',
  streamId: (i: { opdId: string; year: number; positionCode: string }) =>
    pkStreamId(i.opdId, i.year, i.positionCode),
  target: (i: { opdId: string }) => opdTarget(i.opdId),
};

export const signPk: PkUseCase<SignPkInput> = {
  ...base,
  name: 'SignPk',
  toCommand: async (i, loader) => ({
    type: 'SignPk',
    opdId: i.opdId,
    year: i.year,
    positionCode: i.positionCode,
    firstParty: i.firstParty,
    secondParty: i.secondParty,
    date: i.date,
    targets: i.targets,
    budgets: i.budgets,
    known: await known(loader, i.opdId, i.year),
  }),
};

export const revisePk: PkUseCase<RevisePkInput> = {
  ...base,
  name: 'RevisePk',
  toCommand: async (i, loader) => ({
    type: 'RevisePk',
    reason: i.reason,
    date: i.date,
    targets: i.targets,
    budgets: i.budgets,
    known: await known(loader, i.opdId, i.year),
  }),
};
