import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import { EventStore } from '../src';
import { events, req, streamName } from './helpers';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await new EventStore(db.sql).append(req(streamName(), 0, events(2)));
});
afterAll(async () => {
  await db?.drop();
});

describe('immutability', () => {
  const immutable = { code: 'P0403', message: 'events are immutable' };

  it('refuses UPDATE, DELETE and TRUNCATE on events', async () => {
    await expect(db.sql`update events set type = 'Changed'`).rejects.toMatchObject(immutable);
    await expect(db.sql`delete from events`).rejects.toMatchObject(immutable);
    await expect(db.sql`truncate events cascade`).rejects.toMatchObject(immutable);
    const [row] = await db.sql<
      { n: number }[]
    >`select count(*)::bigint as n from events where type = 'Tested'`;
    expect(row!.n).toBe(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on commands', async () => {
    const commandsImmutable = { code: 'P0403', message: 'commands are immutable' };
    await expect(db.sql`update commands set payload_hash = 'x'`).rejects.toMatchObject(
      commandsImmutable,
    );
    await expect(db.sql`update commands set result = '{}'::jsonb`).rejects.toMatchObject(
      commandsImmutable,
    );
    await expect(db.sql`delete from commands`).rejects.toMatchObject(commandsImmutable);
    await expect(db.sql`truncate commands`).rejects.toMatchObject({ code: 'P0403' });
  });
});
