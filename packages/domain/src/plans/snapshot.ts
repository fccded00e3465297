import type { DecreeInfo, Indicator, PlanElement } from './types';

/** One change a decree makes; a draft collects them, enactment applies them all at once. */
export type PlanChange =
  | { kind: 'element'; element: PlanElement }
  | { kind: 'indicator'; indicator: Indicator }
  | { kind: 'retire'; code: string; reason: string };

export const changeKey = (c: PlanChange): string =>
  c.kind === 'element'
    ? `element:${c.element.code}`
    : `indicator:${c.kind === 'indicator' ? c.indicator.code : c.code}`;

export interface DecreeRecord {
  decreeId: string;
  info: DecreeInfo;
  status: 'draft' | 'enacted';
  /** Changes keyed by changeKey, in the order first recorded. */
  changes: Record<string, PlanChange>;
  order: string[];
  /** Position in the enactment order (1-based), null while draft. */
  sequence: number | null;
}

/** The indicator set and Renstra as they stand after a given decree. */
export interface PlanSnapshot {
  periodStart: number;
  periodEnd: number;
  /** Decrees applied, oldest first; the last one is "in force" for this snapshot. */
  decreeIds: string[];
  elements: Record<string, PlanElement>;
  indicators: Record<string, Indicator>;
}

export const periodKey = (info: Pick<DecreeInfo, 'periodStart' | 'periodEnd'>): string =>
  `${info.periodStart}-${info.periodEnd}`;

export function applyChanges(snapshot: PlanSnapshot, decree: DecreeRecord): PlanSnapshot {
  const elements = { ...snapshot.elements };
  const indicators = { ...snapshot.indicators };
  for (const key of decree.order) {
    const c = decree.changes[key];
    if (!c) continue;
    if (c.kind === 'element') elements[c.element.code] = c.element;
    else if (c.kind === 'indicator') indicators[c.indicator.code] = c.indicator;
    else delete indicators[c.code];
  }
  return { ...snapshot, decreeIds: [...snapshot.decreeIds, decree.decreeId], elements, indicators };
}

export const emptySnapshot = (
  info: Pick<DecreeInfo, 'periodStart' | 'periodEnd'>,
): PlanSnapshot => ({
  periodStart: info.periodStart,
  periodEnd: info.periodEnd,
  decreeIds: [],
  elements: {},
  indicators: {},
});
