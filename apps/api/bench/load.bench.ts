/**
 * `pnpm bench load [seconds] [connections]`: drives a real API process over loopback with
 * concurrent users (70% achievement dashboards, 20% plan snapshots, 10% realization commands)
 * for a bounded time and reports throughput, latency percentiles, errors, and the API's memory
 * sampled from /metrics every 10 s (a soak run: `pnpm bench load 600 16`).
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { applyImport, CommandExecutor, systemActor, userUseCases } from '@sakip/application';
import { EventStore } from '@sakip/event-store';
import { projectionStatus } from '@sakip/read-models';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';
import { createTestDatabase, TEST_REDIS_URL } from '@sakip/testing';

const SECONDS = Number(process.argv[2] ?? 30);
const CONNECTIONS = Number(process.argv[3] ?? 16);
const opdId = '18.04-DISKOPERINDAG';

const db = await createTestDatabase({ max: 4 });
for (const f of [
  'organisasi-demo.xlsx',
  'sk-lampung-barat-050-18-2023.xlsx',
  'realisasi-lampung-barat-2024.xlsx',
]) {
  const buf = await readFile(`${EXAMPLES_DIR}${f}`);
  const parsed = await parseImportBuffer(buf, f);
  if (!parsed.ok) throw new Error(f);
  await applyImport(db.sql, parsed.document, systemActor('bench'), {
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
}
const executor = new CommandExecutor(new EventStore(db.sql));
await executor.execute(
  userUseCases.registerUser,
  {
    username: 'operator',
    displayName: 'Operator',
    password: 'rahasia-bench-1',
    bindings: [{ role: 'opd_operator', scope: { level: 'opd', code: opdId } }],
  },
  { actor: systemActor('bench'), commandId: randomUUID(), correlationId: randomUUID() },
);

// The projector runs beside the API, as in production: its lag is part of the report.
const projector = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: fileURLToPath(new URL('../../projector', import.meta.url)),
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    PROJECTOR_METRICS_PORT: '0',
    DATABASE_POOL_MAX: '4',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
projector.stdout.on('data', (c: Buffer) => process.stderr.write(c));
const projectorExited = new Promise((r) => projector.on('exit', r));
const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_POOL_MAX: '10',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve) => {
  api.stdout.on('data', (c: Buffer) => {
    const m = /"url":"([^"]+)"/.exec(c.toString());
    if (m?.[1]) resolve(m[1]);
  });
});
const agent = new Agent({ connections: CONNECTIONS, pipelining: 1 });
const call = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => {
  const res = await request(`${base}${path}`, {
    method,
    dispatcher: agent,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, text };
};
const login = await call('POST', '/trpc/auth.login', {
  username: 'operator',
  password: 'rahasia-bench-1',
});
const token = (JSON.parse(login.text) as { result: { data: { token: string } } }).result.data.token;
const q = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const indicators = ['IKU-1', 'IKU-2', 'IKU-3', 'IKU-4', 'IKU-5'];
const periods = ['TW1', 'TW2', 'TW3', 'TW4'] as const;

type Kind = 'achievement' | 'snapshot' | 'record';
const latencies: Record<Kind, number[]> = { achievement: [], snapshot: [], record: [] };
const errors: Record<Kind, number> = { achievement: 0, snapshot: 0, record: 0 };
const memory: { second: number; rssMb: number }[] = [];
const lag: { second: number; maxLagEvents: number }[] = [];
const maxLag = async () =>
  Math.max(0, ...(await projectionStatus(db.sql).catch(() => [])).map((r) => r.lag ?? 0));
const started = Date.now();
const deadline = started + SECONDS * 1000;
let n = 0;

async function user() {
  while (Date.now() < deadline) {
    const pick = n++ % 10;
    const kind: Kind = pick < 7 ? 'achievement' : pick < 9 ? 'snapshot' : 'record';
    const t0 = performance.now();
    let status = 0;
    if (kind === 'achievement')
      status = (
        await call('GET', q('realizations.achievement', { opdId, year: 2024 }), undefined, token)
      ).status;
    else if (kind === 'snapshot')
      status = (await call('GET', q('plans.snapshot', { opdId }), undefined, token)).status;
    else {
      const ind = indicators[n % indicators.length]!;
      status = (
        await call(
          'POST',
          '/trpc/realizations.record',
          {
            opdId,
            indicatorCode: ind,
            year: 2025,
            period: periods[n % 4],
            value: String(n % 90),
            evidence: { documentRef: 'bench', dataSource: 'bench' },
          },
          token,
        )
      ).status;
    }
    latencies[kind].push(performance.now() - t0);
    if (status !== 200) errors[kind]++;
  }
}
const sampler = setInterval(async () => {
  const m = await call('GET', '/metrics');
  const rss = /sakip_api_process_resident_memory_bytes (\d+)/.exec(m.text);
  if (rss?.[1])
    memory.push({
      second: Math.round((Date.now() - started) / 1000),
      rssMb: Math.round(Number(rss[1]) / 1e6),
    });
  lag.push({ second: Math.round((Date.now() - started) / 1000), maxLagEvents: await maxLag() });
}, 10_000);
process.stderr.write(`driving ${CONNECTIONS} connections for ${SECONDS} s\n`);
await Promise.all(Array.from({ length: CONNECTIONS }, user));
clearInterval(sampler);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
};
const all = Object.values(latencies).flat();
const elapsed = (Date.now() - started) / 1000;
// Lag after the load stops: how long the projector needs to catch up.
process.stderr.write('load done; waiting for the projector to catch up\n');
const stoppedAt = Date.now();
while ((await maxLag()) > 0 && Date.now() - stoppedAt < 60_000)
  await new Promise((r) => setTimeout(r, 250));
const catchUpSeconds = (Date.now() - stoppedAt) / 1000;
process.stderr.write(`caught up in ${catchUpSeconds} s (lag ${await maxLag()})\n`);
api.kill('SIGTERM');
projector.kill('SIGTERM');
await new Promise((r) => api.on('exit', r));
process.stderr.write('api stopped\n');
await projectorExited;
process.stderr.write('projector stopped\n');
await agent.close();
await db.drop();
process.stdout.write(
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      seconds: Math.round(elapsed),
      connections: CONNECTIONS,
      requestsPerSecond: Math.round(all.length / elapsed),
      latencyMs: { p50: pct(all, 0.5), p90: pct(all, 0.9), p99: pct(all, 0.99) },
      byKind: Object.fromEntries(
        (Object.keys(latencies) as Kind[]).map((k) => [
          k,
          {
            count: latencies[k].length,
            errors: errors[k],
            p50: pct(latencies[k], 0.5),
            p99: pct(latencies[k], 0.99),
          },
        ]),
      ),
      memory,
      projectorLag: {
        samples: lag,
        maxDuringRun: Math.max(0, ...lag.map((l) => l.maxLagEvents)),
        catchUpSecondsAfterLoad: +catchUpSeconds.toFixed(2),
      },
    },
    null,
    2,
  )}\n`,
);
