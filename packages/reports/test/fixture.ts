// A realistic year for 18.04-DISKOPERINDAG: the example organisation and Lampung Barat SK
// imported, a budget, a PK, realizations, spending, a narrative and comparison figures recorded
// through the application's use cases (as apps/api/test/realizations.test.ts does over tRPC).
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  agreementUseCases,
  applyImport,
  budgetUseCases,
  CommandExecutor,
  PlanQueries,
  realizationUseCases,
  systemActor,
} from '@sakip/application';
import type { Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { EXAMPLES_DIR, parseImportBuffer } from '@sakip/importer';

export const OPD = '18.04-DISKOPERINDAG';
export const YEAR = 2024;
const evidence = {
  documentRef: 'Laporan Bidang Koperasi TW IV 2024',
  dataSource: 'Bidang Koperasi UKM',
  attachment: null,
};
export const ctx = () => ({
  actor: systemActor('test'),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

export async function importExample(sql: Sql, name: string): Promise<void> {
  const buf = await readFile(`${EXAMPLES_DIR}${name}`);
  const parsed = await parseImportBuffer(buf, name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const report = await applyImport(sql, parsed.document, systemActor('test'), {
    contentHash: createHash('sha256').update(buf).digest('hex'),
    correlationId: randomUUID(),
  });
  if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
}

export async function recordRealization(
  executor: CommandExecutor,
  indicatorCode: string,
  value: string | null,
  inputs: Record<string, string> | null = null,
  period: 'YEAR' | 'TW1' = 'YEAR',
  year = YEAR,
  verified = false,
): Promise<void> {
  await executor.execute(
    realizationUseCases.recordRealization,
    { opdId: OPD, indicatorCode, year, period, value, inputs, evidence, note: null } as never,
    ctx(),
  );
  if (!verified) return;
  // Reports count verified values: submitted, then verified by the head (no Inspektorat step).
  const entry = { opdId: OPD, indicatorCode, year, period };
  await executor.execute(realizationUseCases.submitRealization, entry as never, ctx());
  await executor.execute(
    realizationUseCases.verifyRealization,
    { ...entry, level: 'head' } as never,
    ctx(),
  );
}

/** Imports the examples and records a year of data; returns the executor for more. */
export async function seedYear(sql: Sql): Promise<CommandExecutor> {
  const executor = new CommandExecutor(new EventStore(sql));
  await importExample(sql, 'organisasi-demo.xlsx');
  await importExample(sql, 'sk-lampung-barat-050-18-2023.xlsx');
  await executor.execute(
    budgetUseCases.recordBudgetStage,
    {
      opdId: OPD,
      year: YEAR,
      stage: 'dpa_pengesahan',
      documentRef: 'DPA 2024',
      date: '2024-01-02',
      lines: [
        {
          programCode: 'SAS-49',
          kegiatanCode: null,
          subKegiatanCode: null,
          amount: '200000000',
          fundingSource: 'APBD',
        },
      ],
    } as never,
    ctx(),
  );
  const snap = await new PlanQueries(new EventStore(sql)).snapshot(OPD, {});
  const f = snap!.indicators['IKU-1']!.formula as { numerator: string; denominator: string };
  await recordRealization(executor, 'IKU-1', null, { [f.numerator]: '25', [f.denominator]: '75' });
  await recordRealization(executor, 'IKU-4', '912.40');
  await recordRealization(executor, 'IKU-5', '292.42');
  await recordRealization(executor, 'IKI-DAG-1', '2.5');
  await recordRealization(executor, 'IKU-4', '880', null, 'YEAR', 2023);
  await executor.execute(
    realizationUseCases.recordSpending,
    {
      opdId: OPD,
      year: YEAR,
      period: 'YEAR',
      lines: [
        { programCode: 'SAS-49', kegiatanCode: null, subKegiatanCode: null, amount: '150000000' },
      ],
    } as never,
    ctx(),
  );
  const sasaran = Object.values(snap!.elements).find((e) => e.level === 'sasaran')!;
  await executor.execute(
    realizationUseCases.recordNarrative,
    {
      opdId: OPD,
      sasaranCode: sasaran.code,
      year: YEAR,
      faktorPendukung: 'Pendampingan koperasi oleh penyuluh lapangan.',
      faktorPenghambat: 'Sebagian koperasi belum menyelenggarakan RAT.',
      solusi: 'Klinik RAT di setiap kecamatan pada 2025.',
    } as never,
    ctx(),
  );
  await executor.execute(
    realizationUseCases.recordComparison,
    {
      scope: 'province',
      code: '18',
      indicatorKey: 'IKU-4',
      opdId: OPD,
      year: YEAR,
      value: '483000.5',
      source: 'BPS Provinsi Lampung',
    } as never,
    ctx(),
  );
  void agreementUseCases;
  return executor;
}
