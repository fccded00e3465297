/**
 * `pnpm bench import`: a 50,000-row targets file (100 OPDs × 125 indicators × 4 years) parsed,
 * checked and applied all-or-nothing into draft decrees, against the local PostgreSQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventStore } from '@sakip/event-store';
import {
  applyImport,
  executeBatch,
  opdUseCases,
  planUseCases,
  regionUseCases,
  StateLoader,
  systemActor,
  CommandExecutor,
} from '@sakip/application';
import { parseImportBuffer } from '@sakip/importer';
import { createTestDatabase } from '@sakip/testing';

const OPDS = 100;
const INDICATORS = 125;
const YEARS = [2025, 2026, 2027, 2028];
const db = await createTestDatabase({ max: 4 });
const store = new EventStore(db.sql);
const executor = new CommandExecutor(store);
const loader = new StateLoader(store);
const ctx = () => ({
  actor: systemActor('bench'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

await executor.execute(
  regionUseCases.registerRegion,
  { code: '18', name: 'Lampung', codeEdition: 'bench' },
  ctx(),
);
await executor.execute(
  regionUseCases.registerRegion,
  { code: '18.04', name: 'Lampung Barat', codeEdition: 'bench' },
  ctx(),
);
const info = {
  title: 'Bench',
  date: '2025-01-02',
  place: 'Liwa',
  signer: { name: 'Kepala', nip: null, position: 'Kepala Dinas' },
  legalBases: [],
  kind: 'penetapan' as const,
  periodStart: 2025,
  periodEnd: 2028,
};
for (let o = 0; o < OPDS; o++) {
  const opdId = `18.04-OPD${o}`;
  await executor.execute(
    opdUseCases.registerOpd,
    { regionCode: '18.04', code: `OPD${o}`, name: `Dinas ${o}` },
    ctx(),
  );
  const on = { opdId, decreeId: randomUUID() };
  const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
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
        polarity: 'higher_better' as const,
        sumberData: null,
        penanggungJawab: null,
        dataPeriod: 'yearly' as const,
        rollup: 'last' as const,
        baseline: null,
        targets: YEARS.map((year) => ({ year, value: '1' })),
        cascadeTo: null,
      },
    },
  }));
  await executeBatch(
    store,
    loader,
    [
      {
        useCase: planUseCases.draftDecree,
        input: { ...on, info: { ...info, number: `BENCH/${o}/2025` } },
      },
      {
        useCase: planUseCases.defineElement,
        input: {
          ...on,
          element: { code: 'SS-1', level: 'sasaran' as const, name: 'Sasaran', parentCode: null },
        },
      },
      ...indicators,
    ] as never,
    ctx(),
  );
}

const lines = ['#template: target', 'id_opd;nomor_sk;kode_indikator;tahun;target'];
for (let o = 0; o < OPDS; o++)
  for (let i = 0; i < INDICATORS; i++)
    for (const y of YEARS)
      lines.push(
        `18.04-OPD${o};BENCH/${o}/2025;IKU-${i};${y};${(30 + ((o + i + y) % 50)).toString()},5%`,
      );
const csv = Buffer.from(lines.join('\n'));
const rows = lines.length - 2;

const started = performance.now();
const parsed = await parseImportBuffer(csv, 'target-bench.csv');
const parsedAt = performance.now();
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
const report = await applyImport(db.sql, parsed.document, systemActor('bench'), {
  contentHash: createHash('sha256').update(csv).digest('hex'),
  correlationId: randomUUID(),
});
const done = performance.now();
if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 5)));
await db.drop();
const seconds = (done - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ date: new Date().toISOString(), rows, parseSeconds: +((parsedAt - started) / 1000).toFixed(2), applySeconds: +((done - parsedAt) / 1000).toFixed(2), rowsPerSecond: Math.round(rows / seconds), eventsWritten: report.eventsWritten, streams: report.streamsWritten }, null, 2)}\n`,
);
