// Small row checks shared by the realisasi, narasi and serapan templates.
import { isOpdId } from '@sakip/domain';
import type { RowCtx } from './table';

/** The required id_opd cell, or null (problem filed) when empty or malformed. */
export function opdIdOf(ctx: RowCtx, cache: Map<string, boolean>): string | null {
  const opdId = ctx.required('id_opd');
  if (opdId === null) return null;
  let valid = cache.get(opdId);
  if (valid === undefined) {
    valid = isOpdId(opdId);
    cache.set(opdId, valid);
  }
  if (!valid) {
    ctx.problem(
      'id_opd',
      `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}'`,
    );
    return null;
  }
  return opdId;
}

/** Files a duplicate problem the second time `key` is seen; true when the row is new. */
export function firstOccurrence(
  seen: Map<string, number>,
  key: string,
  ctx: RowCtx,
  column: string,
  id: string,
  en: string,
): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    ctx.problem(
      column,
      `${id} ganda (sama dengan baris ${first}) / duplicate ${en} (same as row ${first})`,
    );
    return false;
  }
  seen.set(key, ctx.rowNumber);
  return true;
}
