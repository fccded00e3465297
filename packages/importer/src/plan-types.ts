// The plan shapes the import must produce, from @sakip/domain (plans/types.ts). `Target` is the
// domain's YearTarget.
export type {
  Baseline,
  DataPeriod,
  DecreeInfo,
  DecreeKind,
  ElementLevel,
  Indicator,
  IndicatorKind,
  PlanElement,
  Polarity,
  RollupRule,
  Signer,
  YearTarget,
  YearTarget as Target,
} from '@sakip/domain';
