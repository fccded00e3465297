import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type RouterInputs, type RouterOutputs } from '../lib/api';
import { useT } from '../lib/context';
import { pickBilingual } from '../lib/i18n';
import { ErrorBox, Notice, Pager, usePaged } from './ui';

type Report = RouterOutputs['imports']['run'];
type Change = Report['changes']['changes'][number];
type ExportKind = RouterInputs['imports']['export']['kind'];
const EXPORT_KINDS: readonly ExportKind[] = [
  'anggaran',
  'serapan',
  'narasi',
  'realisasi',
  'target',
];

function base64ToBlob(b64: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** "pagu: 1250000000 → 1300000000" for the columns that differ. */
function diffText(c: Change): string {
  if (c.status === 'changed')
    return c.columns
      .map((col) => `${col}: ${c.before?.[col] || '∅'} → ${c.after?.[col] || '∅'}`)
      .join('; ');
  return '';
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Template import: dry run first, the row-level problems in the page, then the real import. */
export function ImportPanel({ opdId }: { opdId?: string }) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [replacePeriod, setReplacePeriod] = useState(false);
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!file) throw new Error('no file');
      return api.imports.run.mutate({
        fileName: file.name,
        contentBase64: await fileToBase64(file),
        dryRun,
        replacePeriod,
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
  const changes = report?.changes.changes ?? [];
  const pagedChanges = usePaged(changes, 15);
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
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={replacePeriod}
            onChange={(e) => {
              // The import must be checked again with the new option before it can run.
              setReplacePeriod(e.target.checked);
              setReport(null);
            }}
          />{' '}
          {t('imp.replacePeriod')}
        </label>
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
      {report?.changes.replacePeriod && report.dryRun && (
        <Notice kind="warn">{t('imp.replaceAnnounced')}</Notice>
      )}
      {changes.length > 0 && (
        <>
          <h3>
            {t('imp.changes')}: {t('imp.totals', report?.changes.totals ?? {})}
          </h3>
          <table className="changes">
            <thead>
              <tr>
                <th scope="col">{t('imp.status')}</th>
                <th scope="col">{t('sk.sheet')}</th>
                <th scope="col">{t('sk.row')}</th>
                <th scope="col">{t('imp.key')}</th>
                <th scope="col">{t('imp.diff')}</th>
              </tr>
            </thead>
            <tbody>
              {pagedChanges.slice.map((c, i) => (
                <tr key={i} data-status={c.status}>
                  <td>{t(`imp.${c.status}`)}</td>
                  <td>{c.sheet}</td>
                  <td className="num">{c.row > 0 ? c.row : '–'}</td>
                  <td>{c.key}</td>
                  <td>{diffText(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager {...pagedChanges} />
        </>
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
      {opdId && <ExportDownload opdId={opdId} />}
    </section>
  );
}

/** Download what is recorded for the OPD in the form of an import template. */
function ExportDownload({ opdId }: { opdId: string }) {
  const { t } = useT();
  const [kind, setKind] = useState<ExportKind>('realisasi');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [decreeNumber, setDecreeNumber] = useState('');
  const [positionCode, setPositionCode] = useState('KADIS');
  const [rows, setRows] = useState<number | null>(null);
  const download = useMutation({
    mutationFn: () =>
      api.imports.export.query({
        kind,
        opdId,
        ...(kind === 'target' || kind === 'sk'
          ? { decreeNumber }
          : kind === 'organisasi'
            ? {}
            : { year: Number(year) }),
        ...(kind === 'pk' ? { positionCode } : {}),
      }),
    onSuccess: (f) => {
      setRows(f.rowCount);
      saveFile(f.fileName, base64ToBlob(f.contentBase64));
    },
  });
  return (
    <>
      <h3>{t('imp.export')}</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="export-kind">{t('imp.exportKind')}</label>
          <select
            id="export-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ExportKind)}
          >
            {EXPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        {kind === 'organisasi' ? null : kind === 'target' || kind === 'sk' ? (
          <div className="field">
            <label htmlFor="export-decree">{t('imp.exportDecree')}</label>
            <input
              id="export-decree"
              value={decreeNumber}
              onChange={(e) => setDecreeNumber(e.target.value)}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="export-year">{t('imp.exportYear')}</label>
            <input
              id="export-year"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          </div>
        )}
        {kind === 'pk' && (
          <div className="field">
            <label htmlFor="export-position">{t('imp.exportPosition')}</label>
            <input
              id="export-position"
              value={positionCode}
              onChange={(e) => setPositionCode(e.target.value)}
            />
          </div>
        )}
        <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
          {t('imp.exportDownload')}
        </button>
      </div>
      <ErrorBox error={download.error} />
      {rows !== null && <Notice kind="ok">{t('imp.exported', { rows })}</Notice>}
    </>
  );
}
