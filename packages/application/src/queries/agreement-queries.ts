import {
  budgetDecider,
  budgetStageTotals,
  budgetStreamId,
  catalogDecider,
  catalogStreamId,
  currentPk,
  HEAD_POSITION,
  pkDecider,
  pkStreamId,
  pkTargetConflicts,
  type YearTarget,
} from '@sakip/domain';
import type { StateLoader } from '../state-loader';
import { planInForce } from '../use-cases/plan-in-force';

/** PK, budget and catalog views folded from their streams (read models serve these at scale). */
export class AgreementQueries {
  constructor(private readonly loader: StateLoader) {}

  /** The PK with every revision, and the targets that differ from the Renstra: flagged, never hidden. */
  async pk(opdId: string, year: number, positionCode: string) {
    const { state } = await this.loader.load(pkDecider, pkStreamId(opdId, year, positionCode));
    if (state.status === 'none') return null;
    const inForce = currentPk(state);
    const plan = await planInForce(this.loader, opdId, year);
    const renstra: Record<string, { value: string | null; text?: string | null } | undefined> = {};
    for (const ind of Object.values(plan?.indicators ?? {})) {
      const relevant =
        inForce?.targets.some((t) => t.indicatorCode === ind.code) ||
        (positionCode === HEAD_POSITION
          ? ind.kind === 'iku'
          : ind.kind === 'iki' && ind.positionCode === positionCode);
      const t: YearTarget | undefined = ind.targets.find((x) => x.year === year);
      if (relevant) renstra[ind.code] = t ? { value: t.value, text: t.text ?? null } : undefined;
    }
    return {
      ...state,
      current: inForce,
      renstraConflicts: inForce ? pkTargetConflicts(inForce.targets, renstra) : [],
    };
  }

  async budget(opdId: string, year: number) {
    const { state } = await this.loader.load(budgetDecider, budgetStreamId(opdId, year));
    return { stages: state.stages, totals: budgetStageTotals(state) };
  }

  async catalog(provinceCode: string) {
    const { state } = await this.loader.load(catalogDecider, catalogStreamId(provinceCode));
    return { indicators: Object.values(state.indicators), mappings: Object.values(state.mappings) };
  }
}
