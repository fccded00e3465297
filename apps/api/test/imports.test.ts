import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  importExample as importHarnessExample,
  startHarness,
  trpcError,
  type Harness,
} from './harness';

let h: Harness;
let operator: ReturnType<Harness['client']>;
const opdId = '18.04-DISKOPERINDAG';
const HEADER = 'id_opd;tahun;periode;kode_program;kode_kegiatan;kode_sub_kegiatan;realisasi';
const csv = (...rows: string[]) =>
  Buffer.from([HEADER, ...rows.map((r) => `${opdId};2024;${r}`)].join('\n')).toString('base64');

const importExample = (name: string) => importHarnessExample(h, name);

beforeAll(async () => {
  h = await startHarness();
  await importExample('organisasi-demo.xlsx');
  await importExample('sk-lampung-barat-050-18-2023.xlsx');
  await addUser(h.executor, 'operator', [
    { role: 'opd_operator', scope: { level: 'opd', code: opdId } },
  ]);
  operator = h.client(await h.login('operator'));
}, 120_000);
afterAll(async () => h?.close());

describe('imports over tRPC', () => {
  it('dry run lists the changes; a one-row file keeps the other lines; replace is announced', async () => {
    const two = await operator.imports.run.mutate({
      fileName: 'serapan-2024.csv',
      contentBase64: csv('TW1;SAS-4;;;100.000', 'TW1;SAS-49;;;200.000'),
    });
    expect(two).toMatchObject({ ok: true, dryRun: false });
    expect(two.changes.totals).toEqual({ added: 2, changed: 0, unchanged: 0, removed: 0 });

    const one = { fileName: 'serapan-koreksi.csv', contentBase64: csv('TW1;SAS-49;;;250.000') };
    const dry = await operator.imports.run.mutate({ ...one, dryRun: true });
    expect(dry.changes.totals).toEqual({ added: 0, changed: 1, unchanged: 0, removed: 0 });
    expect(dry.changes.changes[0]).toMatchObject({
      before: { realisasi: '200000' },
      after: { realisasi: '250000' },
    });
    const replace = await operator.imports.run.mutate({
      ...one,
      dryRun: true,
      replacePeriod: true,
    });
    expect(replace.changes).toMatchObject({
      replacePeriod: true,
      totals: { added: 0, changed: 1, unchanged: 0, removed: 1 },
    });
    expect((await operator.imports.run.mutate(one)).ok).toBe(true);

    const file = await operator.imports.export.query({ kind: 'serapan', opdId, year: 2024 });
    expect(file.rowCount).toBe(2);
    const again = await operator.imports.run.mutate({
      fileName: file.fileName,
      contentBase64: file.contentBase64,
      dryRun: true,
    });
    expect(again.changes.totals).toEqual({ added: 0, changed: 0, unchanged: 2, removed: 0 });
    expect(again.changes.changes.map((c) => c.after?.realisasi)).toEqual(['100000', '250000']);
  });

  it('exports only OPDs the user may read', async () => {
    const err = await trpcError(
      operator.imports.export.query({ kind: 'serapan', opdId: '18.71-DISKOPUKM', year: 2024 }),
    );
    expect(err.data?.code).toBe('FORBIDDEN');
  });
});
