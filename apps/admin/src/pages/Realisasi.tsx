import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import {
  correctRealizationInput,
  recordNarrativeInput,
  recordRealizationInput,
} from '@sakip/contracts';
import { evaluateFormula, PERIODS, requiredInputs, type Formula, type Period } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { formatNumber, rowPrecision } from '../lib/format';
import { MEASURE, readNumber } from '../lib/number-input';
import { pickBilingual } from '../lib/i18n';
import { can, opdTarget } from '../lib/perms';
import { OpdTabs } from '../components/Layout';
import { fileToBase64 } from '../components/ImportPanel';
import {
  ErrorBox,
  Loading,
  Notice,
  Pager,
  SelectField,
  StatusBadge,
  TextArea,
  NumberField,
  TextField,
  usePaged,
} from '../components/ui';

export const periodLabel = (p: string, lang: 'id' | 'en') =>
  p === 'YEAR' ? (lang === 'id' ? 'Tahunan' : 'Yearly') : p;

export function useYear(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun')) || new Date().getFullYear();
  return [year, (y) => setParams((p) => (p.set('tahun', String(y)), p))];
}

export function YearPicker({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const { t } = useT();
  const now = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, k) => now - 5 + k);
  return (
    <SelectField
      label={t('common.year')}
      value={String(year)}
      onChange={(e) => setYear(Number(e.target.value))}
    >
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </SelectField>
  );
}

export default function Realisasi() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const me = useMe();
  const [year, setYear] = useYear();
  const ach = useQuery({
    queryKey: ['realizations.achievement', opdId, year],
    queryFn: () => api.realizations.achievement.query({ opdId, year }),
    retry: false,
  });
  const snap = useQuery({
    queryKey: ['plans.snapshot', opdId, 'period', ach.data?.periodStart, ach.data?.periodEnd],
    queryFn: () =>
      api.plans.snapshot.query({
        opdId,
        periodStart: ach.data!.periodStart,
        periodEnd: ach.data!.periodEnd,
      }),
    enabled: !!ach.data,
  });
  const [selected, setSelected] = useState<{ code: string; period: Period } | null>(null);
  const canSubmit = can(me.bindings, 'realization.submit', opdTarget(opdId));
  const rows = ach.data?.indicators ?? [];
  const paged = usePaged(rows, 15);
  const sasaran = useMemo(
    () => [
      ...new Set(
        rows.filter((r) => r.indicator.kind === 'iku').map((r) => r.indicator.elementCode),
      ),
    ],
    [rows],
  );

  return (
    <section>
      <OpdTabs title={t('re.title', { year })} />
      <div className="row">
        <YearPicker year={year} setYear={setYear} />
      </div>
      {!canSubmit && <p className="muted">{t('re.readOnly')}</p>}
      {ach.isLoading && <Loading />}
      {ach.error && (
        <Notice kind="warn">
          {describeError(ach.error, lang).code === 'NOT_FOUND'
            ? t('ach.noPlan')
            : describeError(ach.error, lang).message}
        </Notice>
      )}
      {ach.data && (
        <div className="card">
          <div className="table-scroll">
            <table className="realisasi">
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.indicator')}</th>
                  <th scope="col" className="num">
                    {t('common.target')}
                  </th>
                  {PERIODS.map((p) => (
                    <th key={p} scope="col">
                      {periodLabel(p, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {paged.slice.map((r) => {
                  // Stored values show every digit; a computed one rounds to the indicator's precision.
                  const places = rowPrecision(r.target, Object.values(r.realizations));
                  return (
                    <tr key={r.indicator.code}>
                      <td className="code">{r.indicator.code}</td>
                      <td>
                        {r.indicator.name}{' '}
                        <span className="muted small">({r.indicator.satuan})</span>
                      </td>
                      <td className="num">{formatNumber(r.target.value, lang, null)}</td>
                      {PERIODS.map((p) => (
                        <td key={p}>
                          <button
                            type="button"
                            className={`cell-btn${selected?.code === r.indicator.code && selected.period === p ? ' active' : ''}`}
                            aria-label={`${r.indicator.code} ${periodLabel(p, lang)}`}
                            onClick={() => setSelected({ code: r.indicator.code, period: p })}
                          >
                            <span className="num">
                              {formatNumber(r.realizations[p] ?? null, lang, places)}
                            </span>
                            {r.statuses[p] && <StatusBadge status={r.statuses[p]} />}
                          </button>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager {...paged} />
        </div>
      )}
      {selected && snap.data && (
        <EntryForm
          key={`${selected.code}-${selected.period}-${year}`}
          opdId={opdId}
          year={year}
          period={selected.period}
          code={selected.code}
          name={snap.data.indicators[selected.code]?.name ?? selected.code}
          formula={snap.data.indicators[selected.code]?.formula ?? null}
          canSubmit={canSubmit}
          precision={rowPrecision(
            rows.find((r) => r.indicator.code === selected.code)?.target ?? null,
            [],
          )}
        />
      )}
      {ach.data && canSubmit && sasaran.length > 0 && (
        <NarrativeForm
          opdId={opdId}
          year={year}
          sasaran={sasaran}
          elements={snap.data?.elements ?? {}}
        />
      )}
    </section>
  );
}

function EntryForm({
  opdId,
  year,
  period,
  code,
  name,
  formula,
  canSubmit,
  precision,
}: {
  opdId: string;
  year: number;
  period: Period;
  code: string;
  name: string;
  formula: Formula | null;
  canSubmit: boolean;
  precision: number;
}) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: ['realizations.detail', opdId, code, year],
    queryFn: () => api.realizations.detail.query({ opdId, indicatorCode: code, year }),
  });
  const versions = detail.data?.entries[period]?.versions ?? [];
  const current = versions.at(-1);
  const names = formula ? requiredInputs(formula) : [];
  const isSeries = formula?.kind === 'cv';
  const [inputs, setInputs] = useState<Record<string, string>>(() =>
    Object.fromEntries(names.map((n) => [n, ''])),
  );
  const [value, setValue] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [dataSource, setDataSource] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const correcting = current?.status === 'verified';
  // The verifier's reason stays visible to the operator until the value is submitted again.
  const returned = current?.status === 'returned' ? current.history.at(-1) : undefined;
  const frozen =
    current?.status === 'submitted' || current?.status === 'verified_head' || detail.data?.locked;

  // Inputs read with the importer's number parser ("1.200,5" → "1200.5"); a series splits on
  // ';' or a new line. What is not a number stays out of the live result and is named on save.
  const read = useMemo(() => {
    const values: Record<string, string | string[]> = {};
    const problems: Record<string, string> = {};
    for (const n of names) {
      const raw = inputs[n] ?? '';
      if (isSeries) {
        const parts = raw
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean);
        const got = parts.map((s) => readNumber(s, {}, lang));
        const bad = got.find((g) => !g.ok);
        if (bad && !bad.ok) problems[`inputs.${n}`] = bad.message;
        values[n] = got.flatMap((g) => (g.ok ? [g.value] : []));
      } else if (raw.trim() === '') {
        values[n] = '';
      } else {
        const g = readNumber(raw, {}, lang);
        if (g.ok) values[n] = g.value;
        else problems[`inputs.${n}`] = g.message;
      }
    }
    return { values, problems };
  }, [inputs, names, isSeries, lang]);
  const canonical = read.values;
  const live = useMemo(() => {
    if (!formula) return null;
    if (
      Object.keys(read.problems).length > 0 ||
      names.some((n) => (Array.isArray(canonical[n]) ? canonical[n].length === 0 : !canonical[n]))
    )
      return null;
    return evaluateFormula(formula, canonical);
  }, [formula, names, canonical, read.problems]);

  const record = useMutation({
    mutationFn: async () => {
      let attachment = null;
      if (file)
        attachment = await api.realizations.uploadEvidence.mutate({
          opdId,
          fileName: file.name,
          contentBase64: await fileToBase64(file),
        });
      // Numbers are read (and refused) before anything is sent: the message sits by the field.
      const typed = formula || value.trim() === '' ? null : readNumber(value, MEASURE, lang);
      const numberErrors = formula
        ? read.problems
        : typed && !typed.ok
          ? { value: typed.message }
          : {};
      if (Object.keys(numberErrors).length > 0)
        throw Object.assign(new Error('invalid'), { fields: numberErrors });
      const body = {
        opdId,
        indicatorCode: code,
        year,
        period,
        value: formula ? null : typed?.ok ? typed.value : '',
        inputs: formula ? canonical : null,
        evidence: { documentRef, dataSource, attachment },
        note: note.trim() || null,
      };
      if (correcting) {
        const v = validate(correctRealizationInput, { ...body, reason }, lang);
        if (!v.ok) throw Object.assign(new Error('invalid'), { fields: v.errors });
        return api.realizations.correct.mutate(v.data);
      }
      const v = validate(recordRealizationInput, body, lang);
      if (!v.ok) throw Object.assign(new Error('invalid'), { fields: v.errors });
      return api.realizations.record.mutate(v.data);
    },
  });
  const submit = useMutation({
    mutationFn: () => api.realizations.submit.mutate({ opdId, indicatorCode: code, year, period }),
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['realizations.detail', opdId, code, year] }),
      qc.invalidateQueries({ queryKey: ['realizations.achievement', opdId, year] }),
    ]);

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    try {
      await record.mutateAsync();
      setErrors({});
      setProblem(null);
      setDone(t('re.recorded'));
      await refresh();
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields;
      if (fields) return setErrors(fields);
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }
  async function onSubmit() {
    setDone(null);
    try {
      await submit.mutateAsync();
      setProblem(null);
      setDone(t('re.submitted'));
      await refresh();
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  return (
    <form className="card entry" onSubmit={onSave} noValidate aria-labelledby="entry-title">
      <h2 id="entry-title">
        {code} · {periodLabel(period, lang)} {year} <StatusBadge status={current?.status} />
      </h2>
      <p className="muted">{name}</p>
      {returned && (
        <div className="alert alert-warn" role="alert" data-testid="returned-reason">
          {t('re.returnedBy', {
            actor: returned.actor,
            level: t(returned.level === 'inspector' ? 'q.inspector' : 'q.head'),
            reason: returned.reason ?? '',
          })}
        </div>
      )}
      <ErrorBox problem={problem} />
      {done && <Notice kind="ok">{done}</Notice>}
      <fieldset disabled={!canSubmit || !!frozen}>
        <legend>{formula ? t('re.inputs') : t('re.value')}</legend>
        {formula ? (
          <>
            <div className="form-grid">
              {names.map((n) =>
                isSeries ? (
                  <TextArea
                    key={n}
                    label={n}
                    rows={3}
                    value={inputs[n] ?? ''}
                    onChange={(e) => setInputs({ ...inputs, [n]: e.target.value })}
                    error={errors[`inputs.${n}`] ?? read.problems[`inputs.${n}`] ?? errors.inputs}
                  />
                ) : (
                  <NumberField
                    key={n}
                    label={n}
                    value={inputs[n] ?? ''}
                    onChange={(e) => setInputs({ ...inputs, [n]: e.target.value })}
                    error={errors[`inputs.${n}`] ?? errors.inputs}
                  />
                ),
              )}
            </div>
            <p className="computed" aria-live="polite">
              {t('re.computed')}:{' '}
              <output data-testid="computed">
                {live
                  ? live.ok
                    ? formatNumber(live.value, lang, precision)
                    : pickBilingual(lang, live.error.message)
                  : '–'}
              </output>
            </p>
          </>
        ) : (
          <>
            <p className="muted small">{t('re.noFormula')}</p>
            <NumberField
              label={t('re.value')}
              rule={MEASURE}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={errors.value}
            />
          </>
        )}
      </fieldset>
      <fieldset disabled={!canSubmit || !!frozen}>
        <legend>{t('re.evidence')}</legend>
        <div className="form-grid">
          <TextField
            label={t('re.documentRef')}
            value={documentRef}
            onChange={(e) => setDocumentRef(e.target.value)}
            error={errors['evidence.documentRef']}
          />
          <TextField
            label={t('re.dataSource')}
            value={dataSource}
            onChange={(e) => setDataSource(e.target.value)}
            error={errors['evidence.dataSource']}
          />
          <div className="field">
            <label htmlFor="evidence-file">{t('re.attachment')}</label>
            <input
              id="evidence-file"
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <TextArea
          label={t('re.note')}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note}
        />
        {correcting && (
          <TextArea
            label={t('re.reason')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.reason}
          />
        )}
      </fieldset>
      {canSubmit && !frozen && (
        <div className="row">
          <button type="submit" disabled={record.isPending}>
            {correcting ? t('re.correct') : t('re.record')}
          </button>
          <button
            type="button"
            className="btn-primary"
            disabled={submit.isPending || !(current?.status === 'draft')}
            onClick={onSubmit}
          >
            {t('re.submit')}
          </button>
        </div>
      )}
      {versions.length > 0 && (
        <details>
          <summary>
            {t('re.versions')} ({versions.length})
          </summary>
          <table className="small">
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td className="num">{formatNumber(v.value, lang, precision)}</td>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                  <td>{v.evidence.documentRef}</td>
                  <td>
                    {v.history
                      .map(
                        (h) =>
                          `${h.status}${'actor' in h ? ` (${String((h as { actor?: string }).actor)})` : ''}`,
                      )
                      .join(' → ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </form>
  );
}

function NarrativeForm({
  opdId,
  year,
  sasaran,
  elements,
}: {
  opdId: string;
  year: number;
  sasaran: string[];
  elements: Record<string, { name: string }>;
}) {
  const { t, lang } = useT();
  const [f, setF] = useState({
    sasaranCode: sasaran[0] ?? '',
    faktorPendukung: '',
    faktorPenghambat: '',
    solusi: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (i: Parameters<typeof api.realizations.recordNarrative.mutate>[0]) =>
      api.realizations.recordNarrative.mutate(i),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <form
      className="card"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const v = validate(recordNarrativeInput, { opdId, year, ...f }, lang);
        if (!v.ok) return setErrors(v.errors);
        setErrors({});
        try {
          await save.mutateAsync(v.data);
        } catch (err) {
          setErrors(fieldErrorMap(describeError(err, lang).fieldErrors));
        }
      }}
    >
      <h2>{t('re.narrative')}</h2>
      {save.isSuccess && <Notice kind="ok">{t('common.saved')}</Notice>}
      <ErrorBox error={save.error} />
      <SelectField
        label={t('re.sasaran')}
        value={f.sasaranCode}
        onChange={set('sasaranCode')}
        error={errors.sasaranCode}
      >
        {sasaran.map((s) => (
          <option key={s} value={s}>
            {s} · {elements[s]?.name ?? ''}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('re.faktorPendukung')}
        rows={2}
        value={f.faktorPendukung}
        onChange={set('faktorPendukung')}
        error={errors.faktorPendukung}
      />
      <TextArea
        label={t('re.faktorPenghambat')}
        rows={2}
        value={f.faktorPenghambat}
        onChange={set('faktorPenghambat')}
        error={errors.faktorPenghambat}
      />
      <TextArea
        label={t('re.solusi')}
        rows={2}
        value={f.solusi}
        onChange={set('solusi')}
        error={errors.solusi}
      />
      <button type="submit" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
