import { auditLogProjection } from './projections/audit-log';
import { opdTreeProjection } from './projections/opd-tree';
import type { Projection } from './types';

/** Every projection the projector runs. Add new read models here. */
export const projections: readonly Projection[] = [opdTreeProjection, auditLogProjection];

export function findProjection(name: string, list: readonly Projection[] = projections): Projection {
  const p = list.find((x) => x.name === name);
  if (!p) throw new Error(`unknown projection '${name}' (known: ${list.map((x) => x.name).join(', ')})`);
  return p;
}
