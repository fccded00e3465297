import postgres from 'postgres';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;

export interface ConnectOptions {
  max?: number;
  /** Name shown in pg_stat_activity, to tell the apps apart. */
  applicationName?: string;
}

/** One pool per process. Idle transactions are cut so a stuck client cannot hold the feed back. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? 'sakip',
      idle_in_transaction_session_timeout: 60_000,
    },
    types: {
      // bigint columns (positions, versions) come back as JS numbers: they stay far below 2^53.
      bigint: {
        to: 20,
        from: [20],
        serialize: (x: number | bigint) => x.toString(),
        parse: (x: string) => Number(x),
      },
    },
    transform: { undefined: null },
  });
}

/** Creates the database named in `url` when it does not exist yet (used by `npm start`). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new Error(`Nama database tidak valid / invalid database name: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length > 0) return false;
    await sql.unsafe(`create database "${name}"`);
    return true;
  } finally {
    await sql.end();
  }
}
