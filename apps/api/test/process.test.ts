import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  dropRedisPrefix,
  TEST_REDIS_URL,
  testQueuePrefix,
  type TestDatabase,
} from '@sakip/testing';

import { EventStore } from '@sakip/event-store';
import { CommandExecutor } from '@sakip/application';
import { addUser, PASSWORD, seedBasics } from './harness';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const executor = new CommandExecutor(new EventStore(db.sql));
  await seedBasics(executor);
  await addUser(executor, 'operator.lambar', [
    { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISKOPUKM' } },
  ]);
}, 60_000);
const queuePrefix = testQueuePrefix();
afterAll(async () => {
  await db?.drop();
  await dropRedisPrefix(queuePrefix);
});

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  url?: string;
  status?: number;
  [k: string]: unknown;
}

/** Starts `pnpm start` of the api (tsx src/main.ts) on a free port and collects its JSON log lines. */
async function startProcess(): Promise<{
  child: ChildProcessWithoutNullStreams;
  url: string;
  logs: LogLine[];
  exited: Promise<number | null>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REPORT_QUEUE_PREFIX: queuePrefix,
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
  });
  const logs: LogLine[] = [];
  let buffer = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start: ${buffer}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const parsed = JSON.parse(line) as LogLine;
        logs.push(parsed);
        if (parsed.msg === 'sakip api listening') {
          clearTimeout(timer);
          resolve(parsed.url as string);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (buffer += chunk.toString()));
  });
  return { child, url, logs, exited };
}

describe('api process', () => {
  it('writes JSON logs with the correlation id and finishes in-flight requests on SIGTERM', async () => {
    const { child, url, logs, exited } = await startProcess();
    // Sign-in hashes with bcrypt (tens of ms): SIGTERM lands while it is in flight.
    const pending = fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-shutdown-test-1' },
      body: JSON.stringify({ username: 'operator.lambar', password: PASSWORD }),
    });
    await new Promise((r) => setTimeout(r, 15));
    child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { result: { data: { token: string } } }).result.data.token,
    ).toBeTruthy();
    expect(await exited).toBe(0);

    const request = logs.find((l) => l.msg === 'request' && l.url === '/trpc/auth.login');
    expect(request).toMatchObject({ correlationId: 'corr-shutdown-test-1', status: 200 });
    expect(logs.find((l) => l.msg === 'signed in')).toMatchObject({
      correlationId: 'corr-shutdown-test-1',
      user: 'operator.lambar',
    });
    const order = logs.map((l) => l.msg);
    expect(order.indexOf('shutting down')).toBeLessThan(order.indexOf('shutdown complete'));
    expect(order).toContain('pools closed');
    expect(JSON.stringify(logs)).not.toContain(PASSWORD);
    // And after shutdown nothing listens.
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);

  it('refuses to start with invalid configuration, naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiDir,
      env: { ...process.env, PORT: 'not-a-port' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toContain('PORT');
  }, 30_000);
});
