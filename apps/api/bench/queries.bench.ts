/**
 * `pnpm bench queries [kabupaten] [opdsPerKabupaten] [indicators]`: the queries the admin screens
 * make, timed at province scale (default 40 kabupaten × 40 OPDs × 150 indicators, a 2023–2027
 * Renstra, a realization year for every indicator), through tRPC over loopback.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTRPCClient, httpLink } from '@trpc/client';
import {
  CommandExecutor,
  executeBatch,
  opdUseCases,
  planUseCases,
  regionUseCases,
  StateLoader,
  systemActor,
  userUseCases,
} from '@sakip/application';
import { loadConfig } from '@sakip/config';
import { EventStore } from '@sakip/event-store';
import { createTestDatabase, TEST_REDIS_URL } from '@sakip/testing';
import { opdTreeProjection, runProjection } from '@sakip/read-models';
import { startApi } from '../src/server';
import type { AppRouter } from '../src/trpc/router';

const KAB = Number(process.argv[2] ?? 40);
const OPDS = Number(process.argv[3] ?? 40);
const INDICATORS = Number(process.argv[4] ?? 150);
const YEAR = 2025;
const db = await createTestDatabase({ max: 8 });
const store = new EventStore(db.sql);
const executor = new CommandExecutor(store);
const loader = new StateLoader(store);
const ctx = () => ({
  actor: systemActor('bench'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});
const t0 = performance.now();

await executor.execute(
  regionUseCases.registerRegion,
  { code: '18', name: 'Provinsi Sintetis', codeEdition: 'bench' },
  ctx(),
);
const info = {
  title: 'IKU',
  date: '2023-01-02',
  place: 'Kota',
  signer: { name: 'Kepala Dinas', nip: null, position: 'Kepala Dinas' },
  legalBases: [],
  kind: 'penetapan' as const,
  periodStart: 2023,
  periodEnd: 2027,
};
const opdIds: string[] = [];
for (let k = 1; k <= KAB; k++) {
  const region = `18.${String(k).padStart(2, '0')}`;
  await executor.execute(
    regionUseCases.registerRegion,
    { code: region, name: `Kabupaten ${k}`, codeEdition: 'bench' },
    ctx(),
  );
  for (let o = 0; o < OPDS; o++) {
    const opdId = `${region}-OPD${o}`;
    opdIds.push(opdId);
    await executor.execute(
      opdUseCases.registerOpd,
      { regionCode: region, code: `OPD${o}`, name: `Dinas ${o} Kabupaten ${k}` },
      ctx(),
    );
    const on = { opdId, decreeId: randomUUID() };
    await executeBatch(
      store,
      loader,
      [
        {
          useCase: planUseCases.draftDecree,
          input: { ...on, info: { ...info, number: `050/${k}/${o}/2023` } },
        },
        {
          useCase: planUseCases.defineElement,
          input: {
            ...on,
            element: { code: 'SS-1', level: 'sasaran' as const, name: 'Sasaran', parentCode: null },
          },
        },
        ...Array.from({ length: INDICATORS }, (_, i) => ({
          useCase: planUseCases.defineIndicator,
          input: {
            ...on,
            indicator: {
              code: `IKU-${i}`,
              kind: 'iku' as const,
              elementCode: 'SS-1',
              positionCode: null,
              name: `Indikator ${i}`,
              definition: null,
              formulaText: null,
              formula: null,
              satuan: '%',
              polarity: (i % 5 === 0 ? 'lower_better' : 'higher_better') as 'higher_better',
              sumberData: null,
              penanggungJawab: null,
              dataPeriod: 'yearly' as const,
              rollup: 'last' as const,
              baseline: null,
              targets: [2023, 2024, 2025, 2026, 2027].map((year) => ({
                year,
                value: String(40 + (i % 50)),
              })),
              cascadeTo: null,
            },
          },
        })),
        { useCase: planUseCases.enactDecree, input: on },
      ] as never,
      ctx(),
    );
  }
}
const planned = performance.now();
// One recorded realization per indicator for the year (the events the domain writes, appended directly for speed).
const actor = {
  userId: 'bench',
  role: 'opd_operator',
  scope: { level: 'national' as const, code: '' },
};
let next = 0;
await Promise.all(
  Array.from({ length: 6 }, async () => {
    while (next < opdIds.length) {
      const opdId = opdIds[next++]!;
      for (let i = 0; i < INDICATORS; i++) {
        await store.append({
          streamId: `real-${opdId}-IKU-${i}-${YEAR}`,
          streamType: 'realization',
          expectedVersion: 0,
          events: [
            {
              type: 'RealizationRecorded',
              data: {
                opdId,
                indicatorCode: `IKU-${i}`,
                year: YEAR,
                period: 'YEAR',
                version: 1,
                actor: 'bench',
                value: String(35 + ((i * 7) % 30)),
                inputs: null,
                formula: null,
                evidence: { documentRef: 'bench', dataSource: 'bench', attachment: null },
                note: null,
              },
            },
          ],
          metadata: {
            actor,
            commandId: randomUUID(),
            correlationId: 'bench',
            causationId: 'bench',
            provinceCode: '18',
            regionCode: opdId.slice(0, 5),
          },
          payload: {},
        });
      }
    }
  }),
);
const realized = performance.now();
await executor.execute(
  userUseCases.registerUser,
  {
    username: 'admin.prov',
    displayName: 'Admin',
    password: 'rahasia-bench-1',
    bindings: [{ role: 'province_admin', scope: { level: 'province', code: '18' } }],
  },
  ctx(),
);
const events = (await db.sql<{ n: number }[]>`select count(*)::int as n from events`)[0]?.n ?? 0;

// The projector keeps the read models current in production; build them once here.
await runProjection({
  sql: db.sql,
  store,
  projection: opdTreeProjection,
  batchSize: 5000,
  untilCaughtUp: true,
  logger: { info: () => {}, warn: () => {}, error: () => {} },
});
const api = await startApi(
  loadConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PORT: '0', LOG_LEVEL: 'silent' }),
  pino({ level: 'silent' }),
);
const anon = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.url}/trpc` })] });
const { token } = await anon.auth.login.mutate({
  username: 'admin.prov',
  password: 'rahasia-bench-1',
});
const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: `${api.url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
});

async function time(name: string, runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(0); // first call fills the per-process cache, as an earlier user would have
  const ms: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const s = performance.now();
    await fn(i);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return {
    name,
    runs,
    p50: +ms[Math.floor(runs / 2)]!.toFixed(1),
    p95: +ms[Math.floor(runs * 0.95)]!.toFixed(1),
    max: +ms.at(-1)!.toFixed(1),
  };
}
const sample = (i: number) => opdIds[(i * 37) % opdIds.length]!;
// Each OPD's page is warmed once (a user opening it), then timed.
for (let i = 0; i <= 20; i++)
  await trpc.realizations.achievement.query({ opdId: sample(i), year: YEAR });
const results = [
  await time('org.tree (whole province)', 20, () => trpc.org.tree.query()),
  await time('org.opd', 20, (i) => trpc.org.opd.query({ opdId: sample(i) })),
  await time('plans.snapshot', 20, (i) => trpc.plans.snapshot.query({ opdId: sample(i) })),
  await time('plans.decrees', 20, (i) => trpc.plans.decrees.query({ opdId: sample(i) })),
  await time('realizations.achievement (150 indicators)', 20, (i) =>
    trpc.realizations.achievement.query({ opdId: sample(i), year: YEAR }),
  ),
];
await api.close();
await db.drop();
process.stdout.write(
  `${JSON.stringify({ date: new Date().toISOString(), scale: { kabupaten: KAB, opds: opdIds.length, indicators: INDICATORS, events }, generateSeconds: { plans: +((planned - t0) / 1000).toFixed(1), realizations: +((realized - planned) / 1000).toFixed(1) }, results }, null, 2)}\n`,
);
