import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Sql } from '@sakip/db';

export const appDir = fileURLToPath(new URL('..', import.meta.url));

export function spawnProjector(
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PROJECTOR_POLL_MS: '100',
      PROJECTOR_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  return Object.assign(child, { output: () => out });
}

export function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
  what = 'condition',
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function count(sql: Sql, table: string, where = 'true'): Promise<number> {
  const [r] = await sql.unsafe<{ n: number }[]>(
    `select count(*)::int as n from "${table}" where ${where}`,
  );
  return r?.n ?? 0;
}

export async function dump(sql: Sql, table: string, orderBy: string): Promise<string[]> {
  const rows = await sql.unsafe<{ j: string }[]>(
    `select row_to_json(t)::text as j from "${table}" t order by ${orderBy}`,
  );
  return rows.map((r) => r.j);
}
