import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, type RoleBinding } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  actorFor,
  authenticate,
  AuthenticationError,
  CommandExecutor,
  opdUseCases,
  regionUseCases,
  systemActor,
  userUseCases,
  type Actor,
} from '../src/index';

let db: TestDatabase;
let executor: CommandExecutor;

const ctx = (actor: Actor) => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });
const user = (userId: string, ...bindings: RoleBinding[]): Actor => ({
  kind: 'user',
  userId,
  bindings,
});
const sys = systemActor('test');

const opOfLambar = user('op.lambar', {
  role: 'opd_operator',
  scope: { level: 'opd', code: '18.04-DISKOPUKM' },
});
const headOfLambar = user('head.lambar', {
  role: 'opd_head',
  scope: { level: 'opd', code: '18.04-DISKOPUKM' },
});
const adminLambar = user('admin.lambar', {
  role: 'region_admin',
  scope: { level: 'region', code: '18.04' },
});
const adminLampung = user('admin.lampung', {
  role: 'province_admin',
  scope: { level: 'province', code: '18' },
});
const inspector = user('inspektur', {
  role: 'inspector',
  scope: { level: 'region', code: '18.04' },
});
const viewer = user('viewer', { role: 'viewer', scope: { level: 'national', code: '' } });

beforeAll(async () => {
  db = await createTestDatabase();
  executor = new CommandExecutor(new EventStore(db.sql));
  for (const [code, name] of [
    ['18', 'Lampung'],
    ['18.04', 'Kabupaten Lampung Barat'],
    ['18.71', 'Kota Bandar Lampung'],
    ['35', 'Jawa Timur'],
    ['35.25', 'Kabupaten Gresik'],
  ]) {
    await executor.execute(
      regionUseCases.registerRegion,
      { code: code!, name: name!, codeEdition: 'Kepmendagri 2025' },
      ctx(sys),
    );
  }
  for (const [regionCode, code] of [
    ['18.04', 'DISKOPUKM'],
    ['18.04', 'DISDIK'],
    ['18.71', 'DISKOP'],
    ['35.25', 'DISKOP'],
  ]) {
    await executor.execute(
      opdUseCases.registerOpd,
      { regionCode: regionCode!, code: code!, name: `Dinas ${code}` },
      ctx(sys),
    );
  }
}, 60_000);
afterAll(async () => db?.drop());

const addUnit = (opdId: string) => ({
  opdId,
  code: `U${randomUUID().slice(0, 6).toUpperCase()}`,
  name: 'Bidang Uji',
  kind: 'bidang' as const,
  parentCode: null,
});

describe('who may change regions and OPDs', () => {
  const refusals: [string, Actor, () => Promise<unknown>][] = [
    [
      'an operator writing another OPD of the same kabupaten',
      opOfLambar,
      () => executor.execute(opdUseCases.addUnit, addUnit('18.04-DISDIK'), ctx(opOfLambar)),
    ],
    [
      'an operator registering an OPD',
      opOfLambar,
      () =>
        executor.execute(
          opdUseCases.registerOpd,
          { regionCode: '18.04', code: 'DINSOS', name: 'Dinas Sosial' },
          ctx(opOfLambar),
        ),
    ],
    [
      'an OPD head changing the structure',
      headOfLambar,
      () => executor.execute(opdUseCases.addUnit, addUnit('18.04-DISKOPUKM'), ctx(headOfLambar)),
    ],
    [
      'a kabupaten admin touching another kabupaten',
      adminLambar,
      () =>
        executor.execute(
          opdUseCases.renameOpd,
          { opdId: '18.71-DISKOP', name: 'Dinas Lain' },
          ctx(adminLambar),
        ),
    ],
    [
      'a kabupaten admin registering a region',
      adminLambar,
      () =>
        executor.execute(
          regionUseCases.renameRegion,
          { code: '18.04', name: 'Lambar' },
          ctx(adminLambar),
        ),
    ],
    [
      'a province admin touching another province',
      adminLampung,
      () => executor.execute(opdUseCases.addUnit, addUnit('35.25-DISKOP'), ctx(adminLampung)),
    ],
    [
      'a province admin registering a kabupaten in another province',
      adminLampung,
      () =>
        executor.execute(
          regionUseCases.registerRegion,
          { code: '35.15', name: 'Sidoarjo', codeEdition: 'x' },
          ctx(adminLampung),
        ),
    ],
    [
      'a province admin merging into an OPD of another province',
      adminLampung,
      () =>
        executor.execute(
          opdUseCases.mergeOpd,
          { opdId: '18.04-DISDIK', intoOpdId: '35.25-DISKOP', legalBasis: 'Perda 1/2024' },
          ctx(adminLampung),
        ),
    ],
    [
      'an inspector changing the structure',
      inspector,
      () => executor.execute(opdUseCases.addUnit, addUnit('18.04-DISKOPUKM'), ctx(inspector)),
    ],
    [
      'a viewer writing anything',
      viewer,
      () =>
        executor.execute(
          opdUseCases.renameOpd,
          { opdId: '18.04-DISKOPUKM', name: 'Nama Baru' },
          ctx(viewer),
        ),
    ],
  ];

  it.each(refusals)('refuses %s', async (_what, _actor, attempt) => {
    const before = await db.sql`select count(*)::int as n from events`;
    await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.sql`select count(*)::int as n from events`).toEqual(before);
  });

  it('allows each role within its scope', async () => {
    await expect(
      executor.execute(opdUseCases.addUnit, addUnit('18.04-DISKOPUKM'), ctx(opOfLambar)),
    ).resolves.toMatchObject({ replayed: false });
    await expect(
      executor.execute(
        opdUseCases.renameOpd,
        { opdId: '18.04-DISDIK', name: 'Dinas Pendidikan dan Kebudayaan' },
        ctx(adminLambar),
      ),
    ).resolves.toBeTruthy();
    await expect(
      executor.execute(opdUseCases.addUnit, addUnit('18.71-DISKOP'), ctx(adminLampung)),
    ).resolves.toBeTruthy();
    await expect(
      executor.execute(
        regionUseCases.registerRegion,
        { code: '18.05', name: 'Kabupaten Tanggamus', codeEdition: 'Kepmendagri 2025' },
        ctx(adminLampung),
      ),
    ).resolves.toBeTruthy();
  });

  it('records the binding the actor used', async () => {
    const r = await executor.execute(
      opdUseCases.addUnit,
      addUnit('18.04-DISKOPUKM'),
      ctx(opOfLambar),
    );
    const [row] = await db.sql<
      { metadata: { actor: unknown } }[]
    >`select metadata from events where global_position = ${r.globalPositions[0]!}`;
    expect(row!.metadata.actor).toEqual({
      userId: 'op.lambar',
      role: 'opd_operator',
      scope: { level: 'opd', code: '18.04-DISKOPUKM' },
    });
  });
});

describe('who may manage accounts', () => {
  const register = (username: string, binding: RoleBinding) => ({
    username,
    displayName: username,
    password: 'rahasia-123',
    bindings: [binding],
  });

  it('lets a kabupaten admin add an operator of one of its OPDs', async () => {
    await executor.execute(
      userUseCases.registerUser,
      register('op.disdik', {
        role: 'opd_operator',
        scope: { level: 'opd', code: '18.04-DISDIK' },
      }),
      ctx(adminLambar),
    );
    const actor = await authenticate(executor.loader, 'op.disdik', 'rahasia-123');
    expect(actor.bindings).toEqual([
      { role: 'opd_operator', scope: { level: 'opd', code: '18.04-DISDIK' } },
    ]);
  });

  it.each([
    [
      'a kabupaten admin granting a province role',
      adminLambar,
      register('x.prov', { role: 'province_admin', scope: { level: 'province', code: '18' } }),
    ],
    [
      'a kabupaten admin adding an operator in another kabupaten',
      adminLambar,
      register('x.kota', { role: 'opd_operator', scope: { level: 'opd', code: '18.71-DISKOP' } }),
    ],
    [
      'a province admin adding a user in another province',
      adminLampung,
      register('x.jatim', { role: 'viewer', scope: { level: 'province', code: '35' } }),
    ],
    [
      'a province admin granting national scope',
      adminLampung,
      register('x.nas', { role: 'viewer', scope: { level: 'national', code: '' } }),
    ],
    [
      'an operator adding users',
      opOfLambar,
      register('x.op', { role: 'viewer', scope: { level: 'opd', code: '18.04-DISKOPUKM' } }),
    ],
  ] as const)('refuses %s', async (_w, actor, input) => {
    await expect(
      executor.execute(userUseCases.registerUser, input, ctx(actor)),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets users change their own password but not somebody else’s', async () => {
    const self = user('op.disdik', {
      role: 'opd_operator',
      scope: { level: 'opd', code: '18.04-DISDIK' },
    });
    await executor.execute(
      userUseCases.changePassword,
      { username: 'op.disdik', password: 'kata-sandi-baru' },
      ctx(self),
    );
    await expect(authenticate(executor.loader, 'op.disdik', 'rahasia-123')).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    await expect(
      authenticate(executor.loader, 'op.disdik', 'kata-sandi-baru'),
    ).resolves.toMatchObject({ userId: 'op.disdik' });
    await expect(
      executor.execute(
        userUseCases.changePassword,
        { username: 'op.disdik', password: 'diambil-alih-1' },
        ctx(opOfLambar),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('stops a revoked role and a disabled user at once', async () => {
    const binding: RoleBinding = {
      role: 'opd_operator',
      scope: { level: 'opd', code: '18.04-DISDIK' },
    };
    await executor.execute(
      userUseCases.grantRole,
      {
        username: 'op.disdik',
        binding: { role: 'viewer', scope: { level: 'region', code: '18.04' } },
      },
      ctx(adminLambar),
    );
    await executor.execute(
      userUseCases.revokeRole,
      { username: 'op.disdik', binding },
      ctx(adminLambar),
    );
    expect((await actorFor(executor.loader, 'op.disdik'))?.bindings).toEqual([
      { role: 'viewer', scope: { level: 'region', code: '18.04' } },
    ]);
    await executor.execute(
      userUseCases.disableUser,
      { username: 'op.disdik', reason: 'mutasi' },
      ctx(adminLambar),
    );
    expect(await actorFor(executor.loader, 'op.disdik')).toBeNull();
    await expect(
      authenticate(executor.loader, 'op.disdik', 'kata-sandi-baru'),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('idempotent commands', () => {
  it('answers a retried command that already succeeded even though the rule would now refuse it', async () => {
    const c = ctx(sys);
    const input = { regionCode: '18.04', code: 'DINSOS', name: 'Dinas Sosial' };
    const first = await executor.execute(opdUseCases.registerOpd, input, c);
    const again = await executor.execute(opdUseCases.registerOpd, input, c);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('never stores the password in the idempotency payload or the events', async () => {
    await executor.execute(userUseCases.registerUser, register2('pw.check'), ctx(sys));
    const rows = await db.sql`select data::text as d from events where stream_id = 'user-pw.check'`;
    expect(rows[0]!.d).not.toContain('rahasia-sekali-99');
    expect(rows[0]!.d).toContain('$2');
  });
});

function register2(username: string) {
  return {
    username,
    displayName: username,
    password: 'rahasia-sekali-99',
    bindings: [
      { role: 'viewer' as const, scope: { level: 'national' as const, code: '' as const } },
    ],
  };
}
