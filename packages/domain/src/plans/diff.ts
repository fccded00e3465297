import { deepEqual } from '../shared/equal';
import type { PlanSnapshot } from './snapshot';
import type { Indicator, YearTarget } from './types';

export interface TargetChange {
  code: string;
  name: string;
  year: number;
  from: YearTarget | null;
  to: YearTarget | null;
}

export interface SnapshotDiff {
  added: Indicator[];
  removed: Indicator[];
  renamed: { code: string; from: string; to: string }[];
  targetChanged: TargetChange[];
  /** Other definition fields that changed (formula, satuan, polarity …), by indicator. */
  otherChanged: { code: string; fields: string[] }[];
}

const FIELDS: (keyof Indicator)[] = [
  'kind',
  'elementCode',
  'positionCode',
  'definition',
  'formulaText',
  'formula',
  'satuan',
  'polarity',
  'sumberData',
  'penanggungJawab',
  'dataPeriod',
  'rollup',
  'baseline',
  'cascadeTo',
];
const same = deepEqual;

/** What changed from one decree's indicator set to another's (added, removed, renamed, target old → new). */
export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot): SnapshotDiff {
  const diff: SnapshotDiff = {
    added: [],
    removed: [],
    renamed: [],
    targetChanged: [],
    otherChanged: [],
  };
  for (const [code, a] of Object.entries(after.indicators)) {
    const b = before.indicators[code];
    if (!b) {
      diff.added.push(a);
      continue;
    }
    if (b.name !== a.name) diff.renamed.push({ code, from: b.name, to: a.name });
    const years = [...new Set([...b.targets, ...a.targets].map((t) => t.year))].sort();
    for (const year of years) {
      const from = b.targets.find((t) => t.year === year) ?? null;
      const to = a.targets.find((t) => t.year === year) ?? null;
      if (!same(from, to)) diff.targetChanged.push({ code, name: a.name, year, from, to });
    }
    const fields = FIELDS.filter((f) => !same(a[f], b[f]));
    if (fields.length) diff.otherChanged.push({ code, fields });
  }
  for (const [code, b] of Object.entries(before.indicators))
    if (!after.indicators[code]) diff.removed.push(b);
  return diff;
}
