import {
  budgetDecider,
  budgetStreamId,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from '@sakip/domain';
import type { RecordBudgetStageInput } from '@sakip/contracts';
import type { UseCase } from '../use-case';
import { codesAt, requirePlanInForce } from './plan-in-force';
import { opdTarget } from './targets';

export const recordBudgetStage: UseCase<
  RecordBudgetStageInput,
  BudgetCommand,
  BudgetEvent,
  BudgetState
> = {
  name: 'RecordBudgetStage',
  permission: 'plan.write',
  decider: budgetDecider,
  streamType: 'budget',
  streamId: (i) => budgetStreamId(i.opdId, i.year),
  target: (i) => opdTarget(i.opdId),
  async toCommand(i, loader) {
    // Budget lines must name programs, kegiatan and sub kegiatan of the Renstra in force.
    const plan = await requirePlanInForce(loader, i.opdId, i.year);
    return {
      type: 'RecordBudgetStage',
      opdId: i.opdId,
      year: i.year,
      stage: i.stage,
      documentRef: i.documentRef,
      date: i.date,
      lines: i.lines,
      known: {
        programCodes: codesAt(plan, 'program'),
        kegiatanCodes: codesAt(plan, 'kegiatan'),
        subKegiatanCodes: codesAt(plan, 'sub_kegiatan'),
      },
    };
  },
};
