import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { registerRegionInput, registerUserInput } from '@sakip/contracts';
import { regionUseCases, userUseCases, type UseCase } from '@sakip/application';
import { EXAMPLES_DIR } from '@sakip/importer';
import { importFile } from './import-file';
import type { DomainEvent, RoleBinding } from '@sakip/domain';
import { regions } from '@sakip/fixtures';
import type { CliRuntime } from '../runtime';
import { parseInput } from '../parse-input';

export const DEMO_PASSWORD = 'sakip-demo-2026';

export const DEMO_USERS: { username: string; displayName: string; binding: RoleBinding }[] = [
  {
    username: 'admin.lampung',
    displayName: 'Admin Provinsi Lampung',
    binding: { role: 'province_admin', scope: { level: 'province', code: '18' } },
  },
  {
    username: 'admin.lambar',
    displayName: 'Admin Kabupaten Lampung Barat',
    binding: { role: 'region_admin', scope: { level: 'region', code: '18.04' } },
  },
  {
    username: 'operator.diskoperindag',
    displayName: 'Operator Diskoperindag Lampung Barat',
    binding: { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISKOPERINDAG' } },
  },
  {
    username: 'kadis.diskoperindag',
    displayName: 'Kepala Diskoperindag Lampung Barat',
    binding: { role: 'opd_head', scope: { level: 'opd', code: '18.04-DISKOPERINDAG' } },
  },
  {
    username: 'inspektur.lambar',
    displayName: 'Inspektorat Kabupaten Lampung Barat',
    binding: { role: 'inspector', scope: { level: 'region', code: '18.04' } },
  },
  {
    username: 'viewer.nasional',
    displayName: 'Pemantau Nasional',
    binding: { role: 'viewer', scope: { level: 'national', code: '' } },
  },
];

/** A UUID derived from a name, so running the seed again replays instead of duplicating. */
export function demoCommandId(name: string): string {
  const h = createHash('sha1').update(`sakip-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * The demo is loaded the way a province would onboard: by importing the template files in
 * packages/importer/examples (organisation, then each decree). The Bandar Lampung amendment
 * follows a clearly labelled illustrative decree, because its source prints no earlier one.
 */
export const DEMO_FILES = [
  'organisasi-demo.xlsx',
  'sk-lampung-barat-050-18-2023.xlsx',
  'sk-bengkulu-selatan-2024.xlsx',
  'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
  'sk-bandar-lampung-perubahan-121-2021.xlsx',
  'realisasi-lampung-barat-2024.xlsx',
  'narasi-lampung-barat-2024.xlsx',
  'serapan-lampung-barat-2024.xlsx',
] as const;

export interface SeedSummary {
  written: number;
  replayed: number;
}

export async function demoSeed(rt: CliRuntime, out: (line: string) => void): Promise<SeedSummary> {
  const summary: SeedSummary = { written: 0, replayed: 0 };
  const run = async <I, C, E extends DomainEvent, S>(
    key: string,
    useCase: UseCase<I, C, E, S>,
    input: I,
  ): Promise<void> => {
    const r = await rt.executor.execute(useCase, input, rt.context(demoCommandId(key)));
    summary[r.replayed || r.eventIds.length === 0 ? 'replayed' : 'written'] += 1;
  };

  for (const p of regions.provinces) {
    await run(
      `region:${p.code}`,
      regionUseCases.registerRegion,
      parseInput(registerRegionInput, { ...p, codeEdition: regions.codeEdition }),
    );
  }
  for (const r of regions.regions) {
    await run(
      `region:${r.code}`,
      regionUseCases.registerRegion,
      parseInput(registerRegionInput, {
        code: r.code,
        name: r.name,
        codeEdition: regions.codeEdition,
      }),
    );
  }
  for (const file of DEMO_FILES) {
    const outcome = await importFile(rt.sql, join(EXAMPLES_DIR, file), {
      dryRun: false,
      progress: () => {},
    });
    if (!outcome.ok) throw new Error(`demo import ${file} failed:\n${outcome.lines.join('\n')}`);
    out(`${file}: ${outcome.lines[0] ?? ''}`);
    summary[outcome.report?.eventsWritten ? 'written' : 'replayed'] += 1;
  }
  for (const u of DEMO_USERS) {
    await run(
      `user:${u.username}`,
      userUseCases.registerUser,
      parseInput(registerUserInput, {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        bindings: [u.binding],
      }),
    );
  }
  out(`demo data: ${summary.written} commands written, ${summary.replayed} already present`);
  return summary;
}
