// An OPD's year as a report prints it: targets in force and budgets from AchievementQueries,
// capaian, predikat, warnings and efficiency computed by the domain's rules from the values
// the report counts (the last verified version of each period; see verified.ts).
import { type AchievementQueries, planInForce, type StateLoader } from '@sakip/application';
import {
  achievementFor,
  programEfficiency,
  realizationDecider,
  realizationStreamId,
  realizationWarnings,
} from '@sakip/domain';
import { reportValues, type UnverifiedEntry } from './verified';

type OpdYear = NonNullable<Awaited<ReturnType<AchievementQueries['opdYear']>>>;
type Row = OpdYear['indicators'][number];

export interface MeasuredIndicator extends Omit<
  Row,
  'realizations' | 'achievement' | 'warnings' | 'unverified'
> {
  realizations: Row['realizations'];
  achievement: Row['achievement'];
  warnings: Row['warnings'];
  unverified: UnverifiedEntry[];
}

export interface MeasuredYear extends Omit<OpdYear, 'indicators' | 'programs'> {
  indicators: MeasuredIndicator[];
  programs: OpdYear['programs'];
}

export async function measuredYear(
  loader: StateLoader,
  achievements: AchievementQueries,
  opdId: string,
  year: number,
): Promise<MeasuredYear | null> {
  const ay = await achievements.opdYear(opdId, year);
  const plan = await planInForce(loader, opdId, year);
  if (!ay || !plan) return null;
  const settings = {
    capaian: { lowerIsBetterMethod: ay.settings.lowerIsBetterMethod },
    ...(ay.settings.predikatScale ? { predikatScale: ay.settings.predikatScale } : {}),
  };
  const codes = ay.indicators.map((r) => r.indicator.code);
  const years = Array.from({ length: year - plan.periodStart + 1 }, (_, k) => plan.periodStart + k);
  const streams = await loader.loadMany(
    realizationDecider,
    codes.flatMap((c) => years.map((y) => realizationStreamId(opdId, c, y))),
  );
  const valuesOf = (code: string, y: number) => {
    const loaded = streams.get(realizationStreamId(opdId, code, y));
    return loaded
      ? reportValues(loaded.state)
      : { realizations: {}, unverified: [] as UnverifiedEntry[] };
  };
  const indicators = ay.indicators.map((row): MeasuredIndicator => {
    const def = plan.indicators[row.indicator.code];
    const { realizations, unverified } = valuesOf(row.indicator.code, year);
    if (!def) return { ...row, realizations, unverified };
    const achievement = achievementFor({
      indicator: def,
      target: row.target,
      realizations,
      settings,
    });
    const history = years
      .filter((y) => y < year)
      .map((y) => ({
        year: y,
        value: valuesOf(row.indicator.code, y).realizations.YEAR ?? null,
      }));
    const warnings = realizationWarnings({
      indicator: def,
      history,
      value: achievement.year.basis,
      quarters: realizations,
    });
    return { ...row, realizations, achievement, warnings, unverified };
  });
  const programs = ay.programs.map((p) => {
    const capaianValues = indicators
      .filter((i) => i.indicator.elementCode === p.programCode)
      .map((i) => i.achievement.year.capaian)
      .flatMap((c) => (c.computable ? [c.value] : []));
    return {
      ...p,
      ...programEfficiency({
        capaianValues,
        pagu: p.pagu,
        spent: p.spent,
        method: ay.settings.efficiencyMethod,
      }),
    };
  });
  return { ...ay, indicators, programs };
}
