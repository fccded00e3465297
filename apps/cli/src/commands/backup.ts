import { spawn } from 'node:child_process';
import { connect, ensureDatabase, migrate } from '@sakip/db';

/**
 * The event store is the only source of truth: a backup is its tables (streams, events,
 * commands) in pg_dump's custom format; read models are rebuilt from it after a restore.
 * pg_dump/pg_restore must be at least the server's major version.
 */
const STORE_TABLES = ['streams', 'events', 'commands'];

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} gagal / failed (${code}): ${err.trim()}`)),
    );
  });
}

export async function backup(databaseUrl: string, file: string): Promise<string> {
  await run('pg_dump', [
    '--format=custom',
    '--data-only',
    ...STORE_TABLES.flatMap((t) => ['--table', t]),
    '--file',
    file,
    databaseUrl,
  ]);
  const sql = connect(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<
      { n: number; head: number | null }[]
    >`select count(*)::bigint as n, max(global_position) as head from events`;
    return `backup ${file}: ${row!.n} events, head position ${row!.head ?? 0}`;
  } finally {
    await sql.end();
  }
}

/** Restores into an empty database: schema from the migrations, then the store's rows. */
export async function restore(databaseUrl: string, file: string): Promise<string> {
  await ensureDatabase(databaseUrl);
  const sql = connect(databaseUrl, { max: 1 });
  try {
    await migrate(sql);
    const [existing] = await sql<{ n: number }[]>`select count(*)::bigint as n from events`;
    if (existing!.n > 0)
      throw new Error(
        'Basis data tujuan sudah berisi peristiwa / the target database already has events: restore into an empty one',
      );
    await run('pg_restore', ['--data-only', '--single-transaction', '--dbname', databaseUrl, file]);
    const [row] = await sql<
      { n: number; head: number | null }[]
    >`select count(*)::bigint as n, max(global_position) as head from events`;
    return `restored ${row!.n} events, head position ${row!.head ?? 0}; rebuild read models with: sakip projections rebuild`;
  } finally {
    await sql.end();
  }
}
