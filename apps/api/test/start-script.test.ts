// `npm start` end to end: the platform started by infra/dev/start.mjs (the script behind
// `npm start`), an LKjIP requested over tRPC, rendered by the reporter and downloaded from the
// API. The reporter and the API run in different working directories; the download only works
// when both use the same storage root.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  dropRedisPrefix,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@sakip/testing';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const OPD = '18.04-DISKOPERINDAG';
const YEAR = 2024;
const prefix = `test-start-${randomUUID().slice(0, 8)}`;

let db: TestDatabase;
let platform: ChildProcess | null = null;
let exited: Promise<number | null> = Promise.resolve(null);
let output = '';

/** A port nobody listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function stopPlatform(): Promise<void> {
  if (!platform?.pid || platform.exitCode !== null) return;
  // The whole process group: start.mjs and every app it spawned.
  process.kill(-platform.pid, 'SIGTERM');
  const done = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 15_000)),
  ]);
  if (!done) process.kill(-platform.pid, 'SIGKILL');
  // Apps still shutting down after the script exited.
  await new Promise((r) => setTimeout(r, 1_000));
  try {
    process.kill(-platform.pid, 'SIGKILL');
  } catch {
    /* the group is gone */
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
}, 60_000);

afterAll(async () => {
  await stopPlatform();
  await dropRedisPrefix(prefix);
  await db?.drop();
}, 60_000);

interface TrpcResult<T> {
  result?: { data: T };
  error?: { message: string };
}

describe('npm start (infra/dev/start.mjs)', () => {
  it('serves the LKjIP the reporter rendered: DOCX and PDF downloads match the report list', async () => {
    const [port, adminPort] = [await freePort(), await freePort()];
    platform = spawn(process.execPath, ['infra/dev/start.mjs'], {
      cwd: repo,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PORT: String(port),
        ADMIN_PORT: String(adminPort),
        REPORT_QUEUE_PREFIX: prefix,
        REPORT_SCHEDULER: 'false',
        PROJECTOR_METRICS_PORT: '0',
        REPORTER_METRICS_PORT: '0',
        LOG_LEVEL: 'info',
      },
    });
    exited = new Promise((resolve) => platform!.on('exit', (code) => resolve(code)));
    platform.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    platform.stderr!.on('data', (c: Buffer) => (output += c.toString()));

    const deadline = Date.now() + 420_000;
    let api = '';
    let admin = '';
    while (!api || !admin) {
      if (platform.exitCode !== null) throw new Error(`start.mjs exited:\n${output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`no URLs printed:\n${output.slice(-4000)}`);
      api = /API \(tRPC\):\s+(\S+)\/trpc/.exec(output)?.[1] ?? '';
      admin = /Admin:\s+(\S+)/.exec(output)?.[1] ?? '';
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(api).toBe(`http://127.0.0.1:${port}`);
    expect(admin).toBe(`http://127.0.0.1:${adminPort}`);

    const call = async <T>(path: string, input: unknown, token?: string): Promise<T> => {
      const res = await fetch(`${api}/trpc/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as TrpcResult<T>;
      if (!body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
      return body.result.data;
    };
    const query = async <T>(path: string, input: unknown, token: string): Promise<T> => {
      const res = await fetch(
        `${api}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = (await res.json()) as TrpcResult<T>;
      if (!body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
      return body.result.data;
    };

    const { token } = await call<{ token: string }>('auth.login', {
      username: 'kadis.diskoperindag',
      password: 'sakip-demo-2026',
    });
    const requested = await call<{ jobId: string; feedPosition: number }>(
      'reports.request',
      { opdId: OPD, year: YEAR },
      token,
    );
    expect(requested.feedPosition).toBeGreaterThan(0);

    type Row = { id: string; format: string; status: string; sha256: string | null; jobId: string };
    let ready: Row[] = [];
    while (ready.length < 2) {
      if (Date.now() > deadline) throw new Error(`no report rendered:\n${output.slice(-4000)}`);
      const list = await query<{ reports: Row[]; jobs: { id: string; state: string }[] }>(
        'reports.list',
        { opdId: OPD, year: YEAR },
        token,
      );
      const failed = list.jobs.find((j) => j.id === requested.jobId && j.state === 'failed');
      if (failed) throw new Error(`report job failed:\n${output.slice(-4000)}`);
      ready = list.reports.filter((r) => r.jobId === requested.jobId && r.status === 'ready');
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(ready.map((r) => r.format).sort()).toEqual(['docx', 'pdf']);
    for (const r of ready) {
      const res = await fetch(`${api}/reports/${r.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, `GET /reports/${r.id} (${r.format})`).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(
        r.format === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
      );
    }

    // Finalising over tRPC: the demo has no PK naming the head, so a signer must be given.
    const noSigner = await call(
      'reports.request',
      {
        opdId: OPD,
        year: YEAR,
        finalise: { date: '2025-02-14' },
      },
      token,
    ).catch((e: Error) => e);
    expect(String(noSigner)).toMatch(/finalise\.signer/);
    const finalised = await call<{ jobId: string }>(
      'reports.request',
      {
        opdId: OPD,
        year: YEAR,
        finalise: {
          date: '2025-02-14',
          place: 'Liwa',
          signer: { name: 'Kepala Dinas Contoh', position: 'Kepala Dinas', nip: null },
        },
      },
      token,
    );
    expect(finalised.jobId).not.toBe(requested.jobId);
    let rows: (Row & { draft: boolean | null; finalisation: unknown })[] = [];
    while (rows.length < 2) {
      if (Date.now() > deadline) throw new Error(`no finalised report:\n${output.slice(-4000)}`);
      const list = await query<{ reports: typeof rows }>(
        'reports.list',
        { opdId: OPD, year: YEAR },
        token,
      );
      rows = list.reports.filter((r) => r.jobId === finalised.jobId && r.status === 'ready');
      await new Promise((r) => setTimeout(r, 1_000));
    }
    for (const r of rows)
      expect(r).toMatchObject({
        // The demo's values are not verified yet: finalised, but still marked DRAF.
        draft: true,
        finalisation: {
          date: '2025-02-14',
          place: 'Liwa',
          signer: { name: 'Kepala Dinas Contoh', position: 'Kepala Dinas', nip: null },
        },
      });
    const { token: operatorToken } = await call<{ token: string }>('auth.login', {
      username: 'operator.diskoperindag',
      password: 'sakip-demo-2026',
    });
    const forbidden = await call(
      'reports.request',
      { opdId: OPD, year: YEAR, finalise: { date: '2025-02-14' } },
      operatorToken,
    ).catch((e: Error) => e);
    expect(String(forbidden)).toMatch(/403/);

    await stopPlatform();
    expect(platform.exitCode ?? platform.signalCode).not.toBeNull();
  }, 600_000);
});
