import { carryOverComparisons, type CarryOverReport, type CarryOverSkip } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { InputError } from '../parse-input';
import type { CliRuntime } from '../runtime';

const WHY: Record<CarryOverSkip, (owners: string[]) => string> = {
  no_owner: () =>
    'tidak menyebut OPD mana pun (dicatat pengguna provinsi di luar impor); catat ulang dengan id OPD / names no OPD (recorded by a province user outside an import); record it again with the OPD id',
  several_owners: (owners) =>
    `menyebut beberapa OPD (${owners.join(', ')}); catat ulang dengan id OPD / names several OPDs (${owners.join(', ')}); record it again with the OPD id`,
  superseded: (owners) =>
    `${owners.join(', ')} sudah mencatat angka cakupan ini dengan kuncinya sendiri; angka itu yang berlaku / ${owners.join(', ')} already recorded this scope under its own key; that figure stays in force`,
};

const scopeOf = (f: { scope: string; code: string }) =>
  f.scope === 'national' ? 'nasional/national' : `provinsi/province ${f.code}`;

/** The lines an operator reads: what was carried, what was not and why, and the totals. */
export function carryOverLines(r: CarryOverReport): string[] {
  const verb = r.dryRun ? 'akan dipindahkan / would be carried over' : 'dipindahkan / carried over';
  const lines = [
    ...(r.dryRun ? ['uji coba: tidak ada yang ditulis / dry run: nothing is written'] : []),
    ...r.carried.map(
      (f) =>
        `${verb}: ${f.opdId} ${f.indicatorKey} ${f.year} ${scopeOf(f)} = ${f.value} (${f.source}) ← ${f.fromStreamId}`,
    ),
    ...r.uncarried.map(
      (f) =>
        `tidak dipindahkan / not carried over: ${f.fromStreamId} ${scopeOf(f)} = ${f.value} (${f.source}): ${WHY[f.reason](f.owners)}`,
    ),
  ];
  lines.push(
    `angka pembanding / comparison figures: ${r.carried.length} ${verb}, ${r.uncarried.length} tidak dipindahkan / not carried over, ${r.alreadyCarried} sudah dipindahkan sebelumnya / carried over before; ${r.eventsWritten} peristiwa ditulis / events written`,
  );
  return lines;
}

/** `sakip comparisons carry-over [--province PP] [--dry-run]`. */
export async function comparisonsCarryOver(
  rt: CliRuntime,
  o: { province?: string; dryRun?: boolean },
): Promise<string[]> {
  if (o.province !== undefined && !/^\d{2}$/.test(o.province))
    throw new InputError([
      `province: kode provinsi harus 2 angka / the province code must be 2 digits: '${o.province}'`,
    ]);
  const report = await carryOverComparisons(rt.executor, new EventStore(rt.sql), {
    dryRun: o.dryRun ?? false,
    ...(o.province !== undefined ? { provinceCode: o.province } : {}),
    context: () => rt.context(),
  });
  return carryOverLines(report);
}
