import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../lib/api';
import { useT, useTimeZone } from '../lib/context';
import { targetText } from '../lib/diff';
import { formatDate, formatDateTime } from '../lib/format';
import { OpdTabs } from '../components/Layout';
import { DiffTable } from '../components/DiffTable';
import { ErrorBox, Loading, Pager, SelectField, usePaged } from '../components/ui';

export default function Timeline() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const zone = useTimeZone(opdId);
  const [params, setParams] = useSearchParams();
  const decrees = useQuery({
    queryKey: ['plans.decrees', opdId],
    queryFn: () => api.plans.decrees.query({ opdId }),
  });
  const history = useQuery({
    queryKey: ['plans.history', opdId],
    queryFn: () => api.plans.history.query({ opdId }),
  });
  const enacted = decrees.data?.filter((d) => d.status === 'enacted') ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromId = from || enacted.at(-2)?.decreeId || '';
  const toId = to || enacted.at(-1)?.decreeId || '';
  const diff = useQuery({
    queryKey: ['plans.diff', opdId, fromId, toId],
    queryFn: () => api.plans.diff.query({ opdId, fromDecreeId: fromId, toDecreeId: toId }),
    enabled: !!fromId && !!toId && fromId !== toId,
  });
  const view = params.get('view');
  const byDecree = useMemo(() => {
    const m = new Map<string, NonNullable<typeof history.data>>();
    for (const h of history.data ?? [])
      if (h.decreeId) m.set(h.decreeId, [...(m.get(h.decreeId) ?? []), h]);
    return m;
  }, [history.data]);

  return (
    <section>
      <OpdTabs title={t('tl.title')} />
      {(decrees.isLoading || history.isLoading) && <Loading />}
      <ErrorBox error={decrees.error ?? history.error} />
      <ol className="timeline">
        {decrees.data?.map((d) => {
          const entries = byDecree.get(d.decreeId) ?? [];
          return (
            <li key={d.decreeId} className={d.status}>
              <div className="card">
                <h2 className="h3">
                  {d.number}{' '}
                  <span className={`badge ${d.status === 'draft' ? 'st-draft' : 'st-verified'}`}>
                    {d.status === 'draft' ? t('sk.draft') : `${t('sk.enacted')} #${d.sequence}`}
                  </span>
                </h2>
                <p className="muted small">
                  {d.title} · {formatDate(d.date, lang)} · {t('tl.changes', { n: d.changeCount })} ·{' '}
                  {t('tl.recordedBy')}: {d.draftedBy}
                  {d.enactedBy
                    ? ` → ${d.enactedBy} (${formatDateTime(d.enactedAt, lang, zone)})`
                    : ''}
                </p>
                <EntryList opdId={opdId} entries={entries} />
                {d.status === 'enacted' && (
                  <button
                    type="button"
                    className="btn-link"
                    onClick={() => setParams({ view: d.decreeId })}
                  >
                    {t('tl.view')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="card">
        <h2>{t('tl.compare')}</h2>
        {enacted.length < 2 ? (
          <p className="muted">{t('tl.pickTwo')}</p>
        ) : (
          <>
            <div className="form-grid">
              <SelectField
                label={t('tl.from')}
                value={fromId}
                onChange={(e) => setFrom(e.target.value)}
              >
                {enacted.map((d) => (
                  <option key={d.decreeId} value={d.decreeId}>
                    #{d.sequence} {d.number}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('tl.to')} value={toId} onChange={(e) => setTo(e.target.value)}>
                {enacted.map((d) => (
                  <option key={d.decreeId} value={d.decreeId}>
                    #{d.sequence} {d.number}
                  </option>
                ))}
              </SelectField>
            </div>
            {diff.isLoading && <Loading />}
            <ErrorBox error={diff.error} />
            {diff.data && <DiffTable diff={diff.data} />}
          </>
        )}
      </div>
      {view && (
        <SetUnder
          opdId={opdId}
          decreeId={view}
          number={decrees.data?.find((d) => d.decreeId === view)?.number ?? view}
        />
      )}
    </section>
  );
}

function EntryList({
  opdId,
  entries,
}: {
  opdId: string;
  entries: {
    position: number;
    type: string;
    subject: string;
    summary: string;
    actor: string;
    recordedAt: string;
  }[];
}) {
  const { t, lang } = useT();
  const zone = useTimeZone(opdId);
  const paged = usePaged(entries, 8);
  if (entries.length === 0) return null;
  return (
    <details>
      <summary>
        {t('tl.events')} ({entries.length})
      </summary>
      <table className="small">
        <tbody>
          {paged.slice.map((h) => (
            <tr key={h.position}>
              <td className="nowrap">{formatDateTime(h.recordedAt, lang, zone)}</td>
              <td>{h.type}</td>
              <td className="code">{h.subject}</td>
              <td>{h.summary}</td>
              <td>{h.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...paged} />
    </details>
  );
}

function SetUnder({
  opdId,
  decreeId,
  number,
}: {
  opdId: string;
  decreeId: string;
  number: string;
}) {
  const { t, lang } = useT();
  const snap = useQuery({
    queryKey: ['plans.snapshot', opdId, decreeId],
    queryFn: () => api.plans.snapshot.query({ opdId, decreeId }),
  });
  const inds = Object.values(snap.data?.indicators ?? {});
  const paged = usePaged(inds, 15);
  const years = snap.data
    ? Array.from(
        { length: snap.data.periodEnd - snap.data.periodStart + 1 },
        (_, k) => snap.data!.periodStart + k,
      )
    : [];
  return (
    <div className="card" id="set-under">
      <h2>{t('tl.setUnder', { number })}</h2>
      {snap.isLoading && <Loading />}
      <ErrorBox error={snap.error} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.name')}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paged.slice.map((i) => (
              <tr key={i.code}>
                <td className="code">{i.code}</td>
                <td>{i.name}</td>
                {years.map((y) => (
                  <td key={y} className="num">
                    {targetText(
                      i.targets.find((x) => x.year === y),
                      lang,
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager {...paged} />
    </div>
  );
}
