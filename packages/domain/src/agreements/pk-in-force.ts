// Which Perjanjian Kinerja sets an indicator's target when several jabatan signed one for the
// year. The PK of the position that owns the indicator wins (an IKI's jabatan; the Kepala Dinas
// for an IKU); otherwise the Kepala Dinas PK, then the other positions by code, so the choice
// never depends on the order the PKs were read in.
import type { Indicator } from '../plans/types';
import type { TargetOrigin } from '../realizations/achievement';
import { currentPk, type PkState, type PkTarget } from './pk.decider';

export const HEAD_POSITION = 'KADIS';

/** One signed PK of the year as far as targets are concerned: its revision in force. */
export interface PkOfPosition {
  year: number;
  positionCode: string;
  /** The jabatan of the first party, as the PK words it. */
  position: string;
  revision: number;
  targets: readonly PkTarget[];
}

/** The signed PK in force of a PK stream, or null before signing. */
export function pkOfPosition(state: PkState): PkOfPosition | null {
  const current = currentPk(state);
  if (state.status !== 'signed' || !current) return null;
  return {
    year: state.year,
    positionCode: state.positionCode,
    position: state.firstParty?.position ?? state.positionCode,
    revision: current.revision,
    targets: current.targets,
  };
}

/** The position whose PK speaks first for an indicator. */
export function owningPosition(ind: Pick<Indicator, 'kind' | 'positionCode'>): string | null {
  if (ind.kind === 'iki') return ind.positionCode;
  if (ind.kind === 'iku') return HEAD_POSITION;
  return null;
}

function rank(pk: PkOfPosition, owner: string | null): [number, string] {
  if (pk.positionCode === owner) return [0, ''];
  if (pk.positionCode === HEAD_POSITION) return [1, ''];
  return [2, pk.positionCode];
}

/** The PK target in force for an indicator and the document it comes from, or null. */
export function pkTargetFor(
  ind: Pick<Indicator, 'code' | 'kind' | 'positionCode'>,
  pks: readonly PkOfPosition[],
): { target: PkTarget; origin: Extract<TargetOrigin, { kind: 'pk' }> } | null {
  const owner = owningPosition(ind);
  let best: { pk: PkOfPosition; target: PkTarget; rank: [number, string] } | null = null;
  for (const pk of pks) {
    const target = pk.targets.find((t) => t.indicatorCode === ind.code);
    if (!target) continue;
    const r = rank(pk, owner);
    if (best === null || r[0] < best.rank[0] || (r[0] === best.rank[0] && r[1] < best.rank[1]))
      best = { pk, target, rank: r };
  }
  if (!best) return null;
  const { pk, target } = best;
  return {
    target,
    origin: {
      kind: 'pk',
      year: pk.year,
      positionCode: pk.positionCode,
      position: pk.position,
      revision: pk.revision,
    },
  };
}
