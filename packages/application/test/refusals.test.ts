// Commands about an OPD or region nobody registered, and negative values an indicator cannot
// hold, are refused with the field named, before anything is written (even for the system).
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { parseImportBuffer } from '@sakip/importer';
import { createTestDatabase, type TestDatabase } from '@sakip/testing';
import {
  agreementUseCases,
  applyImport,
  budgetUseCases,
  CommandExecutor,
  opdUseCases,
  planUseCases,
  realizationUseCases,
  regionUseCases,
  systemActor,
  userUseCases,
} from '../src/index';

let db: TestDatabase;
let store: EventStore;
let executor: CommandExecutor;
const ctx = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});
const opdId = '18.04-DISKOPUKM';
const ghost = '18.04-KARANGAN';
const evidence = { documentRef: 'Laporan 2024', dataSource: 'Bidang', attachment: null };
const party = (name: string, position: string) => ({ name, nip: null, position });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}
async function eventCount(): Promise<number> {
  const [r] = await db.sql<{ n: number }[]>`select count(*)::int as n from events`;
  return r!.n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  store = new EventStore(db.sql);
  executor = new CommandExecutor(store);
  for (const [code, name] of [
    ['18', 'Lampung'],
    ['18.04', 'Kabupaten Lampung Barat'],
  ] as const)
    await executor.execute(
      regionUseCases.registerRegion,
      { code, name, codeEdition: 'Kepmendagri 2025' },
      ctx(),
    );
  await executor.execute(
    opdUseCases.registerOpd,
    { regionCode: '18.04', code: 'DISKOPUKM', name: 'Dinas Koperasi' },
    ctx(),
  );
  const decreeId = randomUUID();
  await executor.execute(
    planUseCases.draftDecree,
    {
      opdId,
      decreeId,
      info: {
        number: '050/18/KPTS/2023',
        title: 'Penetapan IKU 2023-2026',
        date: '2023-01-04',
        place: 'Liwa',
        signer: { name: 'Kepala Dinas', nip: null, position: 'Kepala Dinas' },
        legalBases: [],
        kind: 'penetapan',
        periodStart: 2023,
        periodEnd: 2026,
      },
    },
    ctx(),
  );
  await executor.execute(
    planUseCases.defineElement,
    {
      opdId,
      decreeId,
      element: { code: 'SS-1', level: 'sasaran', name: 'Sasaran', parentCode: null },
    },
    ctx(),
  );
  await executor.execute(
    planUseCases.defineIndicator,
    {
      opdId,
      decreeId,
      indicator: {
        code: 'IKU-RP',
        kind: 'iku',
        elementCode: 'SS-1',
        positionCode: null,
        name: 'Nilai investasi UMKM',
        definition: null,
        formulaText: null,
        formula: { kind: 'value', input: 'investasi' },
        satuan: 'Milyar rupiah',
        polarity: 'higher_better',
        sumberData: null,
        penanggungJawab: null,
        dataPeriod: 'yearly',
        rollup: 'last',
        baseline: null,
        targets: [2023, 2024, 2025, 2026].map((year) => ({ year, value: '10' })),
        cascadeTo: null,
      },
    },
    ctx(),
  );
  await executor.execute(planUseCases.enactDecree, { opdId, decreeId }, ctx());
}, 60_000);
afterAll(async () => db?.drop());

describe('an OPD that does not exist', () => {
  it.each([
    [
      'a decree',
      () =>
        executor.execute(
          planUseCases.draftDecree,
          {
            opdId: ghost,
            decreeId: randomUUID(),
            info: {
              number: 'X/1/2024',
              title: 'SK karangan',
              date: '2024-01-01',
              place: 'Liwa',
              signer: { name: 'Kepala', nip: null, position: 'Kepala' },
              legalBases: [],
              kind: 'penetapan',
              periodStart: 2024,
              periodEnd: 2026,
            },
          },
          ctx(),
        ),
    ],
    [
      'a PK',
      () =>
        executor.execute(
          agreementUseCases.signPk,
          {
            opdId: ghost,
            year: 2024,
            positionCode: 'KADIS',
            firstParty: party('Kepala Dinas', 'Kepala Dinas'),
            secondParty: party('Bupati', 'Bupati'),
            date: '2024-01-31',
            targets: [{ indicatorCode: 'IKU-RP', value: '10', unit: null, text: null }],
            budgets: [],
          },
          ctx(),
        ),
    ],
    [
      'a budget',
      () =>
        executor.execute(
          budgetUseCases.recordBudgetStage,
          {
            opdId: ghost,
            year: 2024,
            stage: 'dpa_pengesahan',
            documentRef: 'DPA 2024',
            date: '2024-01-02',
            lines: [
              {
                programCode: 'P-1',
                kegiatanCode: null,
                subKegiatanCode: null,
                amount: '1000',
                fundingSource: 'APBD',
              },
            ],
          },
          ctx(),
        ),
    ],
    [
      'a realization',
      () =>
        executor.execute(
          realizationUseCases.recordRealization,
          {
            opdId: ghost,
            indicatorCode: 'IKU-RP',
            year: 2024,
            period: 'YEAR',
            value: '2',
            inputs: null,
            note: null,
            evidence,
          },
          ctx(),
        ),
    ],
    [
      'spending',
      () =>
        executor.execute(
          realizationUseCases.recordSpending,
          {
            opdId: ghost,
            year: 2024,
            period: 'TW1',
            lines: [
              { programCode: 'P-1', kegiatanCode: null, subKegiatanCode: null, amount: '10' },
            ],
          },
          ctx(),
        ),
    ],
  ])('refuses %s, naming the OPD, and writes nothing', async (_what, run) => {
    const before = await eventCount();
    const err = await refusal(run());
    expect(err).toMatchObject({
      code: 'opd_not_found',
      path: ['opdId'],
      messageId: `OPD ${ghost} belum terdaftar`,
      messageEn: `OPD ${ghost} is not registered`,
    });
    expect(await eventCount()).toBe(before);
  });

  it('the dry run of an SK for an OPD nobody registered already says so', async () => {
    const name = 'sk-lampung-barat-050-18-2023.xlsx';
    const buf = await readFile(
      fileURLToPath(new URL(`../../importer/examples/${name}`, import.meta.url)),
    );
    const parsed = await parseImportBuffer(buf, name);
    if (!parsed.ok) throw new Error('parse failed');
    const report = await applyImport(db.sql, parsed.document, systemActor('test'), {
      dryRun: true,
      contentHash: createHash('sha256').update(buf).digest('hex'),
      correlationId: randomUUID(),
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        column: 'id_opd',
        message: expect.stringContaining('OPD 18.04-DISKOPERINDAG belum terdaftar'),
      }),
    );
  });

  it('refuses a user bound to a region or OPD that does not exist, and a grant to one', async () => {
    const before = await eventCount();
    const register = (scope: { level: 'opd' | 'region' | 'province'; code: string }) =>
      executor.execute(
        userUseCases.registerUser,
        {
          username: `u.${randomUUID().slice(0, 8)}`,
          displayName: 'Pengguna',
          password: 'rahasia-demo-123',
          bindings: [
            { role: 'viewer', scope: { level: 'region', code: '18.04' } },
            { role: 'viewer', scope },
          ],
        },
        ctx(),
      );
    expect(await refusal(register({ level: 'opd', code: ghost }))).toMatchObject({
      code: 'opd_not_found',
      path: ['bindings', 1, 'scope', 'code'],
    });
    expect(await refusal(register({ level: 'region', code: '18.99' }))).toMatchObject({
      code: 'region_not_found',
      path: ['bindings', 1, 'scope', 'code'],
    });
    expect(await refusal(register({ level: 'province', code: '35' }))).toMatchObject({
      code: 'region_not_found',
    });
    expect(await eventCount()).toBe(before);
    await register({ level: 'opd', code: opdId });
    const grant = executor.execute(
      userUseCases.grantRole,
      { username: 'nobody.yet', binding: { role: 'viewer', scope: { level: 'opd', code: ghost } } },
      ctx(),
    );
    expect(await refusal(grant)).toMatchObject({
      code: 'opd_not_found',
      path: ['binding', 'scope', 'code'],
    });
  });
});

describe('negative values', () => {
  it('refuses a negative rupiah realization and a negative rupiah PK target', async () => {
    const before = await eventCount();
    const real = await refusal(
      executor.execute(
        realizationUseCases.recordRealization,
        {
          opdId,
          indicatorCode: 'IKU-RP',
          year: 2024,
          period: 'YEAR',
          value: '-5',
          inputs: null,
          note: null,
          evidence,
        },
        ctx(),
      ),
    );
    expect(real).toMatchObject({ code: 'negative_not_allowed', path: ['value'] });
    const pk = await refusal(
      executor.execute(
        agreementUseCases.signPk,
        {
          opdId,
          year: 2024,
          positionCode: 'KADIS',
          firstParty: party('Kepala Dinas', 'Kepala Dinas'),
          secondParty: party('Bupati', 'Bupati'),
          date: '2024-01-31',
          targets: [{ indicatorCode: 'IKU-RP', value: '-1', unit: null, text: null }],
          budgets: [],
        },
        ctx(),
      ),
    );
    expect(pk).toMatchObject({ code: 'negative_not_allowed', path: ['targets', 0, 'value'] });
    expect(await eventCount()).toBe(before);
  });
});
