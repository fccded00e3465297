import { connect, ensureDatabase, migrate } from '@sakip/db';
import type { Config } from '@sakip/config';

export async function dbMigrate(config: Config, out: (line: string) => void): Promise<void> {
  if (await ensureDatabase(config.DATABASE_URL))
    out(`database created: ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
  const sql = connect(config.DATABASE_URL, { max: 1, applicationName: 'sakip-migrate' });
  try {
    const result = await migrate(sql);
    out(
      result.applied.length
        ? `migrations applied: ${result.applied.join(', ')}`
        : `database is up to date (${result.alreadyApplied} migrations)`,
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}
