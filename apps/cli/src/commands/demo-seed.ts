import { createHash } from 'node:crypto';
import { addPositionInput, addUnitInput, registerOpdInput, registerRegionInput, registerUserInput } from '@sakip/contracts';
import { opdUseCases, regionUseCases, userUseCases, type UseCase } from '@sakip/application';
import type { DomainEvent, RoleBinding } from '@sakip/domain';
import { decreeFixtures, regions, type FixtureUnit } from '@sakip/fixtures';
import type { CliRuntime } from '../runtime';
import { parseInput } from '../parse-input';

export const DEMO_PASSWORD = 'sakip-demo-2026';

export const DEMO_USERS: { username: string; displayName: string; binding: RoleBinding }[] = [
  { username: 'admin.lampung', displayName: 'Admin Provinsi Lampung', binding: { role: 'province_admin', scope: { level: 'province', code: '18' } } },
  { username: 'admin.lambar', displayName: 'Admin Kabupaten Lampung Barat', binding: { role: 'region_admin', scope: { level: 'region', code: '18.04' } } },
  { username: 'operator.diskoperindag', displayName: 'Operator Diskoperindag Lampung Barat', binding: { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISKOPERINDAG' } } },
  { username: 'kadis.diskoperindag', displayName: 'Kepala Diskoperindag Lampung Barat', binding: { role: 'opd_head', scope: { level: 'opd', code: '18.04-DISKOPERINDAG' } } },
  { username: 'inspektur.lambar', displayName: 'Inspektorat Kabupaten Lampung Barat', binding: { role: 'inspector', scope: { level: 'region', code: '18.04' } } },
  { username: 'viewer.nasional', displayName: 'Pemantau Nasional', binding: { role: 'viewer', scope: { level: 'national', code: '' } } },
];

/** A UUID derived from a name, so running the seed again replays instead of duplicating. */
export function demoCommandId(name: string): string {
  const h = createHash('sha1').update(`sakip-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Parents before children, so every unit's parent exists when it is added. */
function parentsFirst(units: readonly FixtureUnit[]): FixtureUnit[] {
  const done = new Set<string>();
  const out: FixtureUnit[] = [];
  const visit = (u: FixtureUnit): void => {
    if (done.has(u.code)) return;
    const parent = u.parentCode ? units.find((p) => p.code === u.parentCode) : undefined;
    if (parent) visit(parent);
    done.add(u.code);
    out.push(u);
  };
  units.forEach(visit);
  return out;
}

export interface SeedSummary {
  written: number;
  replayed: number;
}

export async function demoSeed(rt: CliRuntime, out: (line: string) => void): Promise<SeedSummary> {
  const summary: SeedSummary = { written: 0, replayed: 0 };
  const run = async <I, C, E extends DomainEvent, S>(key: string, useCase: UseCase<I, C, E, S>, input: I): Promise<void> => {
    const r = await rt.executor.execute(useCase, input, rt.context(demoCommandId(key)));
    summary[r.replayed || r.eventIds.length === 0 ? 'replayed' : 'written'] += 1;
  };

  for (const p of regions.provinces) {
    await run(`region:${p.code}`, regionUseCases.registerRegion, parseInput(registerRegionInput, { ...p, codeEdition: regions.codeEdition }));
  }
  for (const r of regions.regions) {
    await run(`region:${r.code}`, regionUseCases.registerRegion, parseInput(registerRegionInput, { code: r.code, name: r.name, codeEdition: regions.codeEdition }));
  }
  for (const f of decreeFixtures) {
    const opdId = `${f.region.regionCode}-${f.opd.code}`;
    await run(`opd:${opdId}`, opdUseCases.registerOpd, parseInput(registerOpdInput, { regionCode: f.region.regionCode, code: f.opd.code, name: f.opd.name }));
    for (const u of parentsFirst(f.units)) {
      await run(`unit:${opdId}:${u.code}`, opdUseCases.addUnit, parseInput(addUnitInput, { opdId, code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode ?? null }));
    }
    for (const p of f.positions) {
      await run(
        `position:${opdId}:${p.code}`,
        opdUseCases.addPosition,
        parseInput(addPositionInput, { opdId, code: p.code, title: p.title, unitCode: p.unitCode ?? null, tugas: p.tugas ?? '', fungsi: p.fungsi }),
      );
    }
    out(`OPD ${opdId}: ${f.units.length} units, ${f.positions.length} positions`);
  }
  for (const u of DEMO_USERS) {
    await run(
      `user:${u.username}`,
      userUseCases.registerUser,
      parseInput(registerUserInput, { username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, bindings: [u.binding] }),
    );
  }
  out(`demo data: ${summary.written} commands written, ${summary.replayed} already present`);
  return summary;
}
