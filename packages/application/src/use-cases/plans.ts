import {
  opdDecider,
  opdStreamId,
  planDecider,
  planStreamId,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
} from '@sakip/domain';
import type {
  DefineElementInput,
  DefineIndicatorInput,
  DraftDecreeInput,
  EnactDecreeInput,
  RetireIndicatorInput,
  WithdrawChangeInput,
} from '@sakip/contracts';
import type { UseCase } from '../use-case';
import { requireOpdExists } from './existence';
import { opdTarget } from './targets';

type PlanUseCase<I> = UseCase<I, PlanCommand, PlanEvent, PlanState>;
type OnDecree = { opdId: string; decreeId: string };

/** Every plan change is written under a decree: its id and number go into the event metadata. */
function planUseCase<I extends OnDecree>(
  name: string,
  toCommand: PlanUseCase<I>['toCommand'],
  permission: PlanUseCase<I>['permission'] = 'plan.write',
): PlanUseCase<I> {
  return {
    name,
    permission,
    decider: planDecider,
    streamType: 'plan',
    streamId: (i) => planStreamId(i.opdId),
    target: (i) => opdTarget(i.opdId),
    decree: (i, s) => {
      const info = s.decrees[i.decreeId]?.info ?? (i as Partial<DraftDecreeInput>).info;
      return info ? { decreeId: i.decreeId, number: info.number } : null;
    },
    toCommand,
  };
}

// A decree of an OPD nobody registered would be written and enacted as if the OPD existed.
export const draftDecree = planUseCase<DraftDecreeInput>('DraftDecree', async (i, loader) => {
  await requireOpdExists(loader, i.opdId);
  return { type: 'DraftDecree', opdId: i.opdId, decreeId: i.decreeId, info: i.info };
});
export const editDecree = planUseCase<DraftDecreeInput>('EditDecree', async (i, loader) => {
  await requireOpdExists(loader, i.opdId);
  return { type: 'EditDecree', opdId: i.opdId, decreeId: i.decreeId, info: i.info };
});
export const defineElement = planUseCase<DefineElementInput>('DefineElement', (i) => ({
  type: 'DefineElement',
  opdId: i.opdId,
  decreeId: i.decreeId,
  element: i.element,
}));

export const defineIndicator = planUseCase<DefineIndicatorInput>(
  'DefineIndicator',
  async (i, loader) => {
    // IKI must name a jabatan of this OPD: the OPD stream knows its positions.
    const opd = await loader.load(opdDecider, opdStreamId(i.opdId));
    return {
      type: 'DefineIndicator',
      opdId: i.opdId,
      decreeId: i.decreeId,
      indicator: i.indicator,
      knownPositions: Object.keys(opd.state.positions),
    };
  },
);

export const retireIndicator = planUseCase<RetireIndicatorInput>('RetireIndicator', (i) => ({
  type: 'RetireIndicator',
  opdId: i.opdId,
  decreeId: i.decreeId,
  code: i.code,
  reason: i.reason,
}));
export const withdrawChange = planUseCase<WithdrawChangeInput>('WithdrawChange', (i) => ({
  type: 'WithdrawChange',
  opdId: i.opdId,
  decreeId: i.decreeId,
  key: i.key,
}));
export const enactDecree = planUseCase<EnactDecreeInput>(
  'EnactDecree',
  (i) => ({ type: 'EnactDecree', opdId: i.opdId, decreeId: i.decreeId }),
  'plan.enact',
);
