import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, session, type RouterOutputs } from '../lib/api';
import { useMe, useT, useTimeZone } from '../lib/context';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { can, opdTarget, regionTarget } from '../lib/perms';
import {
  DownloadError,
  EMPTY_FINALISE,
  fetchReport,
  finaliseInput,
  type FinaliseForm,
  type FinaliseInput,
  formatBytes,
  hasPendingJobs,
  jobPhase,
  PHASE_CLASS,
  saveBlob,
  stateKey,
} from '../lib/reports';
import {
  ErrorBox,
  Loading,
  Notice,
  Pager,
  SelectField,
  TextField,
  usePaged,
} from '../components/ui';
import { useYear, YearPicker } from './Realisasi';

type Region = RouterOutputs['org']['tree'][number];
type ReportList = RouterOutputs['reports']['list'];
type ReportRow = ReportList['reports'][number];
type RequestResult = RouterOutputs['reports']['request'];

interface SubjectGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** OPDs of the user's tree grouped by region; a region the user may read also offers its pemda LKjIP. */
function subjectGroups(
  tree: Region[],
  mayReadRegion: (code: string) => boolean,
  pemdaLabel: (name: string) => string,
): SubjectGroup[] {
  const out: SubjectGroup[] = [];
  const walk = (r: Region) => {
    const options = [
      ...(mayReadRegion(r.code) ? [{ value: r.code, label: pemdaLabel(r.name) }] : []),
      ...r.opds.map((o) => ({ value: o.opdId, label: `${o.name} (${o.opdId})` })),
    ];
    if (options.length > 0) out.push({ label: `${r.code} · ${r.name}`, options });
    r.children.forEach(walk);
  };
  tree.forEach(walk);
  return out;
}

/** LKjIP per OPD (or pemda) and year: stored files with download, job status, regenerate. */
export default function Reports() {
  const { t } = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useYear();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  const groups = useMemo(
    () =>
      subjectGroups(
        tree.data ?? [],
        (code) => can(me.bindings, 'read', regionTarget(code)),
        (name) => t('rep.pemda', { name }),
      ),
    [tree.data, me.bindings, t],
  );
  const all = groups.flatMap((g) => g.options);
  const asked = params.get('opd');
  // The first OPD (not a pemda) of the tree unless the address names one.
  const subject =
    asked && all.some((o) => o.value === asked)
      ? asked
      : ((all.find((o) => o.value.includes('-')) ?? all[0])?.value ?? null);
  const setSubject = (v: string) => setParams((p) => (p.set('opd', v), p));

  return (
    <section>
      <h1>{t('rep.title')}</h1>
      {tree.isLoading && <Loading />}
      <ErrorBox error={tree.error} />
      {tree.data && all.length === 0 && <p className="muted">{t('rep.noSubjects')}</p>}
      {subject && (
        <>
          <div className="row">
            <SelectField
              label={t('rep.subject')}
              name="subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            >
              {groups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <YearPicker year={year} setYear={setYear} />
          </div>
          <SubjectReports key={`${subject}:${year}`} subject={subject} year={year} />
        </>
      )}
      <p className="muted small">{t('rep.positionHelp')}</p>
    </section>
  );
}

function SubjectReports({ subject, year }: { subject: string; year: number }) {
  const { t, lang } = useT();
  const zone = useTimeZone(subject);
  const qc = useQueryClient();
  const queryKey = ['reports.list', subject, year];
  const list = useQuery({
    queryKey,
    queryFn: () => api.reports.list.query({ opdId: subject, year }),
    // Poll while a job is waiting or running so its end (and the new files) show up.
    refetchInterval: (q) => (q.state.data && hasPendingJobs(q.state.data.jobs) ? 3000 : false),
    staleTime: 0,
  });
  const request = useMutation({
    mutationFn: (finalise?: FinaliseInput) =>
      api.reports.request.mutate({ opdId: subject, year, ...(finalise ? { finalise } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey }),
  });
  const me = useMe();
  // Whoever may enact the plan (the OPD head, an admin) signs and so finalises.
  const mayFinalise = can(
    me.bindings,
    'plan.enact',
    subject.includes('-') ? opdTarget(subject) : regionTarget(subject),
  );
  const reports = list.data?.reports ?? [];
  const jobs = list.data?.jobs ?? [];
  const paged = usePaged(reports, 10);
  const [download, setDownload] = useState<{
    id: string | null;
    notice: string | null;
    error: string | null;
  }>({ id: null, notice: null, error: null });

  async function save(r: ReportRow) {
    setDownload({ id: r.id, notice: null, error: null });
    try {
      const got = await fetchReport(
        r.id,
        session.token(),
        r.sha256,
        `LKjIP-${r.opdId}-${r.year}-p${r.feedPosition}.${r.format}`,
        lang,
      );
      saveBlob(got.fileName, got.blob);
      setDownload({
        id: null,
        notice: t(got.verified ? 'rep.downloaded' : 'rep.downloadedUnverified', {
          file: got.fileName,
        }),
        error: null,
      });
    } catch (err) {
      setDownload({
        id: null,
        notice: null,
        error: err instanceof DownloadError ? err.message : t('err.generic'),
      });
    }
  }

  return (
    <>
      <div className="card">
        <div className="row between">
          <p className="muted small">{t('rep.regenerateHelp')}</p>
          <button
            type="button"
            className="btn-primary"
            onClick={() => request.mutate(undefined)}
            disabled={request.isPending}
            aria-describedby="regen-result"
          >
            {t('rep.regenerate')}
          </button>
        </div>
        <div id="regen-result">{request.data && <RequestNotice result={request.data} />}</div>
        <ErrorBox error={request.error} />
      </div>
      {mayFinalise && (
        <FinaliseCard pending={request.isPending} onFinalise={(f) => request.mutate(f)} />
      )}

      {list.isLoading && <Loading />}
      <ErrorBox error={list.error} />

      {list.data && (
        <>
          <div className="card">
            <h2>{t('rep.stored')}</h2>
            {download.notice && <Notice kind="ok">{download.notice}</Notice>}
            {download.error && (
              <div className="alert alert-error" role="alert">
                {download.error}
              </div>
            )}
            {reports.length === 0 ? (
              <p className="muted">{t('rep.none')}</p>
            ) : (
              <div className="table-scroll">
                <table data-testid="reports">
                  <thead>
                    <tr>
                      <th scope="col">{t('rep.format')}</th>
                      <th scope="col">{t('rep.kind')}</th>
                      <th scope="col">{t('rep.created')}</th>
                      <th scope="col" className="num">
                        {t('rep.position')}
                      </th>
                      <th scope="col">{t('rep.decrees')}</th>
                      <th scope="col" className="num">
                        {t('rep.size')}
                      </th>
                      <th scope="col">{t('rep.sha')}</th>
                      <th scope="col">{t('common.status')}</th>
                      <th scope="col">
                        <span className="sr-only">{t('common.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {paged.slice.map((r) => (
                      <tr
                        key={r.id}
                        data-report-id={r.id}
                        data-format={r.format}
                        data-status={r.status}
                        data-sha256={r.sha256 ?? ''}
                        data-draft={r.draft === null ? '' : String(r.draft)}
                      >
                        <th scope="row" className="code">
                          {r.format.toUpperCase()}
                        </th>
                        <td>
                          {r.draft === null || r.status !== 'ready' ? (
                            '–'
                          ) : r.draft ? (
                            <span className="badge st-submitted" title={t('rep.draftHelp')}>
                              {t('rep.draft')}
                            </span>
                          ) : (
                            <span className="badge st-verified">{t('rep.final')}</span>
                          )}
                          {r.finalisation && (
                            <div className="small muted">
                              {r.finalisation.place}, {formatDate(r.finalisation.date, lang)} ·{' '}
                              {r.finalisation.signer.name}
                            </div>
                          )}
                        </td>
                        <td className="nowrap">{formatDateTime(r.createdAt, lang, zone)}</td>
                        <td className="num">{formatNumber(String(r.feedPosition), lang, 0)}</td>
                        <td>
                          {r.decrees.length === 0
                            ? '–'
                            : r.decrees.map((d) => (
                                <div key={d.number} className="small">
                                  {d.number}{' '}
                                  <span className="muted">({formatDate(d.date, lang)})</span>
                                </div>
                              ))}
                        </td>
                        <td className="num nowrap">{formatBytes(r.size, lang)}</td>
                        <td>
                          {r.sha256 ? (
                            <code className="code" title={r.sha256}>
                              {r.sha256.slice(0, 12)}…
                            </code>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>
                          {r.status === 'ready' ? (
                            <span className="badge st-verified">{t('rep.ready')}</span>
                          ) : (
                            <>
                              <span className="badge st-returned">{t('rep.failed')}</span>
                              {r.error && <div className="small field-error">{r.error}</div>}
                            </>
                          )}
                        </td>
                        <td>
                          {r.status === 'ready' && (
                            <button
                              type="button"
                              onClick={() => void save(r)}
                              disabled={download.id !== null}
                              aria-label={t('rep.downloadLabel', {
                                format: r.format.toUpperCase(),
                                position: r.feedPosition,
                              })}
                            >
                              {download.id === r.id ? t('rep.downloading') : t('rep.download')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager {...paged} />
          </div>

          <div className="card">
            <h2>{t('rep.jobs')}</h2>
            {jobs.length === 0 ? (
              <p className="muted">{t('rep.noJobs')}</p>
            ) : (
              <>
                {hasPendingJobs(jobs) && <p className="muted small">{t('rep.polling')}</p>}
                <div className="table-scroll">
                  <table data-testid="report-jobs">
                    <thead>
                      <tr>
                        <th scope="col">{t('rep.job')}</th>
                        <th scope="col">{t('common.status')}</th>
                        <th scope="col" className="num">
                          {t('rep.position')}
                        </th>
                        <th scope="col" className="num">
                          {t('rep.attempts')}
                        </th>
                        <th scope="col">{t('rep.queuedAt')}</th>
                        <th scope="col">{t('rep.finishedAt')}</th>
                        <th scope="col">{t('rep.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {jobs.map((j) => (
                        <tr key={j.id} data-job-id={j.id} data-state={j.state}>
                          <th scope="row" className="code">
                            {j.id}
                          </th>
                          <td>
                            <span className={PHASE_CLASS[jobPhase(j.state)]}>
                              {t(stateKey(j.state))}
                            </span>
                          </td>
                          <td className="num">
                            {j.feedPosition === null
                              ? '–'
                              : formatNumber(String(j.feedPosition), lang, 0)}
                          </td>
                          <td className="num">{j.attemptsMade}</td>
                          <td className="nowrap">{formatDateTime(j.timestamp, lang, zone)}</td>
                          <td className="nowrap">
                            {j.finishedOn ? formatDateTime(j.finishedOn, lang, zone) : '–'}
                          </td>
                          <td>
                            {j.failedReason ? (
                              <span className="field-error">{j.failedReason}</span>
                            ) : (
                              '–'
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </div>
        </>
      )}
    </>
  );
}

/** Date, place and signer of the finalised report (place and signer may keep their defaults). */
function FinaliseCard({
  pending,
  onFinalise,
}: {
  pending: boolean;
  onFinalise: (f: FinaliseInput) => void;
}) {
  const { t } = useT();
  const [form, setForm] = useState<FinaliseForm>(EMPTY_FINALISE);
  const [errors, setErrors] = useState<Partial<Record<keyof FinaliseForm, string>>>({});
  const field = (key: keyof FinaliseForm) => ({
    name: key,
    value: form[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return (
    <form
      className="card"
      aria-labelledby="finalise-title"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = finaliseInput(form);
        if (!checked.ok) {
          setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, t(v)])));
          return;
        }
        setErrors({});
        onFinalise(checked.value);
      }}
    >
      <h2 id="finalise-title">{t('rep.fin.title')}</h2>
      <p className="muted small">{t('rep.fin.help')}</p>
      <div className="row">
        <TextField label={t('rep.fin.date')} type="date" {...field('date')} />
        <TextField label={t('rep.fin.place')} {...field('place')} />
      </div>
      <div className="row">
        <TextField label={t('rep.fin.signerName')} {...field('signerName')} />
        <TextField label={t('rep.fin.signerPosition')} {...field('signerPosition')} />
        <TextField label={t('rep.fin.signerNip')} inputMode="numeric" {...field('signerNip')} />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t('rep.fin.submit')}
      </button>
    </form>
  );
}

function RequestNotice({ result }: { result: RequestResult }) {
  const { t } = useT();
  if (result.added)
    return (
      <Notice kind="ok">
        {t('rep.queued', { job: result.jobId, position: result.feedPosition })}
      </Notice>
    );
  if (result.state === 'completed')
    return <Notice kind="info">{t('rep.upToDate', { position: result.feedPosition })}</Notice>;
  return (
    <Notice kind="info">
      {t('rep.alreadyQueued', { job: result.jobId, state: t(stateKey(result.state)) })}
    </Notice>
  );
}
