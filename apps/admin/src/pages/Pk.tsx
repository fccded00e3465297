import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { revisePkInput, signPkInput } from '@sakip/contracts';
import type { PlanSnapshot } from '@sakip/domain';
import { api, isApiError, type RouterOutputs } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { targetText } from '../lib/diff';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { formatDate, formatNumber, formatRupiah } from '../lib/format';
import { MEASURE, readNumbers, RUPIAH } from '../lib/number-input';
import { can, opdTarget } from '../lib/perms';
import { usePlanForYear } from '../lib/plan';
import { OpdTabs } from '../components/Layout';
import { ErrorBox, Loading, Notice, NumberCell, TextArea, TextField } from '../components/ui';

type Pk = RouterOutputs['pk']['get'];
type ConflictKind = Pk['renstraConflicts'][number]['kind'];

const sum = (amounts: string[]): string => {
  // Exact rupiah sum in sen (BigInt): budgets are at most 2 decimals.
  const sen = amounts.reduce((acc, a) => {
    const [i = '0', f = ''] = a.split('.');
    return acc + BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  }, 0n);
  return `${sen / 100n}.${String(sen % 100n).padStart(2, '0')}`;
};

/** Perjanjian Kinerja per OPD, year and position: revisions, and every Renstra conflict flagged. */
export default function PkPage() {
  const { opdId = '' } = useParams();
  const { t } = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun') ?? new Date().getFullYear());
  const position = params.get('jabatan') ?? 'KADIS';
  const canWrite = can(me.bindings, 'plan.write', opdTarget(opdId));
  const pk = useQuery({
    queryKey: ['pk.get', opdId, year, position],
    queryFn: () => api.pk.get.query({ opdId, year, positionCode: position }),
    enabled: /^[A-Z0-9][A-Z0-9_-]{1,39}$/.test(position),
  });
  const { plan, isLoading: planLoading, none } = usePlanForYear(opdId, year);
  const notSigned = isApiError(pk.error) && pk.error.data?.code === 'NOT_FOUND';

  return (
    <section>
      <OpdTabs title={t('pk.title', { year })} />
      <div className="row">
        <TextField
          label={t('common.year')}
          type="number"
          value={String(year)}
          onChange={(e) => setParams({ tahun: e.target.value, jabatan: position })}
        />
        <TextField
          label={t('pk.position')}
          value={position}
          onChange={(e) =>
            setParams({ tahun: String(year), jabatan: e.target.value.toUpperCase() })
          }
        />
      </div>
      {(pk.isLoading || planLoading) && <Loading />}
      {!notSigned && <ErrorBox error={pk.error} />}
      {none && <Notice kind="warn">{t('ach.noPlan')}</Notice>}
      {notSigned && <Notice kind="info">{t('pk.none')}</Notice>}
      {pk.data && <PkView pk={pk.data} plan={plan} year={year} />}
      {canWrite && plan && (pk.data || notSigned) && (
        <PkForm
          key={`${year}-${position}-${pk.data?.revisions.length ?? 0}`}
          opdId={opdId}
          year={year}
          position={position}
          pk={pk.data ?? null}
          plan={plan}
        />
      )}
      {!canWrite && <p className="muted">{t('pk.readOnly')}</p>}
    </section>
  );
}

function conflictLabel(kind: ConflictKind, t: ReturnType<typeof useT>['t']): string {
  return t(`pk.conflict.${kind}`);
}

function PkView({ pk, plan, year }: { pk: Pk; plan: PlanSnapshot | null; year: number }) {
  const { t, lang } = useT();
  const conflicts = new Map(pk.renstraConflicts.map((c) => [c.indicatorCode, c]));
  const renstra = (code: string) =>
    targetText(
      plan?.indicators[code]?.targets.find((x) => x.year === year),
      lang,
    );
  const current = pk.current;
  return (
    <>
      {pk.renstraConflicts.length > 0 && (
        <div className="alert alert-warn" role="alert" data-testid="pk-conflicts">
          <strong>{t('pk.conflicts', { n: pk.renstraConflicts.length })}</strong>
          <ul>
            {pk.renstraConflicts.map((c) => (
              <li key={c.indicatorCode}>
                <span className="code">{c.indicatorCode}</span>: {conflictLabel(c.kind, t)} — PK{' '}
                {formatNumber(c.pkValue, lang, null)} · Renstra{' '}
                {formatNumber(c.renstraValue, lang, null)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="card">
        <h2>{t('pk.current', { n: current?.revision ?? 0 })}</h2>
        <p className="muted">
          {pk.firstParty?.name} ({pk.firstParty?.position}) ↔ {pk.secondParty?.name} (
          {pk.secondParty?.position}) · {formatDate(current?.date, lang)}
        </p>
        <table data-testid="pk-targets">
          <thead>
            <tr>
              <th scope="col">{t('common.indicator')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col" className="num">
                {t('pk.target')}
              </th>
              <th scope="col" className="num">
                {t('pk.renstra')}
              </th>
              <th scope="col">{t('pk.check')}</th>
            </tr>
          </thead>
          <tbody>
            {(current?.targets ?? []).map((x) => {
              const c = conflicts.get(x.indicatorCode);
              return (
                <tr
                  key={x.indicatorCode}
                  className={c ? 'conflict' : undefined}
                  data-code={x.indicatorCode}
                >
                  <td className="code">{x.indicatorCode}</td>
                  <td>{plan?.indicators[x.indicatorCode]?.name ?? ''}</td>
                  <td className="num">
                    {x.value !== null
                      ? formatNumber(x.value, lang, null)
                      : x.min != null && x.max != null
                        ? `${formatNumber(x.min, lang, null)}–${formatNumber(x.max, lang, null)}`
                        : (x.text ?? '–')}
                  </td>
                  <td className="num">{renstra(x.indicatorCode)}</td>
                  <td>
                    {c ? (
                      <span className="badge flag-conflict">⚠ {conflictLabel(c.kind, t)}</span>
                    ) : (
                      <span className="badge st-verified">✓ {t('pk.matches')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {pk.renstraConflicts
              .filter((c) => c.kind === 'missing_in_pk')
              .map((c) => (
                <tr key={c.indicatorCode} className="conflict" data-code={c.indicatorCode}>
                  <td className="code">{c.indicatorCode}</td>
                  <td>{plan?.indicators[c.indicatorCode]?.name ?? ''}</td>
                  <td className="num">–</td>
                  <td className="num">{renstra(c.indicatorCode)}</td>
                  <td>
                    <span className="badge flag-conflict">⚠ {conflictLabel(c.kind, t)}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t('pk.revisions')}</h2>
        <table data-testid="pk-revisions">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('common.date')}</th>
              <th scope="col">{t('pk.reason')}</th>
              <th scope="col" className="num">
                {t('pk.targets')}
              </th>
              <th scope="col" className="num">
                {t('pk.budget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pk.revisions.map((r) => (
              <tr key={r.revision}>
                <td>{r.revision === 0 ? t('pk.signed') : t('pk.revision', { n: r.revision })}</td>
                <td>{formatDate(r.date, lang)}</td>
                <td>{r.reason ?? '–'}</td>
                <td className="num">{r.targets.length}</td>
                <td className="num">{formatRupiah(sum(r.budgets.map((b) => b.amount)), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Sign (first time) or revise (PK Perubahan, with a reason): full targets and budgets each time. */
function PkForm({
  opdId,
  year,
  position,
  pk,
  plan,
}: {
  opdId: string;
  year: number;
  position: string;
  pk: Pk | null;
  plan: PlanSnapshot;
}) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const indicators = useMemo(
    () => Object.values(plan.indicators).filter((i) => position !== 'KADIS' || i.kind === 'iku'),
    [plan, position],
  );
  const programs = useMemo(
    () => Object.values(plan.elements).filter((e) => e.level === 'program'),
    [plan],
  );
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      indicators.map((i) => [
        i.code,
        pk?.current?.targets.find((x) => x.indicatorCode === i.code)?.value ??
          (pk ? '' : (i.targets.find((x) => x.year === year)?.value ?? '')),
      ]),
    ),
  );
  // Range polarity indicators are agreed as a band: a minimum and a maximum.
  const [bands, setBands] = useState<Record<string, { min: string; max: string }>>(() =>
    Object.fromEntries(
      indicators
        .filter((i) => i.polarity === 'range')
        .map((i) => {
          const signed = pk?.current?.targets.find((x) => x.indicatorCode === i.code);
          const renstra = pk ? undefined : i.targets.find((x) => x.year === year);
          return [
            i.code,
            {
              min: signed?.min ?? renstra?.min ?? '',
              max: signed?.max ?? renstra?.max ?? '',
            },
          ];
        }),
    ),
  );
  const [budgets, setBudgets] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      programs.map((p) => [
        p.code,
        pk?.current?.budgets.find((b) => b.programCode === p.code)?.amount ?? '',
      ]),
    ),
  );
  const [f, setF] = useState({
    date: `${year}-01-02`,
    reason: '',
    firstName: '',
    firstNip: '',
    firstPosition: '',
    secondName: '',
    secondNip: '',
    secondPosition: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const mut = useMutation({
    mutationFn: (
      i:
        | { sign: Parameters<typeof api.pk.sign.mutate>[0] }
        | { revise: Parameters<typeof api.pk.revise.mutate>[0] },
    ) => ('sign' in i ? api.pk.sign.mutate(i.sign) : api.pk.revise.mutate(i.revise)),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const party = (p: 'first' | 'second') => ({
    name: f[`${p}Name`],
    nip: f[`${p}Nip`].trim() === '' ? null : f[`${p}Nip`].replace(/\s+/g, ''),
    position: f[`${p}Position`],
  });
  const band = (code: string) => bands[code] ?? { min: '', max: '' };
  const targetRows = indicators.filter((i) =>
    i.polarity === 'range'
      ? `${band(i.code).min}${band(i.code).max}`.trim() !== ''
      : (targets[i.code] ?? '').trim() !== '',
  );
  const budgetRows = programs.filter((p) => (budgets[p.code] ?? '').trim() !== '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    mut.reset();
    // Every number is read before anything is sent; a wrong one is named next to its cell.
    const numbers = readNumbers(
      [
        ...targetRows.flatMap((i, k) =>
          i.polarity === 'range'
            ? (['min', 'max'] as const).map((end) => ({
                key: `targets.${k}.${end}`,
                text: band(i.code)[end],
                rule: MEASURE,
                optional: true,
              }))
            : [{ key: `targets.${k}.value`, text: targets[i.code]!, rule: MEASURE }],
        ),
        ...budgetRows.map((p, k) => ({
          key: `budgets.${k}.amount`,
          text: budgets[p.code]!,
          rule: RUPIAH,
        })),
      ],
      lang,
    );
    if (!numbers.ok) return setErrors(numbers.errors);
    const read = numbers.values;
    const body = {
      opdId,
      year,
      positionCode: position,
      date: f.date,
      targets: targetRows.map((i, k) =>
        i.polarity === 'range'
          ? {
              indicatorCode: i.code,
              value: null,
              min: read[`targets.${k}.min`] ?? null,
              max: read[`targets.${k}.max`] ?? null,
            }
          : { indicatorCode: i.code, value: read[`targets.${k}.value`] ?? '' },
      ),
      budgets: budgetRows.map((p, k) => ({
        programCode: p.code,
        amount: read[`budgets.${k}.amount`] ?? '',
      })),
    };
    const v = pk
      ? validate(revisePkInput, { ...body, reason: f.reason }, lang)
      : validate(
          signPkInput,
          { ...body, firstParty: party('first'), secondParty: party('second') },
          lang,
        );
    if (!v.ok) return setErrors(v.errors);
    try {
      await mut.mutateAsync(
        pk
          ? { revise: v.data as Parameters<typeof api.pk.revise.mutate>[0] }
          : { sign: v.data as Parameters<typeof api.pk.sign.mutate>[0] },
      );
      setErrors({});
      setProblem(null);
      await qc.invalidateQueries({ queryKey: ['pk.get', opdId, year, position] });
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }
  const rowError = (kind: 'targets' | 'budgets', idx: number) =>
    Object.entries(errors).find(([k]) => k.startsWith(`${kind}.${idx}.`))?.[1];

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="pk-form-title">
      <h2 id="pk-form-title">{pk ? t('pk.revise') : t('pk.sign')}</h2>
      <ErrorBox problem={problem} />
      {mut.isSuccess && <Notice kind="ok">{t('common.saved')}</Notice>}
      <div className="form-grid">
        <TextField
          label={t('common.date')}
          type="date"
          value={f.date}
          onChange={set('date')}
          error={errors.date}
        />
        {!pk && (
          <>
            <TextField
              label={t('pk.firstName')}
              value={f.firstName}
              onChange={set('firstName')}
              error={errors['firstParty.name']}
            />
            <TextField
              label={t('pk.firstNip')}
              inputMode="numeric"
              value={f.firstNip}
              onChange={set('firstNip')}
              error={errors['firstParty.nip']}
            />
            <TextField
              label={t('pk.firstPosition')}
              value={f.firstPosition}
              onChange={set('firstPosition')}
              error={errors['firstParty.position']}
            />
            <TextField
              label={t('pk.secondName')}
              value={f.secondName}
              onChange={set('secondName')}
              error={errors['secondParty.name']}
            />
            <TextField
              label={t('pk.secondNip')}
              inputMode="numeric"
              value={f.secondNip}
              onChange={set('secondNip')}
              error={errors['secondParty.nip']}
            />
            <TextField
              label={t('pk.secondPosition')}
              value={f.secondPosition}
              onChange={set('secondPosition')}
              error={errors['secondParty.position']}
            />
          </>
        )}
      </div>
      {pk && (
        <TextArea
          label={t('pk.reason')}
          rows={2}
          value={f.reason}
          onChange={set('reason')}
          error={errors.reason}
        />
      )}
      <h3>{t('pk.targets')}</h3>
      {errors.targets && <p className="field-error">{errors.targets}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.indicator')}</th>
            <th scope="col" className="num">
              {t('pk.renstra')}
            </th>
            <th scope="col">{t('pk.target')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const idx = targetRows.findIndex((r) => r.code === i.code);
            const err = idx >= 0 ? rowError('targets', idx) : undefined;
            return (
              <tr key={i.code}>
                <td>
                  <span className="code">{i.code}</span> {i.name}
                </td>
                <td className="num">
                  {targetText(
                    i.targets.find((x) => x.year === year),
                    lang,
                  )}
                </td>
                <td>
                  {i.polarity === 'range' ? (
                    (['min', 'max'] as const).map((end) => (
                      <NumberCell
                        key={end}
                        rule={MEASURE}
                        aria-label={`${t('pk.target')} ${i.code} ${t(`pk.${end}`)}`}
                        placeholder={t(`pk.${end}`)}
                        value={band(i.code)[end]}
                        onChange={(e) =>
                          setBands({
                            ...bands,
                            [i.code]: { ...band(i.code), [end]: e.target.value },
                          })
                        }
                        error={end === 'min' ? err : undefined}
                      />
                    ))
                  ) : (
                    <NumberCell
                      rule={MEASURE}
                      aria-label={`${t('pk.target')} ${i.code}`}
                      value={targets[i.code] ?? ''}
                      onChange={(e) => setTargets({ ...targets, [i.code]: e.target.value })}
                      error={err}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {programs.length > 0 && (
        <>
          <h3>{t('pk.budget')}</h3>
          <table>
            <tbody>
              {programs.map((p) => {
                const idx = budgetRows.findIndex((r) => r.code === p.code);
                const err = idx >= 0 ? rowError('budgets', idx) : undefined;
                return (
                  <tr key={p.code}>
                    <td>
                      <span className="code">{p.code}</span> {p.name}
                    </td>
                    <td>
                      <NumberCell
                        rule={RUPIAH}
                        className=""
                        aria-label={`${t('pk.budget')} ${p.code}`}
                        value={budgets[p.code] ?? ''}
                        onChange={(e) => setBudgets({ ...budgets, [p.code]: e.target.value })}
                        error={err}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <button type="submit" className="btn-primary" disabled={mut.isPending}>
        {pk ? t('pk.revise') : t('pk.sign')}
      </button>
    </form>
  );
}
