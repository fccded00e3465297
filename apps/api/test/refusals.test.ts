// Over HTTP: commands about an OPD or region that does not exist, and negative values where
// the indicator cannot be negative, are refused with the field named and nothing is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '@sakip/event-store';
import { opdUseCases, systemActor } from '@sakip/application';
import { addUser, seedBasics, startHarness, trpcError, type Harness } from './harness';

let h: Harness;
let admin: string;
let operator: string;
let head: string;
const opdId = '18.04-DISKOPUKM';
const ghost = '18.04-KARANGAN';

const info = {
  number: '050/18/KPTS/III.06/1/2023',
  title: 'Penetapan IKU 2023-2026',
  date: '2023-01-04',
  place: 'Liwa',
  signer: { name: 'AKSANI, SP., M.Si', nip: null, position: 'Pengguna Anggaran' },
  legalBases: [],
  kind: 'penetapan' as const,
  periodStart: 2023,
  periodEnd: 2026,
};
const targets = (...v: string[]) => v.map((value, i) => ({ year: 2023 + i, value }));
const dokumen = {
  code: 'IKU-DOK',
  kind: 'iku' as const,
  elementCode: 'SS-1',
  name: 'Jumlah dokumen perencanaan',
  formula: { kind: 'count' as const, input: 'dokumen' },
  satuan: 'dokumen',
  polarity: 'higher_better' as const,
  targets: targets('2', '2', '3', '3'),
};
const umkm = {
  ...dokumen,
  code: 'IKU-UMKM',
  name: '% peningkatan jumlah UMKM',
  formula: { kind: 'growth' as const, initial: 'umkm_awal', final: 'umkm_akhir' },
  satuan: '%',
  targets: targets('-1', '0.5', '1', '1.5'),
};
const evidence = { documentRef: 'Laporan 2024', dataSource: 'Bidang', attachment: null };
const party = (name: string, position: string) => ({ name, nip: null, position });

async function streamVersion(id: string): Promise<number> {
  return (await new EventStore(h.db.sql).readStream(id)).version;
}
async function eventCount(): Promise<number> {
  const [r] = await h.db.sql<{ n: number }[]>`select count(*)::int as n from events`;
  return r!.n;
}

beforeAll(async () => {
  h = await startHarness();
  await seedBasics(h.executor);
  await h.executor.execute(
    opdUseCases.addPosition,
    { opdId, code: 'KADIS', title: 'Kepala Dinas', unitCode: null, tugas: 'Memimpin', fungsi: [] },
    { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
  );
  await addUser(h.executor, 'admin.lampung', [
    { role: 'province_admin', scope: { level: 'province', code: '18' } },
  ]);
  await addUser(h.executor, 'operator.lambar', [
    { role: 'opd_operator', scope: { level: 'opd', code: opdId } },
  ]);
  await addUser(h.executor, 'kadis.lambar', [
    { role: 'opd_head', scope: { level: 'opd', code: opdId } },
  ]);
  admin = await h.login('admin.lampung');
  operator = await h.login('operator.lambar');
  head = await h.login('kadis.lambar');
  const op = h.client(operator);
  const decreeId = randomUUID();
  await op.plans.draftDecree.mutate({ opdId, decreeId, info });
  await op.plans.defineElement.mutate({
    opdId,
    decreeId,
    element: { code: 'SS-1', level: 'sasaran', name: 'Sasaran perencanaan', parentCode: null },
  });
  await op.plans.defineIndicator.mutate({ opdId, decreeId, indicator: dokumen });
  await op.plans.defineIndicator.mutate({ opdId, decreeId, indicator: umkm });
  await h.client(head).plans.enactDecree.mutate({ opdId, decreeId });
}, 60_000);
afterAll(async () => h?.close());

describe('a made-up OPD or region', () => {
  it('refuses a user bound to an OPD or region that does not exist, writing nothing', async () => {
    const before = await eventCount();
    const opd = await trpcError(
      h.client(admin).users.register.mutate({
        username: 'operator.karangan',
        displayName: 'Operator',
        password: 'rahasia-demo-123',
        bindings: [{ role: 'opd_operator', scope: { level: 'opd', code: ghost } }],
      }),
    );
    expect(opd.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ path: ['bindings', 0, 'scope', 'code'] }],
    });
    expect(opd.message).toContain(`OPD ${ghost} belum terdaftar`);
    expect(opd.message).toContain(`OPD ${ghost} is not registered`);
    const region = await trpcError(
      h.client(admin).users.register.mutate({
        username: 'admin.karangan',
        displayName: 'Admin',
        password: 'rahasia-demo-123',
        bindings: [{ role: 'region_admin', scope: { level: 'region', code: '18.99' } }],
      }),
    );
    expect(region.message).toContain('Wilayah 18.99 belum terdaftar');
    const grant = await trpcError(
      h.client(admin).users.grantRole.mutate({
        username: 'operator.lambar',
        binding: { role: 'opd_operator', scope: { level: 'opd', code: ghost } },
      }),
    );
    expect(grant.data?.fieldErrors[0]?.path).toEqual(['binding', 'scope', 'code']);
    expect(await eventCount()).toBe(before);
  });

  // Realizations and spending need an operator bound to the OPD, which can no longer be created
  // for a made-up OPD; packages/application/test covers those commands with a system actor.
  it('refuses a decree, PK and budget for an OPD that does not exist', async () => {
    const before = await eventCount();
    const a = h.client(admin);
    const calls = {
      decree: () => a.plans.draftDecree.mutate({ opdId: ghost, decreeId: randomUUID(), info }),
      pk: () =>
        a.pk.sign.mutate({
          opdId: ghost,
          year: 2024,
          positionCode: 'KADIS',
          firstParty: party('Kepala Dinas', 'Kepala Dinas'),
          secondParty: party('Bupati', 'Bupati'),
          date: '2024-01-31',
          targets: [{ indicatorCode: 'IKU-DOK', value: '2' }],
          budgets: [],
        }),
      budget: () =>
        a.budget.recordStage.mutate({
          opdId: ghost,
          year: 2024,
          stage: 'dpa_pengesahan',
          documentRef: 'DPA 2024',
          date: '2024-01-02',
          lines: [{ programCode: 'P-1', amount: '1000', fundingSource: 'APBD' }],
        }),
    };
    for (const [what, call] of Object.entries(calls)) {
      const err = await trpcError(call());
      expect(err.data, what).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: [{ path: ['opdId'] }],
      });
      expect(err.message, what).toContain(`OPD ${ghost} belum terdaftar`);
    }
    expect(await streamVersion(`plan-${ghost}`)).toBe(0);
    expect(await eventCount()).toBe(before);
  });
});

describe('negative values', () => {
  it('refuses a negative realization of a count, accepts a negative growth', async () => {
    const op = h.client(operator);
    const entry = {
      opdId,
      year: 2024,
      period: 'YEAR' as const,
      inputs: null,
      note: null,
      evidence,
    };
    const err = await trpcError(
      op.realizations.record.mutate({ ...entry, indicatorCode: 'IKU-DOK', value: '-1' }),
    );
    expect(err.data).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: [{ path: ['value'] }] });
    expect(err.message).toContain('tidak boleh negatif');
    expect(await streamVersion(`real-${opdId}-IKU-DOK-2024`)).toBe(0);
    await op.realizations.record.mutate({ ...entry, indicatorCode: 'IKU-UMKM', value: '-2.5' });
    expect(await streamVersion(`real-${opdId}-IKU-UMKM-2024`)).toBe(1);
  });

  it('refuses a negative decree target and a negative PK target of a count', async () => {
    const op = h.client(operator);
    const before = await eventCount();
    const draft = randomUUID();
    await op.plans.draftDecree.mutate({
      opdId,
      decreeId: draft,
      info: { ...info, number: 'PERUBAHAN/1', kind: 'perubahan' },
    });
    const decree = await trpcError(
      op.plans.defineIndicator.mutate({
        opdId,
        decreeId: draft,
        indicator: { ...dokumen, targets: targets('2', '-2', '3', '3') },
      }),
    );
    expect(decree.data?.fieldErrors[0]?.path).toEqual(['indicator', 'targets', 1, 'value']);
    const afterDraft = await eventCount();
    expect(afterDraft).toBe(before + 1);
    const pk = await trpcError(
      h.client(admin).pk.sign.mutate({
        opdId,
        year: 2024,
        positionCode: 'KADIS',
        firstParty: party('Kepala Dinas', 'Kepala Dinas'),
        secondParty: party('Bupati', 'Bupati'),
        date: '2024-01-31',
        targets: [{ indicatorCode: 'IKU-DOK', value: '-3' }],
        budgets: [],
      }),
    );
    expect(pk.data?.fieldErrors[0]?.path).toEqual(['targets', 0, 'value']);
    expect(pk.message).toContain('IKU-DOK');
    const budget = await trpcError(
      h.client(admin).budget.recordStage.mutate({
        opdId,
        year: 2024,
        stage: 'dpa_pengesahan',
        documentRef: 'DPA 2024',
        date: '2024-01-02',
        lines: [{ programCode: 'P-1', amount: '-1000', fundingSource: 'APBD' }],
      }),
    );
    expect(budget.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(budget.data?.fieldErrors)).toContain('amount');
    expect(await eventCount()).toBe(afterDraft);
  });
});
