// PK targets must repeat the Renstra targets for that year. A difference is flagged, not
// hidden or "fixed": the evaluator decides whether the PK or the Renstra is wrong.
import { tryDecimal } from '../measurement';
import type { PkTargetInput } from './pk.decider';

/**
 * The part of a Renstra year target we compare. Structural on purpose: the plans module's
 * YearTarget (value/text plus year, min, max, unit) fits without a dependency on its churn.
 */
export interface RenstraTargetValue {
  value: string | null;
  text?: string | null;
}

export type PkConflictKind =
  'value_differs' | 'text_differs' | 'missing_in_renstra' | 'missing_in_pk';

export interface PkTargetConflict {
  indicatorCode: string;
  pkValue: string | null;
  renstraValue: string | null;
  kind: PkConflictKind;
}

const norm = (s: string | null | undefined): string | null => {
  const t = s?.trim().replace(/\s+/g, ' ').toLowerCase();
  return t ? t : null;
};

function sameValue(a: string, b: string): boolean {
  const x = tryDecimal(a);
  const y = tryDecimal(b);
  return x !== null && y !== null ? x.equals(y) : a.trim() === b.trim();
}

/**
 * Compares the PK's targets with the Renstra targets of the same year (keyed by indicator
 * code). Numbers compare as decimals ("30" = "30.00"); qualitative targets (value null on both
 * sides) compare by text. Indicators with a Renstra target but no PK target are reported too;
 * `undefined` entries mean "no Renstra target" and are only reported when the PK has one.
 * Order: PK order, then Renstra-only codes sorted.
 */
export function pkTargetConflicts(
  pkTargets: readonly PkTargetInput[],
  renstraTargets: Readonly<Record<string, RenstraTargetValue | undefined>>,
): PkTargetConflict[] {
  const out: PkTargetConflict[] = [];
  const inPk = new Set<string>();
  for (const t of pkTargets) {
    inPk.add(t.indicatorCode);
    const pkValue = t.value?.trim() || null;
    const r = renstraTargets[t.indicatorCode];
    if (r === undefined) {
      out.push({
        indicatorCode: t.indicatorCode,
        pkValue,
        renstraValue: null,
        kind: 'missing_in_renstra',
      });
      continue;
    }
    const renstraValue = r.value?.trim() || null;
    if (pkValue === null && renstraValue === null) {
      if (norm(t.text) !== norm(r.text))
        out.push({ indicatorCode: t.indicatorCode, pkValue, renstraValue, kind: 'text_differs' });
    } else if (pkValue === null || renstraValue === null) {
      out.push({
        indicatorCode: t.indicatorCode,
        pkValue,
        renstraValue,
        kind: pkValue === null ? 'missing_in_pk' : 'missing_in_renstra',
      });
    } else if (!sameValue(pkValue, renstraValue)) {
      out.push({ indicatorCode: t.indicatorCode, pkValue, renstraValue, kind: 'value_differs' });
    }
  }
  for (const code of Object.keys(renstraTargets).sort()) {
    const r = renstraTargets[code];
    if (inPk.has(code) || r === undefined) continue;
    out.push({
      indicatorCode: code,
      pkValue: null,
      renstraValue: r.value?.trim() || null,
      kind: 'missing_in_pk',
    });
  }
  return out;
}
