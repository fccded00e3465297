// The walk of docs/reports.md ("Draft, verification, final report") on the demo data: the
// demo OPD's LKjIP is a draft with its marks; once the operator submits, the head verifies
// (and the Inspektorat where the pemda requires it) and the report is finalised, the same
// report has no marks.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  CommandExecutor,
  realizationUseCases,
  StateLoader,
  type Actor,
} from '@sakip/application';
import { currentVersion, PERIODS, realizationDecider } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';

const run = promisify(execFile);
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const OPD = '18.04-DISKOPERINDAG';
let db: TestDatabase;
let storage: string;

const sakip = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent', STORAGE_DIR: storage },
  });

async function pdfText(dir: string): Promise<string[]> {
  const pdf = (await readdir(dir)).find((f) => f.endsWith('.pdf'))!;
  const { stdout } = await run('pdftotext', ['-layout', join(dir, pdf), '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\f').filter((p, k, all) => k < all.length - 1 || p.trim() !== '');
}

async function report(...extra: string[]): Promise<{ stdout: string; pages: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'sakip-walk-'));
  const { stdout } = await sakip(
    'report',
    'lkjip',
    '--opd',
    OPD,
    '--year',
    '2024',
    '--out',
    dir,
    '--format',
    'pdf',
    ...extra,
  );
  return { stdout, pages: await pdfText(dir) };
}

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  storage = await mkdtemp(join(tmpdir(), 'sakip-walk-store-'));
  await sakip('db', 'migrate');
  await sakip('demo', 'seed');
}, 180_000);
afterAll(async () => db?.drop());

/** Each realization of the OPD through the workflow, by the demo user whose step it is. */
async function verifyAsTheUsers(): Promise<string[]> {
  const store = new EventStore(db.sql);
  const executor = new CommandExecutor(store);
  const loader = new StateLoader(store);
  const who = async (username: string): Promise<Actor> => (await actorFor(loader, username))!;
  const operator = await who('operator.diskoperindag');
  const head = await who('kadis.diskoperindag');
  const inspector = await who('inspektur.lambar');
  const steps: string[] = [];
  for (const streamId of await store.streamIds('realization', `real-${OPD}-`)) {
    for (let guard = 0; guard < 3 * PERIODS.length; guard++) {
      const { state } = await new StateLoader(store).load(realizationDecider, streamId);
      const open = PERIODS.map((p) => ({ p, v: currentVersion(state, p) })).find(
        ({ v }) => v && v.status !== 'verified',
      );
      if (!open || state.locked) break;
      const key = {
        opdId: OPD,
        indicatorCode: state.indicatorCode!,
        year: state.year!,
        period: open.p,
      };
      const context = (actor: Actor) => ({
        actor,
        commandId: randomUUID(),
        correlationId: randomUUID(),
      });
      const status = open.v!.status;
      if (status === 'draft' || status === 'returned') {
        await executor.execute(realizationUseCases.submitRealization, key, context(operator));
        steps.push(`${key.indicatorCode} ${open.p}: submitted`);
      } else if (status === 'submitted') {
        await executor.execute(
          realizationUseCases.verifyRealization,
          { ...key, level: 'head' },
          context(head),
        );
        steps.push(`${key.indicatorCode} ${open.p}: verified by the head`);
      } else {
        await executor.execute(
          realizationUseCases.verifyRealization,
          { ...key, level: 'inspector' },
          context(inspector),
        );
        steps.push(`${key.indicatorCode} ${open.p}: verified by the inspectorate`);
      }
    }
  }
  return steps;
}

describe('demo walk: draft report, verification, final report', () => {
  it('the demo OPD’s report is a draft with its marks, and has none once verified and finalised', async () => {
    const draft = await report();
    expect(draft.stdout).toContain('DRAF / draft');
    expect(draft.pages[0]).toMatch(/^\s*DRAF\s*$/m);
    expect(draft.pages[0]).toContain('belum diverifikasi');
    draft.pages.forEach((p, k) => expect(p, `page ${k + 1}`).toContain('DRAF · LKjIP 2024'));
    const text = draft.pages.join('\n');
    expect(text).toContain('[belum diverifikasi]');
    expect(text).toContain('Lampiran 4. Nilai yang Belum Diverifikasi');

    const steps = await verifyAsTheUsers();
    expect(steps.some((s) => s.endsWith('verified by the head'))).toBe(true);

    // No PK in the demo names the head, so the finaliser names the signer.
    const refused = await report('--date', '2025-02-14').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('finalise.signer') });

    const final = await report(
      '--date',
      '2025-02-14',
      '--place',
      'Liwa',
      '--signer-name',
      'Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan',
      '--signer-position',
      'Kepala Dinas',
    );
    expect(final.stdout).toMatch(/final: Liwa, 2025-02-14/);
    const all = final.pages.join('\n');
    for (const mark of ['DRAF', 'belum diverifikasi', 'Nilai yang Belum Diverifikasi'])
      expect(all).not.toContain(mark);
    expect(all).toContain('Liwa, 14 Februari 2025');
  }, 300_000);
});
