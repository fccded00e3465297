// Read-side sums over a budget stream. Exact decimals: 0.1 + 0.2 rupiah is 0.3, not 0.30000000000000004.
import { Dec, toDecimal, toDecimalString } from '../measurement';
import type { BudgetStage, BudgetStageRecord, BudgetState } from './budget.decider';

export interface BudgetStageTotal {
  stage: BudgetStage;
  sequence: number | null;
  documentRef: string;
  /** Sum of all lines, decimal text. */
  total: string;
  /** Sum per program code, decimal text. */
  byProgram: Record<string, string>;
}

/** One entry per recorded stage (each pergeseran separately), in recorded order. */
export function budgetStageTotals(state: BudgetState): BudgetStageTotal[] {
  return state.stages.map((s) => {
    const byProgram = new Map<string, Dec>();
    let total = new Dec(0);
    for (const line of s.lines) {
      const amount = toDecimal(line.amount);
      total = total.plus(amount);
      byProgram.set(line.programCode, (byProgram.get(line.programCode) ?? new Dec(0)).plus(amount));
    }
    return {
      stage: s.stage,
      sequence: s.sequence,
      documentRef: s.documentRef,
      total: toDecimalString(total),
      byProgram: Object.fromEntries(
        [...byProgram].map(([code, sum]) => [code, toDecimalString(sum)]),
      ),
    };
  });
}

/** The pagu in force: the latest recorded stage with its lines, or null before any stage. */
export function latestBudget(state: BudgetState): BudgetStageRecord | null {
  return state.stages.at(-1) ?? null;
}
