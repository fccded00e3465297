import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connect, migrate, type Sql } from '@sakip/db';

/** Base server for tests; each test file gets its own database on it and drops it after. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export { dropRedisPrefix, TEST_REDIS_URL, testQueuePrefix } from './redis';

export interface TestDatabase {
  name: string;
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

/** Creates a fresh, migrated database with a unique name. Call drop() in afterAll. */
export async function createTestDatabase(
  options: { migrate?: boolean; max?: number } = {},
): Promise<TestDatabase> {
  const name = `sakip_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const sql = connect(url.toString(), { max: options.max ?? 10, applicationName: 'sakip-test' });
  if (options.migrate !== false) await migrate(sql);
  return {
    name,
    url: url.toString(),
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const a = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
