import { useMemo, useState, type KeyboardEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { defineIndicatorInput, retireIndicatorInput, withdrawChangeInput } from '@sakip/contracts';
import { INDICATOR_KINDS, POLARITIES, type Indicator, type PlanSnapshot } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { blankIndicator, describeChange, diffRows, draftChangeKey, presentDiff } from '../lib/diff';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { formatDate, formatNumber } from '../lib/format';
import { MEASURE, readNumber } from '../lib/number-input';
import { can, opdTarget } from '../lib/perms';
import { OpdTabs } from '../components/Layout';
import { DiffTable } from '../components/DiffTable';
import {
  ErrorBox,
  Loading,
  Notice,
  NumberCell,
  Pager,
  SelectField,
  TextField,
  usePaged,
} from '../components/ui';

export default function DecreeEditor() {
  const { opdId = '', decreeId = '' } = useParams();
  const { t, lang } = useT();
  const decrees = useQuery({
    queryKey: ['plans.decrees', opdId],
    queryFn: () => api.plans.decrees.query({ opdId }),
  });
  const decree = decrees.data?.find((d) => d.decreeId === decreeId);
  // Kept here: once enacted, the refetched decree list swaps the draft editor for the enacted view.
  const [justEnacted, setJustEnacted] = useState(false);
  return (
    <section>
      <OpdTabs title={decree ? `SK ${decree.number}` : t('sk.title')} />
      {decrees.isLoading && <Loading />}
      <ErrorBox error={decrees.error} />
      {decrees.data && !decree && <Notice kind="warn">{t('err.notFound')}</Notice>}
      {justEnacted && <Notice kind="ok">{t('sk.enactedOk')}</Notice>}
      {decree && (
        <>
          <p className="muted">
            {decree.title} ·{' '}
            {t(decree.kind === 'perubahan' ? 'sk.kind.perubahan' : 'sk.kind.penetapan')} ·{' '}
            {formatDate(decree.date, lang)} · {decree.periodStart}–{decree.periodEnd} ·{' '}
            <span
              className={`badge ${decree.status === 'draft' ? 'st-draft' : 'st-verified'}`}
              data-testid="decree-status"
            >
              {decree.status === 'draft' ? t('sk.draft') : t('sk.enacted')}
            </span>
          </p>
          {decree.status === 'draft' ? (
            <DraftEditor
              opdId={opdId}
              decreeId={decreeId}
              period={{ start: decree.periodStart, end: decree.periodEnd }}
              onEnacted={() => setJustEnacted(true)}
            />
          ) : (
            <EnactedView
              opdId={opdId}
              decreeId={decreeId}
              previous={
                decrees
                  .data!.filter(
                    (d) =>
                      d.status === 'enacted' &&
                      (d.sequence ?? 0) < (decree.sequence ?? 0) &&
                      d.periodStart === decree.periodStart,
                  )
                  .at(-1)?.decreeId ?? null
              }
            />
          )}
        </>
      )}
    </section>
  );
}

function EnactedView({
  opdId,
  decreeId,
  previous,
}: {
  opdId: string;
  decreeId: string;
  previous: string | null;
}) {
  const { t, lang } = useT();
  const diff = useQuery({
    queryKey: ['plans.diff', opdId, previous, decreeId],
    queryFn: () => api.plans.diff.query({ opdId, fromDecreeId: previous!, toDecreeId: decreeId }),
    enabled: previous !== null,
  });
  const snap = useQuery({
    queryKey: ['plans.snapshot', opdId, decreeId],
    queryFn: () => api.plans.snapshot.query({ opdId, decreeId }),
  });
  const rows = useMemo(
    () => (snap.data ? diffRows({ ...snap.data, indicators: {} }, snap.data, lang) : []),
    [snap.data, lang],
  );
  return (
    <>
      <div className="card">
        <h2>{t('sk.diffEnacted')}</h2>
        {previous === null ? (
          <DiffTable rows={rows} />
        ) : diff.data ? (
          <DiffTable diff={diff.data} />
        ) : (
          <Loading />
        )}
        <ErrorBox error={diff.error ?? snap.error} />
      </div>
      <p>
        <Link to={`/opd/${opdId}/riwayat?view=${decreeId}`}>{t('tl.view')}</Link>
      </p>
    </>
  );
}

type Row = Indicator & { _new?: boolean };

function DraftEditor({
  opdId,
  decreeId,
  period,
  onEnacted,
}: {
  opdId: string;
  decreeId: string;
  period: { start: number; end: number };
  onEnacted: () => void;
}) {
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const target = opdTarget(opdId);
  const canWrite = can(me.bindings, 'plan.write', target);
  const canEnact = can(me.bindings, 'plan.enact', target);
  const base = useQuery({
    queryKey: ['plans.snapshot', opdId, 'period', period.start, period.end],
    queryFn: () =>
      api.plans.snapshot.query({ opdId, periodStart: period.start, periodEnd: period.end }),
    retry: false,
  });
  // The draft as it would stand if enacted now, its recorded changes and its diff (server side).
  const draft = useQuery({
    queryKey: ['plans.draft', opdId, decreeId],
    queryFn: () => api.plans.draft.query({ opdId, decreeId }),
  });
  const empty: PlanSnapshot = {
    periodStart: period.start,
    periodEnd: period.end,
    decreeIds: [],
    elements: {},
    indicators: {},
  };
  const baseSnap = base.data ?? (base.isError ? empty : null);
  const draftSnap = draft.data?.preview ?? null;
  const [edits, setEdits] = useState<Record<string, Row>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, Record<string, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filter, setFilter] = useState('');
  const years = Array.from({ length: period.end - period.start + 1 }, (_, k) => period.start + k);

  const gridSnap = useMemo(() => {
    if (!draftSnap) return null;
    const indicators = { ...draftSnap.indicators };
    for (const [code, r] of Object.entries(edits)) indicators[code] = r;
    return { ...draftSnap, indicators };
  }, [draftSnap, edits]);
  const rows = useMemo(() => {
    const all = Object.values(gridSnap?.indicators ?? {}) as Row[];
    const f = filter.trim().toLowerCase();
    return f ? all.filter((r) => `${r.code} ${r.name}`.toLowerCase().includes(f)) : all;
  }, [gridSnap, filter]);
  const paged = usePaged(rows, 20);
  // Saved changes: the server's diff; with unsaved grid edits, the same diff recomputed locally.
  const diff = useMemo(() => {
    if (!draft.data) return [];
    if (Object.keys(edits).length === 0 || !baseSnap || !gridSnap)
      return presentDiff(draft.data.diff, lang);
    return diffRows(baseSnap, gridSnap, lang);
  }, [draft.data, edits, baseSnap, gridSnap, lang]);
  const changes = draft.data?.changes ?? [];

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['plans.draft', opdId, decreeId] }),
      qc.invalidateQueries({ queryKey: ['plans.history', opdId] }),
      qc.invalidateQueries({ queryKey: ['plans.decrees', opdId] }),
    ]);
  const save = useMutation({
    mutationFn: (input: Parameters<typeof api.plans.defineIndicator.mutate>[0]) =>
      api.plans.defineIndicator.mutate(input),
  });
  const retire = useMutation({
    mutationFn: (input: Parameters<typeof api.plans.retireIndicator.mutate>[0]) =>
      api.plans.retireIndicator.mutate(input),
  });
  const enact = useMutation({
    mutationFn: () => api.plans.enactDecree.mutate({ opdId, decreeId }),
  });
  const withdraw = useMutation({
    mutationFn: (input: Parameters<typeof api.plans.withdrawChange.mutate>[0]) =>
      api.plans.withdrawChange.mutate(input),
  });

  const edit = (code: string, patch: Partial<Row>) => {
    const cur = (edits[code] ?? gridSnap?.indicators[code]) as Row | undefined;
    if (cur) setEdits({ ...edits, [code]: { ...cur, ...patch } });
  };
  // What is typed in a target cell, read with the importer's parser ("0,5", "1.200,87"). The
  // text stays as typed; the row holds the value it reads as, or its old value while unreadable.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const cellKey = (code: string, year: number) => `${code}|${year}`;
  const setTarget = (code: string, year: number, text: string) => {
    const cur = (edits[code] ?? gridSnap?.indicators[code]) as Row | undefined;
    if (!cur) return;
    setTyped({ ...typed, [cellKey(code, year)]: text });
    const others = cur.targets.filter((x) => x.year !== year);
    const old = cur.targets.find((x) => x.year === year);
    const read = readNumber(text, MEASURE, lang);
    if (text.trim() !== '' && !read.ok) {
      if (!(code in edits)) edit(code, {});
      return;
    }
    const next =
      text.trim() === '' || !read.ok
        ? others
        : [...others, { ...(old ?? { year }), year, value: read.value }];
    edit(code, { targets: next.sort((a, b) => a.year - b.year) });
  };
  /** The cell text: as typed, else the stored value in the notation the parser reads. */
  const cellText = (r: Row, year: number): string => {
    const t = typed[cellKey(r.code, year)];
    if (t !== undefined) return t;
    const x = r.targets.find((y) => y.year === year);
    if (!x) return '';
    return x.value !== null && x.value !== undefined ? formatNumber(x.value, 'id') : (x.text ?? '');
  };
  const cellProblems = (code: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const y of years) {
      const t = typed[cellKey(code, y)];
      if (t === undefined || t.trim() === '') continue;
      const read = readNumber(t, MEASURE, lang);
      if (!read.ok) out[`target.${y}`] = read.message;
    }
    return out;
  };

  async function saveRow(code: string) {
    const row = edits[code];
    if (!row) return;
    const unreadable = cellProblems(code);
    if (Object.keys(unreadable).length > 0)
      return setRowErrors({ ...rowErrors, [code]: unreadable });
    const { _new: _n, ...indicator } = row;
    const v = validate(defineIndicatorInput, { opdId, decreeId, indicator }, lang);
    if (!v.ok) return setRowErrors({ ...rowErrors, [code]: v.errors });
    try {
      await save.mutateAsync(v.data);
      const { [code]: _done, ...rest } = edits;
      setEdits(rest);
      setTyped(
        Object.fromEntries(Object.entries(typed).filter(([k]) => !k.startsWith(`${code}|`))),
      );
      setRowErrors({ ...rowErrors, [code]: {} });
      setProblem(null);
      await refresh();
    } catch (err) {
      const p = describeError(err, lang);
      setRowErrors({ ...rowErrors, [code]: fieldErrorMap(p.fieldErrors) });
      setProblem(p);
    }
  }

  async function retireRow(code: string) {
    const reason = window.prompt(t('sk.retireReason'));
    if (reason === null) return;
    const v = validate(retireIndicatorInput, { opdId, decreeId, code, reason }, lang);
    if (!v.ok) return setRowErrors({ ...rowErrors, [code]: v.errors });
    try {
      await retire.mutateAsync(v.data);
      setProblem(null);
      await refresh();
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  async function withdrawChange(key: string) {
    if (!window.confirm(t('sk.withdrawConfirm', { key }))) return;
    const v = validate(withdrawChangeInput, { opdId, decreeId, key }, lang);
    if (!v.ok)
      return setProblem({
        code: 'BAD_REQUEST',
        message: Object.values(v.errors).join('; '),
        fieldErrors: [],
        correlationId: null,
      });
    try {
      await withdraw.mutateAsync(v.data);
      setProblem(null);
      await refresh();
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  async function doEnact() {
    if (!window.confirm(t('sk.enactConfirm'))) return;
    try {
      await enact.mutateAsync();
      onEnacted();
      setProblem(null);
      await Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['plans.snapshot', opdId] })]);
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  // Spreadsheet keys: ↑/↓ move to the same column one row up/down.
  function onGridKey(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown' && e.key !== 'Enter') return;
    const el = e.target as HTMLElement;
    const r = Number(el.dataset.row);
    const c = el.dataset.col;
    if (Number.isNaN(r) || !c) return;
    const next = document.querySelector<HTMLInputElement>(
      `[data-row="${e.key === 'ArrowUp' ? r - 1 : r + 1}"][data-col="${c}"]`,
    );
    if (next) {
      e.preventDefault();
      next.focus();
      next.select();
    }
  }

  if (!gridSnap || !baseSnap) return <Loading />;
  const dirty = Object.keys(edits);
  const elements = Object.values(gridSnap.elements);

  return (
    <>
      <ErrorBox problem={problem} />
      <div className="card">
        <h2>{t('sk.diffDraft')}</h2>
        <DiffTable rows={diff} />
        <ErrorBox error={draft.error} />
        <h3>
          {t('sk.changes')} ({changes.length})
        </h3>
        {changes.length === 0 ? (
          <p className="muted">{t('sk.noChanges')}</p>
        ) : (
          <table className="small" data-testid="draft-changes">
            <tbody>
              {changes.map((c) => {
                const key = draftChangeKey(c);
                const d = describeChange(c, lang);
                return (
                  <tr key={key} data-key={key}>
                    <td>{d.kind}</td>
                    <td className="code">{d.code}</td>
                    <td>{d.text}</td>
                    <td>
                      {canWrite && (
                        <button
                          type="button"
                          onClick={() => withdrawChange(key)}
                          disabled={withdraw.isPending}
                        >
                          {t('sk.withdraw')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canEnact ? (
          <button
            type="button"
            className="btn-primary"
            onClick={doEnact}
            disabled={enact.isPending || dirty.length > 0 || changes.length === 0}
          >
            {t('sk.enact')}
          </button>
        ) : (
          <p className="muted">{t('sk.onlyHead')}</p>
        )}
      </div>

      <div className="card">
        <h2>{t('sk.grid')}</h2>
        <p className="muted small">{t('sk.gridHelp')}</p>
        <div className="row">
          <TextField
            label={t('org.filter')}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.unit')}</th>
                {years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody onKeyDown={onGridKey}>
              {paged.slice.map((r, idx) => {
                const errs = rowErrors[r.code] ?? {};
                const rowErr = Object.entries(errs).map(
                  ([k, m]) => `${k.replace(/^indicator\./, '')}: ${m}`,
                );
                const isDirty = r.code in edits;
                return (
                  <tr key={r.code} className={isDirty ? 'dirty' : undefined} data-code={r.code}>
                    <th scope="row" className="code">
                      {r.code}
                      {isDirty && <span className="badge st-draft">{t('sk.dirty')}</span>}
                    </th>
                    <td>
                      <input
                        aria-label={`${t('common.name')} ${r.code}`}
                        data-row={idx}
                        data-col="name"
                        value={r.name}
                        disabled={!canWrite}
                        onChange={(e) => edit(r.code, { name: e.target.value })}
                        aria-invalid={errs['indicator.name'] ? true : undefined}
                      />
                    </td>
                    <td>
                      <input
                        className="narrow"
                        aria-label={`${t('common.unit')} ${r.code}`}
                        data-row={idx}
                        data-col="satuan"
                        value={r.satuan}
                        disabled={!canWrite}
                        onChange={(e) => edit(r.code, { satuan: e.target.value })}
                      />
                    </td>
                    {years.map((y) => {
                      const ti = r.targets.findIndex((x) => x.year === y);
                      const bad = errs[`indicator.targets.${ti}.value`] ?? errs[`target.${y}`];
                      return (
                        <td key={y}>
                          <NumberCell
                            rule={MEASURE}
                            aria-label={`${t('common.target')} ${r.code} ${y}`}
                            data-row={idx}
                            data-col={`y${y}`}
                            value={cellText(r, y)}
                            disabled={!canWrite}
                            onChange={(e) => setTarget(r.code, y, e.target.value)}
                            error={bad}
                          />
                        </td>
                      );
                    })}
                    <td className="nowrap">
                      {canWrite && (
                        <>
                          <button
                            type="button"
                            disabled={!isDirty || save.isPending}
                            onClick={() => saveRow(r.code)}
                          >
                            {t('sk.saveRow')}
                          </button>{' '}
                          {!r._new && baseSnap.indicators[r.code] && (
                            <button
                              type="button"
                              className="btn-danger"
                              onClick={() => retireRow(r.code)}
                            >
                              {t('sk.retire')}
                            </button>
                          )}
                        </>
                      )}
                      {rowErr.length > 0 && (
                        <div className="field-error" role="alert">
                          {rowErr.join('; ')}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pager {...paged} />
      </div>
      {canWrite && (
        <AddIndicator
          elements={elements.map((e) => ({ code: e.code, name: e.name, level: e.level }))}
          exists={(c) => c in gridSnap.indicators}
          onAdd={(ind) => setEdits({ ...edits, [ind.code]: ind })}
        />
      )}
    </>
  );
}

function AddIndicator({
  elements,
  exists,
  onAdd,
}: {
  elements: { code: string; name: string; level: string }[];
  exists: (code: string) => boolean;
  onAdd: (r: Row) => void;
}) {
  const { t } = useT();
  const [f, setF] = useState({
    code: '',
    kind: 'iku',
    elementCode: elements[0]?.code ?? '',
    name: '',
    satuan: '',
    polarity: 'higher_better',
  });
  const [err, setErr] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/.test(f.code) || exists(f.code))
          return setErr(t('common.code'));
        setErr(null);
        onAdd({
          ...blankIndicator(f.code),
          kind: f.kind as Row['kind'],
          elementCode: f.elementCode,
          name: f.name,
          satuan: f.satuan,
          polarity: f.polarity as Row['polarity'],
          _new: true,
        });
        setF({ ...f, code: '', name: '' });
      }}
    >
      <h2>{t('sk.addIndicator')}</h2>
      <div className="form-grid">
        <TextField
          label={t('common.code')}
          value={f.code}
          onChange={set('code')}
          error={err ?? undefined}
        />
        <SelectField label={t('common.kind')} value={f.kind} onChange={set('kind')}>
          {INDICATOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.toUpperCase()}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('sk.element')} value={f.elementCode} onChange={set('elementCode')}>
          {elements.map((e) => (
            <option key={e.code} value={e.code}>
              {e.code} · {e.level} · {e.name.slice(0, 50)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('common.name')} value={f.name} onChange={set('name')} />
        <TextField label={t('common.unit')} value={f.satuan} onChange={set('satuan')} />
        <SelectField label={t('sk.polarity')} value={f.polarity} onChange={set('polarity')}>
          {POLARITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit">{t('sk.addIndicator')}</button>
    </form>
  );
}
