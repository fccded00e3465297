import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type RouterOutputs } from '../lib/api';
import { useT } from '../lib/context';
import { pickBilingual } from '../lib/i18n';
import { ErrorBox, Notice, Pager, usePaged } from './ui';

type Report = RouterOutputs['imports']['run'];

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Template import: dry run first, the row-level problems in the page, then the real import. */
export function ImportPanel() {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!file) throw new Error('no file');
      return api.imports.run.mutate({
        fileName: file.name,
        contentBase64: await fileToBase64(file),
        dryRun,
      });
    },
    onSuccess: (r) => {
      setReport(r);
      if (!r.dryRun && r.ok) void qc.invalidateQueries();
    },
  });
  const problems = (report?.problems ?? []) as {
    sheet?: string;
    row?: number;
    column?: string;
    message: string;
  }[];
  const paged = usePaged(problems, 15);
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('sk.import')}</h2>
      <div className="field">
        <label htmlFor="import-file">{t('sk.importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </div>
      <div className="row">
        <button type="button" disabled={!file || run.isPending} onClick={() => run.mutate(true)}>
          {t('sk.importCheck')}
        </button>
        <button
          type="button"
          className="btn-primary"
          disabled={!file || run.isPending || !report?.ok || !report.dryRun}
          onClick={() => run.mutate(false)}
        >
          {t('sk.importRun')}
        </button>
      </div>
      <ErrorBox error={run.error} />
      {report?.ok && report.dryRun && (
        <Notice kind="ok">
          {t('sk.importOk', { rows: report.rowCount, events: report.eventsWritten })}
        </Notice>
      )}
      {report?.ok && !report.dryRun && (
        <Notice kind="ok">
          {report.unchanged
            ? t('sk.importUnchanged')
            : t('sk.importDone', { events: report.eventsWritten })}
        </Notice>
      )}
      {problems.length > 0 && (
        <>
          <h3>
            {t('sk.problems')} ({problems.length})
          </h3>
          <table className="problems">
            <thead>
              <tr>
                <th scope="col">{t('sk.sheet')}</th>
                <th scope="col">{t('sk.row')}</th>
                <th scope="col">{t('sk.column')}</th>
                <th scope="col">{t('sk.message')}</th>
              </tr>
            </thead>
            <tbody>
              {paged.slice.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet ?? '–'}</td>
                  <td className="num">{p.row ?? '–'}</td>
                  <td>{p.column ?? '–'}</td>
                  <td>{pickBilingual(lang, p.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager {...paged} />
        </>
      )}
    </section>
  );
}
