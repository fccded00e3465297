import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { addUser, seedBasics, startHarness, trpcError, type Harness } from './harness';

let h: Harness;
let provinceAdmin: string;
let operator: string;

beforeAll(async () => {
  h = await startHarness();
  await seedBasics(h.executor);
  await addUser(h.executor, 'admin.lampung', [
    { role: 'province_admin', scope: { level: 'province', code: '18' } },
  ]);
  await addUser(h.executor, 'operator.lambar', [
    { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISKOPUKM' } },
  ]);
  await addUser(h.executor, 'admin.lambar', [
    { role: 'region_admin', scope: { level: 'region', code: '18.04' } },
  ]);
  provinceAdmin = await h.login('admin.lampung');
  operator = await h.login('operator.lambar');
}, 60_000);
afterAll(async () => h?.close());

describe('tRPC commands', () => {
  it('signs in and answers who I am', async () => {
    const me = await h.client(operator).auth.me.query();
    expect(me.username).toBe('operator.lambar');
    expect(me.bindings).toEqual([
      { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISKOPUKM' } },
    ]);
  });

  it('refuses a wrong password with UNAUTHORIZED and the same message as an unknown user', async () => {
    const wrong = await trpcError(
      h.client().auth.login.mutate({ username: 'operator.lambar', password: 'salah-sekali' }),
    );
    const unknown = await trpcError(
      h.client().auth.login.mutate({ username: 'tidak.ada', password: 'salah-sekali' }),
    );
    expect(wrong.data?.code).toBe('UNAUTHORIZED');
    expect(unknown.message).toBe(wrong.message);
  });

  it('refuses a mutation without a token', async () => {
    const err = await trpcError(
      h
        .client()
        .opds.register.mutate({ regionCode: '18.04', code: 'DINKES', name: 'Dinas Kesehatan' }),
    );
    expect(err.data?.code).toBe('UNAUTHORIZED');
  });

  it('records an OPD with the actor, scope and correlation id in the event metadata', async () => {
    const correlationId = `test-${randomUUID()}`;
    const result = await h
      .client(provinceAdmin, { 'x-correlation-id': correlationId })
      .opds.register.mutate({
        regionCode: '18.04',
        code: 'DINKES',
        name: 'Dinas Kesehatan',
      });
    expect(result).toMatchObject({
      streamId: 'opd-18.04-DINKES',
      version: 1,
      replayed: false,
      correlationId,
    });
    const { events } = await new EventStore(h.db.sql).readStream('opd-18.04-DINKES');
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toMatchObject({
      actor: {
        userId: 'admin.lampung',
        role: 'province_admin',
        scope: { level: 'province', code: '18' },
      },
      correlationId,
      provinceCode: '18',
      regionCode: '18.04',
    });
    expect(events[0]!.data).toMatchObject({ opdId: '18.04-DINKES', name: 'Dinas Kesehatan' });
  });

  it('maps invalid input to BAD_REQUEST with the field path', async () => {
    const err = await trpcError(
      h
        .client(provinceAdmin)
        .opds.register.mutate({ regionCode: '18.4', code: 'DINKES2', name: 'Dinas' }),
    );
    expect(err.data?.code).toBe('BAD_REQUEST');
    expect(err.data?.fieldErrors).toEqual([
      { path: ['regionCode'], message: expect.stringContaining('PP.KK') },
    ]);
  });

  it('maps a broken domain rule to BAD_REQUEST with the field and both languages', async () => {
    const err = await trpcError(
      h.client(provinceAdmin).opds.addPosition.mutate({
        opdId: '18.04-DISKOPUKM',
        code: 'KABID',
        title: 'Kepala Bidang',
        unitCode: 'NOPE',
      }),
    );
    expect(err.data?.code).toBe('BAD_REQUEST');
    expect(err.data?.fieldErrors[0]?.path).toEqual(['position', 'unitCode']);
    expect(err.data?.messageId).toContain('tidak dikenal');
    expect(err.data?.messageEn).toContain('unknown');
  });

  it('maps a stale version to CONFLICT ("someone else changed this")', async () => {
    const c = h.client(provinceAdmin);
    const first = await c.opds.addUnit.mutate({
      opdId: '18.04-DISKOPUKM',
      code: 'SEKRE',
      name: 'Sekretariat',
      kind: 'sekretariat',
      expectedVersion: 1,
    });
    expect(first.version).toBe(2);
    const err = await trpcError(
      c.opds.addUnit.mutate({
        opdId: '18.04-DISKOPUKM',
        code: 'BIDKOP',
        name: 'Bidang Koperasi',
        kind: 'bidang',
        expectedVersion: 1,
      }),
    );
    expect(err.data?.code).toBe('CONFLICT');
    expect(err.message).toContain('Someone else changed this');
  });

  it('refuses an operator writing another OPD and a province admin of another province: FORBIDDEN', async () => {
    const err = await trpcError(
      h.client(operator).opds.addUnit.mutate({
        opdId: '18.71-DISKOP',
        code: 'SEKRE',
        name: 'Sekretariat',
        kind: 'sekretariat',
      }),
    );
    expect(err.data?.code).toBe('FORBIDDEN');
    expect(err.message).toContain('18.71-DISKOP');
    const regionAdmin = await h.login('admin.lambar');
    const err2 = await trpcError(
      h.client(regionAdmin).opds.rename.mutate({ opdId: '18.71-DISKOP', name: 'Dinas Lain' }),
    );
    expect(err2.data?.code).toBe('FORBIDDEN');
  });

  it('retries with the same command id append nothing new and answer the first result', async () => {
    const c = h.client(provinceAdmin);
    const commandId = randomUUID();
    const input = {
      commandId,
      opdId: '18.04-DISKOPUKM',
      code: 'UPTPASAR',
      name: 'UPT Pasar Liwa',
      kind: 'upt' as const,
    };
    const first = await c.opds.addUnit.mutate(input);
    const again = await c.opds.addUnit.mutate(input);
    // Same stream, version, event ids and positions; only this request's correlation id differs.
    expect({ ...again, correlationId: null }).toEqual({
      ...first,
      replayed: true,
      correlationId: null,
    });
    const err = await trpcError(c.opds.addUnit.mutate({ ...input, name: 'UPT Pasar Lain' }));
    expect(err.data?.code).toBe('CONFLICT');
    expect(err.data?.fieldErrors[0]?.path).toEqual(['commandId']);
  });

  it('hides unknown failures behind INTERNAL_SERVER_ERROR with a correlation id and no stack', async () => {
    await h.db.sql`alter function es_append rename to es_append_hidden`;
    try {
      const err = await trpcError(
        h
          .client(provinceAdmin)
          .opds.register.mutate({ regionCode: '18.04', code: 'DISPAR', name: 'Dinas Pariwisata' }),
      );
      expect(err.data?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(err.data?.correlationId).toMatch(/[0-9a-f-]{36}/);
      expect(err.message).toContain(err.data!.correlationId!);
      expect(JSON.stringify(err.shape)).not.toMatch(/stack|es_append|at .*\.ts/);
    } finally {
      await h.db.sql`alter function es_append_hidden rename to es_append`;
    }
  });
});

describe('GET /metrics', () => {
  it('exposes command latency and errors by use case in Prometheus format', async () => {
    const body = await (await fetch(`${h.api.url}/metrics`)).text();
    expect(body).toMatch(
      /sakip_command_duration_seconds_count\{command="RegisterOpd",outcome="ok"\} [1-9]/,
    );
    expect(body).toMatch(
      /sakip_command_errors_total\{command="AddUnit",kind="ForbiddenError"\} [1-9]/,
    );
    expect(body).toMatch(
      /sakip_http_request_duration_seconds_bucket\{.*route="\/trpc\/opds.register"/,
    );
    expect(body).toMatch(/sakip_event_feed_head_position \d+/);
  });

  it('defaults the pemda time zone from the province code and stores the zone a region admin chooses', async () => {
    const regionAdmin = h.client(await h.login('admin.lambar'));
    expect(await regionAdmin.regions.timeZone.query({ code: '18.04' })).toEqual({
      timeZone: 'WIB',
      source: 'default',
    });
    await regionAdmin.regions.configureTimeZone.mutate({ code: '18.04', timeZone: 'WITA' });
    expect(await regionAdmin.regions.timeZone.query({ code: '18.04' })).toEqual({
      timeZone: 'WITA',
      source: 'pemda',
    });
    const { events } = await new EventStore(h.db.sql).readStream('region-18.04');
    expect(events.at(-1)).toMatchObject({
      type: 'TimeZoneConfigured',
      data: { code: '18.04', previousTimeZone: 'WIB', timeZone: 'WITA' },
    });
    const bad = await trpcError(
      regionAdmin.regions.configureTimeZone.mutate({ code: '18.04', timeZone: 'UTC' as never }),
    );
    expect(bad.data?.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/WIB, WITA atau WIT/);
    const operatorTries = await trpcError(
      h.client(operator).regions.configureTimeZone.mutate({ code: '18.04', timeZone: 'WIT' }),
    );
    expect(operatorTries.data?.code).toBe('FORBIDDEN');
    // A kabupaten without its own choice follows its province's choice.
    const province = h.client(provinceAdmin);
    await province.regions.configureTimeZone.mutate({ code: '18', timeZone: 'WIT' });
    expect(await province.regions.timeZone.query({ code: '18.71' })).toEqual({
      timeZone: 'WIT',
      source: 'province',
    });
    expect((await province.regions.timeZone.query({ code: '18.04' })).timeZone).toBe('WITA');
    // Every signed-in user of the pemda reads the zone its dates are shown in.
    expect((await h.client(operator).regions.timeZone.query({ code: '18.04' })).timeZone).toBe(
      'WITA',
    );
  });
});
