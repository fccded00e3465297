import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import pino from 'pino';
import { loadConfig, type Config } from '@sakip/config';
import { connect } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import {
  applyImport,
  CommandExecutor,
  regionUseCases,
  opdUseCases,
  systemActor,
  userUseCases,
} from '@sakip/application';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';
import {
  createTestDatabase,
  dropRedisPrefix,
  TEST_REDIS_URL,
  testQueuePrefix,
  type TestDatabase,
} from '@sakip/testing';
import type { RoleBinding } from '@sakip/domain';
import { startApi, type RunningApi } from '../src/server';
import type { AppRouter } from '../src/trpc/router';

export const PASSWORD = 'rahasia-demo-123';

export interface Harness {
  db: TestDatabase;
  api: RunningApi;
  executor: CommandExecutor;
  client(
    token?: string,
    headers?: Record<string, string>,
  ): ReturnType<typeof createTRPCClient<AppRouter>>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(db: TestDatabase, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/** A real API on loopback over a fresh database, with Lampung, two kabupaten and two OPDs. */
export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  // Report queues of a test live under their own prefix, removed on close.
  const queuePrefix = overrides.REPORT_QUEUE_PREFIX ?? testQueuePrefix();
  const api = await startApi(
    testConfig(db, { REPORT_QUEUE_PREFIX: queuePrefix, ...overrides }),
    pino({ level: 'silent' }),
  );
  const sql = connect(db.url, { max: 2 });
  const executor = new CommandExecutor(new EventStore(sql));
  const client = (token?: string, headers: Record<string, string> = {}) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${api.url}/trpc`,
          headers: () => ({ ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }),
        }),
      ],
    });
  return {
    db,
    api,
    executor,
    client,
    async login(username) {
      return (await client().auth.login.mutate({ username, password: PASSWORD })).token;
    },
    async close() {
      await api.close();
      await sql.end();
      await db.drop();
      await dropRedisPrefix(queuePrefix);
    },
  };
}

const sys = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

export async function seedBasics(executor: CommandExecutor): Promise<void> {
  const run = <I>(uc: Parameters<CommandExecutor['execute']>[0], input: I) =>
    executor.execute(uc, input as never, sys());
  await run(regionUseCases.registerRegion, {
    code: '18',
    name: 'Lampung',
    codeEdition: 'Kepmendagri 2025',
  });
  await run(regionUseCases.registerRegion, {
    code: '18.04',
    name: 'Kabupaten Lampung Barat',
    codeEdition: 'Kepmendagri 2025',
  });
  await run(regionUseCases.registerRegion, {
    code: '18.71',
    name: 'Kota Bandar Lampung',
    codeEdition: 'Kepmendagri 2025',
  });
  await run(opdUseCases.registerOpd, {
    regionCode: '18.04',
    code: 'DISKOPUKM',
    name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan',
  });
  await run(opdUseCases.registerOpd, {
    regionCode: '18.71',
    code: 'DISKOP',
    name: 'Dinas Koperasi dan UKM Kota Bandar Lampung',
  });
}

export async function addUser(
  executor: CommandExecutor,
  username: string,
  bindings: RoleBinding[],
): Promise<void> {
  await executor.execute(
    userUseCases.registerUser,
    { username, displayName: username, password: PASSWORD, bindings },
    sys(),
  );
}

/** The tRPC error a call failed with (the test fails if it succeeded). */
export async function trpcError(p: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCClientError))
    throw new Error(`expected a tRPC error, got ${String(err)}`);
  return err as TRPCClientError<AppRouter>;
}

/** Imports one of the importer's example files as the system; throws on any problem. */
export async function importExample(h: Harness, name: string): Promise<void> {
  const buf = await readFile(`${EXAMPLES_DIR}${name}`);
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const report = await applyImport(h.db.sql, parsed.document, systemActor('test'), {
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
}
