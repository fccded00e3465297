import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opdUseCases, regionUseCases, systemActor } from '@sakip/application';
import { addUser, seedBasics, startHarness, trpcError, type Harness } from './harness';

let h: Harness;
let operator: string;
let head: string;
let viewerOtherProvince: string;
const opdId = '18.04-DISKOPUKM';
const sk1 = randomUUID();
const sk2 = randomUUID();

const info = {
  number: '050/18/KPTS/III.06/1/2023',
  title: 'Penetapan IKU dan IKI Tahun 2023-2026',
  date: '2023-01-04',
  place: 'Liwa',
  signer: { name: 'AKSANI, SP., M.Si', nip: null, position: 'Pengguna Anggaran' },
  legalBases: ['Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah'],
  kind: 'penetapan' as const,
  periodStart: 2023,
  periodEnd: 2026,
};
const targets = (...v: string[]) => v.map((value, i) => ({ year: 2023 + i, value }));
const koperasiSehat = {
  code: 'IKU-1',
  kind: 'iku' as const,
  elementCode: 'SS-1',
  name: '% Koperasi yang Sehat',
  formulaText: 'Σ Koperasi sehat / Σ Koperasi x 100%',
  formula: {
    kind: 'ratio' as const,
    numerator: 'koperasi_sehat',
    denominator: 'jumlah_koperasi',
    scale: 100 as const,
  },
  satuan: '%',
  polarity: 'higher_better' as const,
  sumberData: 'Bidang Koperasi UKM',
  targets: targets('30', '32', '33', '34'),
};
const pdrb = {
  ...koperasiSehat,
  code: 'IKU-4',
  name: 'PDRB Sektor Perdagangan',
  formula: { kind: 'value' as const, input: 'pdrb' },
  formulaText: 'Data BPS',
  satuan: 'Milyar rupiah',
  targets: targets('887.43', '905.17', '923.27', '941.73'),
};

beforeAll(async () => {
  h = await startHarness();
  await seedBasics(h.executor);
  await h.executor.execute(
    opdUseCases.addPosition,
    {
      opdId,
      code: 'KADIS',
      title: 'Kepala Dinas',
      unitCode: null,
      tugas: 'Memimpin dinas',
      fungsi: [],
    },
    { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
  );
  await addUser(h.executor, 'operator.lambar', [
    { role: 'opd_operator', scope: { level: 'opd', code: opdId } },
  ]);
  await addUser(h.executor, 'kadis.lambar', [
    { role: 'opd_head', scope: { level: 'opd', code: opdId } },
  ]);
  await addUser(h.executor, 'admin.lampung', [
    { role: 'province_admin', scope: { level: 'province', code: '18' } },
  ]);
  // Users are bound to registered regions only.
  await h.executor.execute(
    regionUseCases.registerRegion,
    { code: '35', name: 'Jawa Timur', codeEdition: 'Kepmendagri 2025' },
    { actor: systemActor('test'), commandId: randomUUID(), correlationId: randomUUID() },
  );
  await addUser(h.executor, 'viewer.jatim', [
    { role: 'viewer', scope: { level: 'province', code: '35' } },
  ]);
  operator = await h.login('operator.lambar');
  head = await h.login('kadis.lambar');
  viewerOtherProvince = await h.login('viewer.jatim');
}, 60_000);
afterAll(async () => h?.close());

describe('decrees through the API', () => {
  it('drafts the SK, records indicators under it, and the head enacts it', async () => {
    const op = h.client(operator);
    await op.plans.draftDecree.mutate({ opdId, decreeId: sk1, info });
    await op.plans.defineElement.mutate({
      opdId,
      decreeId: sk1,
      element: {
        code: 'SS-1',
        level: 'sasaran',
        name: 'Meningkatnya Kualitas dan Daya Saing Koperasi dan UMKM',
        parentCode: null,
      },
    });
    await op.plans.defineIndicator.mutate({ opdId, decreeId: sk1, indicator: koperasiSehat });
    await op.plans.defineIndicator.mutate({ opdId, decreeId: sk1, indicator: pdrb });
    await op.plans.defineIndicator.mutate({
      opdId,
      decreeId: sk1,
      indicator: { ...koperasiSehat, code: 'IKI-KADIS-1', kind: 'iki', positionCode: 'KADIS' },
    });

    const refused = await trpcError(op.plans.enactDecree.mutate({ opdId, decreeId: sk1 }));
    expect(refused.data?.code).toBe('FORBIDDEN');
    await h.client(head).plans.enactDecree.mutate({ opdId, decreeId: sk1 });

    const decrees = await op.plans.decrees.query({ opdId });
    expect(decrees).toMatchObject([
      {
        decreeId: sk1,
        number: info.number,
        status: 'enacted',
        sequence: 1,
        changeCount: 4,
        draftedBy: 'operator.lambar',
        enactedBy: 'kadis.lambar',
      },
    ]);
  });

  it('refuses bad input with the field: missing year, unknown position, reused number, editing an enacted SK', async () => {
    const op = h.client(operator);
    const draft = randomUUID();
    await op.plans.draftDecree.mutate({
      opdId,
      decreeId: draft,
      info: { ...info, number: 'DRAFT/1', kind: 'perubahan' },
    });
    const missing = await trpcError(
      op.plans.defineIndicator.mutate({
        opdId,
        decreeId: draft,
        indicator: { ...koperasiSehat, targets: targets('30', '32', '33') },
      }),
    );
    expect(missing.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ path: ['indicator', 'targets'] }],
    });
    expect(missing.message).toContain('2026');
    const position = await trpcError(
      op.plans.defineIndicator.mutate({
        opdId,
        decreeId: draft,
        indicator: { ...koperasiSehat, code: 'IKI-X', kind: 'iki', positionCode: 'KASI-TIDAK-ADA' },
      }),
    );
    expect(position.data?.fieldErrors[0]?.path).toEqual(['indicator', 'positionCode']);
    const reused = await trpcError(
      op.plans.draftDecree.mutate({
        opdId,
        decreeId: randomUUID(),
        info: { ...info, kind: 'perubahan' },
      }),
    );
    expect(reused.data?.fieldErrors[0]?.path).toEqual(['info', 'number']);
    const enacted = await trpcError(
      op.plans.editDecree.mutate({
        opdId,
        decreeId: sk1,
        info: { ...info, place: 'Bandar Lampung' },
      }),
    );
    expect(enacted.data?.messageEn).toContain('immutable');
    const withdraw = await trpcError(
      op.plans.withdrawChange.mutate({ opdId, decreeId: draft, key: 'indicator:none' }),
    );
    expect(withdraw.data?.fieldErrors[0]?.path).toEqual(['key']);
    expect(await op.plans.decrees.query({ opdId })).toContainEqual(
      expect.objectContaining({ decreeId: draft, status: 'draft', changeCount: 0 }),
    );
  });

  it('amends under a second SK and answers the three audit questions', async () => {
    const op = h.client(operator);
    await op.plans.draftDecree.mutate({
      opdId,
      decreeId: sk2,
      info: {
        ...info,
        number: '050/27/KPTS/III.06/2024',
        date: '2024-02-15',
        kind: 'perubahan',
        title: 'Perubahan IKU 2023-2026',
      },
    });
    await op.plans.defineIndicator.mutate({
      opdId,
      decreeId: sk2,
      indicator: {
        ...pdrb,
        name: 'PDRB Sektor Perdagangan (ADHB)',
        targets: targets('887.43', '905.17', '930', '941.73'),
      },
    });
    await op.plans.retireIndicator.mutate({
      opdId,
      decreeId: sk2,
      code: 'IKI-KADIS-1',
      reason: 'Digabung ke IKU-1',
    });
    await op.plans.defineElement.mutate({
      opdId,
      decreeId: sk2,
      element: {
        code: 'PRG-1',
        level: 'program',
        name: 'Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro',
        parentCode: 'SS-1',
      },
    });
    await h.client(head).plans.enactDecree.mutate({ opdId, decreeId: sk2 });

    // 1. The set as it stood under SK 1, and on a date before SK 2.
    const underSk1 = await op.plans.snapshot.query({ opdId, decreeId: sk1 });
    expect(Object.keys(underSk1.indicators).sort()).toEqual(['IKI-KADIS-1', 'IKU-1', 'IKU-4']);
    expect(underSk1.indicators['IKU-4']?.targets.map((t) => t.value)).toEqual([
      '887.43',
      '905.17',
      '923.27',
      '941.73',
    ]);
    const onDate = await op.plans.snapshot.query({ opdId, date: '2023-12-31' });
    expect(onDate.decreeIds).toEqual([sk1]);
    const now = await op.plans.snapshot.query({ opdId, date: '2024-12-31' });
    expect(Object.keys(now.indicators).sort()).toEqual(['IKU-1', 'IKU-4']);

    // 2. The difference between the two SKs.
    const diff = await op.plans.diff.query({ opdId, fromDecreeId: sk1, toDecreeId: sk2 });
    expect(diff.removed.map((i) => i.code)).toEqual(['IKI-KADIS-1']);
    expect(diff.renamed).toEqual([
      { code: 'IKU-4', from: 'PDRB Sektor Perdagangan', to: 'PDRB Sektor Perdagangan (ADHB)' },
    ]);
    expect(diff.targetChanged).toMatchObject([
      { code: 'IKU-4', year: 2025, from: { value: '923.27' }, to: { value: '930' } },
    ]);

    // 3. Who recorded each change, when, and under which SK.
    const history = await op.plans.history.query({ opdId });
    const retire = history.find((e) => e.type === 'IndicatorRetired');
    expect(retire).toMatchObject({
      actor: 'operator.lambar',
      role: 'opd_operator',
      decreeId: sk2,
      decreeNumber: '050/27/KPTS/III.06/2024',
      subject: 'IKI-KADIS-1',
    });
    expect(Date.parse(retire!.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(history.filter((e) => e.type === 'DecreeEnacted').map((e) => e.actor)).toEqual([
      'kadis.lambar',
      'kadis.lambar',
    ]);
  });

  it('hides another province’s plans from a viewer', async () => {
    const err = await trpcError(h.client(viewerOtherProvince).plans.decrees.query({ opdId }));
    expect(err.data?.code).toBe('FORBIDDEN');
  });
});

describe('performance agreements, budgets and the catalog', () => {
  const parties = {
    firstParty: {
      name: 'AKSANI, SP., M.Si',
      nip: null,
      position: 'Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan',
    },
    secondParty: { name: 'PAROSIL MABSUS', nip: null, position: 'Bupati Lampung Barat' },
  };

  it('signs a PK, flags a target that differs from the Renstra, and keeps revisions', async () => {
    const op = h.client(operator);
    await op.pk.sign.mutate({
      opdId,
      year: 2024,
      positionCode: 'KADIS',
      date: '2024-01-10',
      ...parties,
      targets: [
        { indicatorCode: 'IKU-1', value: '31' },
        { indicatorCode: 'IKU-4', value: '905.17' },
      ],
      budgets: [{ programCode: 'PRG-1', amount: '1250000000' }],
    });
    const pk = await op.pk.get.query({ opdId, year: 2024, positionCode: 'KADIS' });
    expect(pk.renstraConflicts).toEqual([
      expect.objectContaining({
        indicatorCode: 'IKU-1',
        pkValue: '31',
        renstraValue: '32',
        kind: 'value_differs',
      }),
    ]);

    const noReason = await trpcError(
      op.pk.revise.mutate({
        opdId,
        year: 2024,
        positionCode: 'KADIS',
        reason: '',
        date: '2024-08-01',
        targets: [{ indicatorCode: 'IKU-1', value: '32' }],
        budgets: [],
      }),
    );
    expect(noReason.data?.fieldErrors[0]?.path).toEqual(['reason']);
    await op.pk.revise.mutate({
      opdId,
      year: 2024,
      positionCode: 'KADIS',
      reason: 'Penyesuaian APBD Perubahan 2024',
      date: '2024-09-01',
      targets: [
        { indicatorCode: 'IKU-1', value: '32' },
        { indicatorCode: 'IKU-4', value: '905.17' },
      ],
      budgets: [{ programCode: 'PRG-1', amount: '1100000000' }],
    });
    const revised = await op.pk.get.query({ opdId, year: 2024, positionCode: 'KADIS' });
    expect(revised.revisions.map((r) => [r.revision, r.reason])).toEqual([
      [0, null],
      [1, 'Penyesuaian APBD Perubahan 2024'],
    ]);
    expect(revised.renstraConflicts).toEqual([]);

    const unknown = await trpcError(
      op.pk.sign.mutate({
        opdId,
        year: 2025,
        positionCode: 'KADIS',
        date: '2025-01-10',
        ...parties,
        targets: [{ indicatorCode: 'IKU-99', value: '1' }],
        budgets: [],
      }),
    );
    expect(unknown.data?.code).toBe('BAD_REQUEST');
    expect(unknown.message).toContain('IKU-99');
  });

  it('records budget stages in order with funding source and totals', async () => {
    const op = h.client(operator);
    const line = (amount: string) => [
      { programCode: 'PRG-1', amount, fundingSource: 'APBD' as const },
    ];
    await op.budget.recordStage.mutate({
      opdId,
      year: 2024,
      stage: 'renja_murni',
      documentRef: 'Renja 2024',
      date: '2023-06-01',
      lines: line('1300000000'),
    });
    await op.budget.recordStage.mutate({
      opdId,
      year: 2024,
      stage: 'dpa_pengesahan',
      documentRef: 'DPA 1.01/2024',
      date: '2024-01-02',
      lines: line('1250000000.50'),
    });
    const back = await trpcError(
      op.budget.recordStage.mutate({
        opdId,
        year: 2024,
        stage: 'rka',
        documentRef: 'RKA 2024',
        date: '2023-10-01',
        lines: line('1'),
      }),
    );
    expect(back.data?.code).toBe('BAD_REQUEST');
    const budget = await op.budget.get.query({ opdId, year: 2024 });
    expect(budget.totals.map((t) => [t.stage, t.total])).toEqual([
      ['renja_murni', '1300000000'],
      ['dpa_pengesahan', '1250000000.5'],
    ]);
  });

  it('maps a local indicator to the province catalog and refuses a unit mismatch', async () => {
    const admin = await h.login('admin.lampung');
    await h.client(admin).catalog.define.mutate({
      provinceCode: '18',
      code: 'KOP-SEHAT',
      name: 'Persentase koperasi sehat',
      satuan: '%',
      polarity: 'higher_better',
    });
    const op = h.client(operator);
    const denied = await trpcError(
      op.catalog.define.mutate({
        provinceCode: '18',
        code: 'X-1',
        name: 'Sesuatu',
        satuan: '%',
        polarity: 'higher_better',
      }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
    await op.catalog.map.mutate({
      provinceCode: '18',
      opdId,
      indicatorCode: 'IKU-1',
      catalogCode: 'KOP-SEHAT',
    });
    const mismatch = await trpcError(
      op.catalog.map.mutate({
        provinceCode: '18',
        opdId,
        indicatorCode: 'IKU-4',
        catalogCode: 'KOP-SEHAT',
      }),
    );
    expect(mismatch.data?.code).toBe('BAD_REQUEST');
    expect(mismatch.message).toMatch(/Milyar rupiah/i);
    const catalog = await op.catalog.list.query({ provinceCode: '18' });
    expect(catalog.mappings).toEqual([
      expect.objectContaining({ opdId, indicatorCode: 'IKU-1', catalogCode: 'KOP-SEHAT' }),
    ]);
  });
});

describe('draft preview and account list', () => {
  it('shows a draft as it would stand if enacted, and lists accounts only to admins', async () => {
    const op = h.client(operator);
    const draft = randomUUID();
    await op.plans.draftDecree.mutate({
      opdId,
      decreeId: draft,
      info: { ...info, number: 'DRAFT/PREVIEW/1', date: '2024-06-01', kind: 'perubahan' },
    });
    await op.plans.defineIndicator.mutate({
      opdId,
      decreeId: draft,
      indicator: { ...koperasiSehat, targets: targets('30', '32', '35', '34') },
    });
    const d = await op.plans.draft.query({ opdId, decreeId: draft });
    expect(d.status).toBe('draft');
    expect(d.diff.targetChanged).toEqual([
      expect.objectContaining({
        code: 'IKU-1',
        year: 2025,
        from: { year: 2025, value: '33' },
        to: { year: 2025, value: '35' },
      }),
    ]);
    expect(d.preview.indicators['IKU-1']?.targets[2]?.value).toBe('35');

    const admin = h.client(await h.login('admin.lampung'));
    const users = await admin.users.list.query();
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['operator.lambar', 'kadis.lambar']),
    );
    expect(users.map((u) => u.username)).not.toContain('viewer.jatim');
    expect(JSON.stringify(users)).not.toContain('passwordHash');
    expect(await op.users.list.query()).toEqual([]);
  });
});
