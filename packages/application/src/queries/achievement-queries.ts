import {
  achievementFor,
  budgetDecider,
  budgetStreamId,
  currentVersion,
  lastVerifiedVersion,
  latestBudget,
  narrativeDecider,
  narrativeStreamId,
  PERIODS,
  pkDecider,
  pkOfPosition,
  pkTargetFor,
  planPeriodInForce,
  programEfficiency,
  realizationDecider,
  realizationStreamId,
  realizationWarnings,
  spendingDecider,
  budgetSpendingStreamId,
  spentFor,
  streamInForce,
  targetInForce,
  fold,
  sumDecimals,
  toDecimal,
  toDecimalString,
  planDecider,
  planStreamId,
  type BudgetState,
  type MeasurementSettings,
  type PkOfPosition,
  type Period,
  type PlanSnapshot,
  type SpendingState,
  type RealizationEvent,
  type RealizationState,
} from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';
import { asDomain, type StateLoader } from '../state-loader';
import { planInForce } from '../use-cases/plan-in-force';
import { measurementSettingsFor } from '../use-cases/realizations';

export type Status = 'draft' | 'submitted' | 'verified_head' | 'verified' | 'returned' | 'locked';

/** Capaian, predikat, efficiency and verification views folded from the streams. */
export class AchievementQueries {
  constructor(
    private readonly store: EventStore,
    private readonly loader: StateLoader,
  ) {}

  private realization(
    opdId: string,
    code: string,
    year: number,
  ): Promise<{ state: RealizationState }> {
    return this.loader.load(realizationDecider, realizationStreamId(opdId, code, year));
  }

  /**
   * One OPD's year: every indicator with its target in force (the PK of any jabatan that lists
   * it over the Renstra, with the document it came from), realizations, capaian, predikat, warnings.
   */
  /** Results by the versions of every stream they were computed from: unchanged streams, same answer. */
  private readonly memo = new Map<string, { key: string; value: unknown }>();

  async opdYear(opdId: string, year: number) {
    const planLoaded = await this.loader.load(planDecider, planStreamId(opdId));
    const plan = await planInForce(this.loader, opdId, year);
    if (!plan) return null;
    const settings = await measurementSettingsFor(this.loader, opdId);
    // Every jabatan's PK of the year: each sets the targets of the indicators it lists.
    const pkLoaded = await this.loader.loadMany(
      pkDecider,
      await this.store.streamIds('pk', `pk-${opdId}-${year}-`),
    );
    const pks = [...pkLoaded.values()]
      .filter((l) => l.state.opdId === opdId && l.state.year === year)
      .flatMap((l) => pkOfPosition(l.state) ?? []);
    const renstraDecree = planPeriodInForce(planLoaded.state, year)?.decreeNumber ?? null;
    const codes = Object.keys(plan.indicators);
    const years = Array.from(
      { length: year - plan.periodStart + 1 },
      (_, k) => plan.periodStart + k,
    );
    // Every realization stream of the OPD for the period so far, in one round trip.
    const streams = await this.loader.loadMany(
      realizationDecider,
      codes.flatMap((c) => years.map((y) => realizationStreamId(opdId, c, y))),
    );
    const budgetLoaded = await this.loader.load(budgetDecider, budgetStreamId(opdId, year));
    const spendingLoaded = await this.loader.load(
      spendingDecider,
      budgetSpendingStreamId(opdId, year),
    );
    const key = [
      planLoaded.version,
      ...[...pkLoaded].map(([id, l]) => `${id}@${l.version}`),
      budgetLoaded.version,
      spendingLoaded.version,
      JSON.stringify(settings),
      ...[...streams.values()].map((l) => l.version),
    ].join(',');
    const memoKey = `${opdId}:${year}`;
    const hit = this.memo.get(memoKey);
    if (hit && hit.key === key) return hit.value as ReturnType<typeof this.compute>;
    const value = this.compute(
      opdId,
      year,
      plan,
      settings,
      pks,
      renstraDecree,
      streams,
      years,
      budgetLoaded.state,
      spendingLoaded.state,
    );
    this.memo.delete(memoKey);
    this.memo.set(memoKey, { key, value });
    if (this.memo.size > 2000) this.memo.delete(this.memo.keys().next().value!);
    return value;
  }

  private compute(
    opdId: string,
    year: number,
    plan: PlanSnapshot,
    settings: MeasurementSettings,
    pks: readonly PkOfPosition[],
    renstraDecree: string | null,
    streams: Map<string, { state: RealizationState }>,
    years: number[],
    budgetState: BudgetState,
    spending: SpendingState,
  ) {
    const achievementSettings = {
      capaian: { lowerIsBetterMethod: settings.lowerIsBetterMethod },
      ...(settings.predikatScale ? { predikatScale: settings.predikatScale } : {}),
    };
    const stateOf = (code: string, y: number) =>
      streams.get(realizationStreamId(opdId, code, y))!.state;
    const indicators = Object.values(plan.indicators).map((ind) => {
      const state = stateOf(ind.code, year);
      // Capaian and predikat count verified values only; what waits is shown beside them.
      const inForce = streamInForce(state);
      const realizations: Partial<Record<Period, string | null>> = inForce.verified;
      const statuses: Partial<Record<Period, string>> = {};
      for (const p of PERIODS) {
        const v = currentVersion(state, p);
        if (v) statuses[p] = state.locked ? 'locked' : v.status;
      }
      const pk = pkTargetFor(ind, pks);
      const target = targetInForce({
        year,
        renstraTarget: ind.targets.find((t) => t.year === year),
        pkTarget: pk?.target,
        pkOrigin: pk?.origin ?? null,
        renstraOrigin: renstraDecree ? { kind: 'renstra', decreeNumber: renstraDecree } : null,
      });
      const achievement = achievementFor({
        indicator: ind,
        target,
        realizations,
        settings: achievementSettings,
      });
      const history = years
        .filter((y) => y < year)
        .map((y) => ({
          year: y,
          value: lastVerifiedVersion(stateOf(ind.code, y), 'YEAR')?.value ?? null,
        }));
      const warnings = realizationWarnings({
        indicator: ind,
        history,
        value: achievement.year.basis,
        quarters: realizations,
      });
      return {
        indicator: {
          code: ind.code,
          name: ind.name,
          kind: ind.kind,
          satuan: ind.satuan,
          polarity: ind.polarity,
          elementCode: ind.elementCode,
          positionCode: ind.positionCode,
        },
        target,
        /** Verified value per period: the values in force. */
        realizations,
        /** Newest version per period that is not verified yet, marked "belum diverifikasi". */
        unverified: inForce.unverified,
        /** How many periods wait for verification. */
        pending: inForce.pending,
        statuses,
        achievement,
        warnings,
      };
    });
    return {
      opdId,
      year,
      settings,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      indicators,
      programs: this.programs(
        plan.elements,
        indicators,
        settings.efficiencyMethod,
        budgetState,
        spending,
      ),
    };
  }

  /** Efficiency per program: average capaian of its indicators against budget absorption. */
  private programs(
    elements: Record<string, { code: string; level: string; name: string }>,
    rows: {
      indicator: { elementCode: string };
      achievement: { year: { capaian: { computable: boolean; value?: string } } };
    }[],
    method: 'ratio' | 'difference',
    budgetState: BudgetState,
    spending: SpendingState,
  ) {
    const budget = latestBudget(budgetState);
    return Object.values(elements)
      .filter((e) => e.level === 'program')
      .map((p) => {
        const capaianValues = rows
          .filter((r) => r.indicator.elementCode === p.code)
          .map((r) => r.achievement.year.capaian)
          .flatMap((c) => (c.computable && c.value !== undefined ? [c.value] : []));
        const lines = budget?.lines.filter((l) => l.programCode === p.code) ?? [];
        const pagu = lines.length
          ? toDecimalString(sumDecimals(lines.map((l) => toDecimal(l.amount))))
          : null;
        const spent = spentFor(spending, { programCode: p.code });
        return {
          programCode: p.code,
          name: p.name,
          pagu,
          spent,
          budgetDocument: budget?.documentRef ?? null,
          ...programEfficiency({ capaianValues, pagu, spent, method }),
        };
      });
  }

  /** A realization with every version and its status history (old versions stay visible). */
  async realizationDetail(opdId: string, code: string, year: number) {
    const { state } = await this.realization(opdId, code, year);
    return state;
  }

  /** What waits for this verifier: submitted (heads) or head-verified (inspectors). */
  async verificationQueue(opdId: string, level: 'head' | 'inspector') {
    const wanted = level === 'head' ? 'submitted' : 'verified_head';
    const ids = await this.store.streamIds('realization', `real-${opdId}-`);
    const out: {
      opdId: string;
      indicatorCode: string;
      year: number;
      period: Period;
      version: number;
      value: string;
      status: string;
    }[] = [];
    for (const id of ids) {
      const { events } = await this.store.readStream(id);
      const state = fold(realizationDecider, asDomain<RealizationEvent>(events));
      for (const p of PERIODS) {
        const v = currentVersion(state, p);
        if (v && v.status === wanted && !state.locked)
          out.push({
            opdId,
            indicatorCode: state.indicatorCode ?? '',
            year: state.year ?? 0,
            period: p,
            version: v.version,
            value: v.value,
            status: v.status,
          });
      }
    }
    return out;
  }

  async narrative(opdId: string, sasaranCode: string, year: number) {
    return (await this.loader.load(narrativeDecider, narrativeStreamId(opdId, sasaranCode, year)))
      .state;
  }
}
