import {
  diffSnapshots,
  type Indicator,
  type PlanChange,
  type PlanSnapshot,
  type SnapshotDiff,
  type YearTarget,
} from '@sakip/domain';
import { formatNumber } from './format';
import { translate, type Lang } from './i18n';

export type DiffRowKind = 'added' | 'removed' | 'renamed' | 'target' | 'other';
export interface DiffRow {
  kind: DiffRowKind;
  code: string;
  name: string;
  year: number | null;
  from: string;
  to: string;
}

export function targetText(t: YearTarget | null | undefined, lang: Lang): string {
  if (!t) return '–';
  if (t.text) return t.text;
  if (t.min != null || t.max != null)
    return `${formatNumber(t.min ?? null, lang, null)} – ${formatNumber(t.max ?? null, lang, null)}`;
  const v = formatNumber(t.value, lang, null);
  return t.unit ? `${v} ${t.unit}` : v;
}

/** Flattens a snapshot diff into rows a table shows: added, removed, renamed, target old → new. */
export function presentDiff(diff: SnapshotDiff, lang: Lang): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const a of diff.added)
    rows.push({
      kind: 'added',
      code: a.code,
      name: a.name,
      year: null,
      from: '–',
      to: a.targets.map((t) => `${t.year}: ${targetText(t, lang)}`).join('; ') || '–',
    });
  for (const r of diff.removed)
    rows.push({ kind: 'removed', code: r.code, name: r.name, year: null, from: r.name, to: '–' });
  for (const r of diff.renamed)
    rows.push({ kind: 'renamed', code: r.code, name: r.to, year: null, from: r.from, to: r.to });
  for (const t of diff.targetChanged)
    rows.push({
      kind: 'target',
      code: t.code,
      name: t.name,
      year: t.year,
      from: targetText(t.from, lang),
      to: targetText(t.to, lang),
    });
  for (const o of diff.otherChanged)
    rows.push({
      kind: 'other',
      code: o.code,
      name: '',
      year: null,
      from: '',
      to: o.fields.join(', '),
    });
  const order: Record<DiffRowKind, number> = {
    added: 0,
    removed: 1,
    renamed: 2,
    target: 3,
    other: 4,
  };
  return rows.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      a.code.localeCompare(b.code, 'id', { numeric: true }) ||
      (a.year ?? 0) - (b.year ?? 0),
  );
}

export function diffLabel(kind: DiffRowKind, lang: Lang): string {
  return translate(
    lang,
    kind === 'target' ? 'diff.target' : kind === 'other' ? 'diff.other' : (`diff.${kind}` as const),
  );
}

export function diffCounts(rows: DiffRow[]): Record<DiffRowKind, number> {
  const c: Record<DiffRowKind, number> = { added: 0, removed: 0, renamed: 0, target: 0, other: 0 };
  for (const r of rows) c[r.kind] += 1;
  return c;
}

/** The withdraw key of a draft change (the same as the domain's changeKey). */
export function draftChangeKey(c: PlanChange): string {
  return c.kind === 'element'
    ? `element:${c.element.code}`
    : `indicator:${c.kind === 'indicator' ? c.indicator.code : c.code}`;
}

/** One line describing a draft change: what it touches and its name or reason. */
export function describeChange(
  c: PlanChange,
  lang: Lang,
): { kind: string; code: string; text: string } {
  if (c.kind === 'element')
    return {
      kind: translate(lang, 'sk.change.element'),
      code: c.element.code,
      text: `${c.element.level} · ${c.element.name}`,
    };
  if (c.kind === 'indicator')
    return {
      kind: translate(lang, 'sk.change.indicator'),
      code: c.indicator.code,
      text: `${c.indicator.name}${c.indicator.targets.length ? ` (${c.indicator.targets.map((t) => `${t.year}: ${targetText(t, lang)}`).join('; ')})` : ''}`,
    };
  return { kind: translate(lang, 'sk.change.retire'), code: c.code, text: c.reason };
}

export function blankIndicator(code: string): Indicator {
  return {
    code,
    kind: 'iku',
    elementCode: '',
    positionCode: null,
    name: '',
    definition: null,
    formulaText: null,
    formula: null,
    satuan: '',
    polarity: 'higher_better',
    sumberData: null,
    penanggungJawab: null,
    dataPeriod: 'yearly',
    rollup: 'last',
    baseline: null,
    targets: [],
    cascadeTo: null,
  };
}

export function diffRows(before: PlanSnapshot, after: PlanSnapshot, lang: Lang): DiffRow[] {
  return presentDiff(diffSnapshots(before, after), lang);
}
