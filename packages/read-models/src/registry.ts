import { auditLogProjection } from './projections/audit-log';
import { budgetProjection } from './projections/budget';
import { comparisonProjection } from './projections/comparison';
import { decreesProjection } from './projections/decrees';
import { indicatorsProjection } from './projections/indicators';
import { opdTreeProjection } from './projections/opd-tree';
import { realizationsProjection } from './projections/realizations';
import type { Projection } from './types';

/** Every projection the projector runs. Add new read models here. */
export const projections: readonly Projection[] = [
  opdTreeProjection,
  auditLogProjection,
  indicatorsProjection,
  decreesProjection,
  realizationsProjection,
  comparisonProjection,
  budgetProjection,
];

export function findProjection(
  name: string,
  list: readonly Projection[] = projections,
): Projection {
  const p = list.find((x) => x.name === name);
  if (!p)
    throw new Error(`unknown projection '${name}' (known: ${list.map((x) => x.name).join(', ')})`);
  return p;
}
