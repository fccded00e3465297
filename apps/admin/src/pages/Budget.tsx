import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { recordBudgetStageInput } from '@sakip/contracts';
import {
  BUDGET_STAGES,
  FUNDING_SOURCES,
  type BudgetStage,
  type FundingSource,
  type PlanSnapshot,
} from '@sakip/domain';
import { api, type RouterOutputs } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { formatDate, formatRupiah, parseUserNumber } from '../lib/format';
import { RUPIAH, readNumbers } from '../lib/number-input';
import { can, opdTarget } from '../lib/perms';
import { usePlanForYear } from '../lib/plan';
import { OpdTabs } from '../components/Layout';
import { ErrorBox, Loading, Notice, NumberCell, SelectField, TextField } from '../components/ui';

type BudgetView = RouterOutputs['budget']['get'];
interface Line {
  programCode: string;
  kegiatanCode: string;
  subKegiatanCode: string;
  fundingSource: FundingSource;
  amount: string;
}

/** Pagu per stage (Renja murni → RKA → DPA …) with totals in rupiah, and recording a stage. */
export default function Budget() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun') ?? new Date().getFullYear());
  const budget = useQuery({
    queryKey: ['budget.get', opdId, year],
    queryFn: () => api.budget.get.query({ opdId, year }),
    enabled: year >= 2000 && year <= 2100,
  });
  const { plan } = usePlanForYear(opdId, year);
  const canWrite = can(me.bindings, 'plan.write', opdTarget(opdId));
  const stageName = (s: BudgetStage, seq: number | null) =>
    `${t(`bud.stage.${s}`)}${seq ? ` ${seq}` : ''}`;
  const totals = budget.data?.totals ?? [];
  const programs = [...new Set(totals.flatMap((x) => Object.keys(x.byProgram)))].sort();

  return (
    <section>
      <OpdTabs title={t('bud.title', { year })} />
      <div className="row">
        <TextField
          label={t('common.year')}
          type="number"
          value={String(year)}
          onChange={(e) => setParams({ tahun: e.target.value })}
        />
      </div>
      {budget.isLoading && <Loading />}
      <ErrorBox error={budget.error} />
      {budget.data && totals.length === 0 && <p className="muted">{t('bud.none')}</p>}
      {totals.length > 0 && (
        <div className="card">
          <h2>{t('bud.stages')}</h2>
          <div className="table-scroll">
            <table data-testid="budget-totals">
              <thead>
                <tr>
                  <th scope="col">{t('bud.stage')}</th>
                  <th scope="col">{t('bud.document')}</th>
                  <th scope="col">{t('common.date')}</th>
                  {programs.map((p) => (
                    <th key={p} scope="col" className="num">
                      {p}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('bud.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.map((x, i) => (
                  <tr key={`${x.stage}-${x.sequence ?? ''}`}>
                    <th scope="row">{stageName(x.stage, x.sequence)}</th>
                    <td>{x.documentRef}</td>
                    <td>{formatDate(budget.data?.stages[i]?.date, lang)}</td>
                    {programs.map((p) => (
                      <td key={p} className="num">
                        {formatRupiah(x.byProgram[p] ?? null, lang)}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{formatRupiah(x.total, lang)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {canWrite && plan && (
        <StageForm
          key={totals.length}
          opdId={opdId}
          year={year}
          plan={plan}
          latest={budget.data ?? null}
        />
      )}
    </section>
  );
}

function StageForm({
  opdId,
  year,
  plan,
  latest,
}: {
  opdId: string;
  year: number;
  plan: PlanSnapshot;
  latest: BudgetView | null;
}) {
  const { t, lang } = useT();
  const qc = useQueryClient();
  const programs = useMemo(
    () => Object.values(plan.elements).filter((e) => e.level === 'program'),
    [plan],
  );
  const recorded = latest?.stages ?? [];
  // Each stage restates the whole document: start from the latest recorded one.
  const [lines, setLines] = useState<Line[]>(() => {
    const prev = recorded.at(-1)?.lines ?? [];
    return prev.length > 0
      ? prev.map((l) => ({
          programCode: l.programCode,
          kegiatanCode: l.kegiatanCode ?? '',
          subKegiatanCode: l.subKegiatanCode ?? '',
          fundingSource: l.fundingSource,
          amount: l.amount,
        }))
      : [
          {
            programCode: programs[0]?.code ?? '',
            kegiatanCode: '',
            subKegiatanCode: '',
            fundingSource: 'APBD',
            amount: '',
          },
        ];
  });
  const nextStage =
    BUDGET_STAGES.find((s) => !recorded.some((r) => r.stage === s)) ?? 'dpa_pergeseran';
  const [f, setF] = useState<{ stage: BudgetStage; documentRef: string; date: string }>({
    stage: nextStage,
    documentRef: '',
    date: `${year}-01-02`,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const rec = useMutation({
    mutationFn: (i: Parameters<typeof api.budget.recordStage.mutate>[0]) =>
      api.budget.recordStage.mutate(i),
  });
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    rec.reset();
    const amounts = readNumbers(
      lines.map((l, i) => ({ key: `lines.${i}.amount`, text: l.amount, rule: RUPIAH })),
      lang,
    );
    if (!amounts.ok) return setErrors(amounts.errors);
    const input = {
      opdId,
      year,
      ...f,
      lines: lines.map((l, i) => ({
        programCode: l.programCode,
        kegiatanCode: l.kegiatanCode.trim() || null,
        subKegiatanCode: l.subKegiatanCode.trim() || null,
        fundingSource: l.fundingSource,
        amount: amounts.values[`lines.${i}.amount`] ?? '',
      })),
    };
    const v = validate(recordBudgetStageInput, input, lang);
    if (!v.ok) return setErrors(v.errors);
    try {
      await rec.mutateAsync(v.data);
      setErrors({});
      setProblem(null);
      await qc.invalidateQueries({ queryKey: ['budget.get', opdId, year] });
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="stage-title">
      <h2 id="stage-title">{t('bud.record')}</h2>
      <ErrorBox problem={problem} />
      {rec.isSuccess && <Notice kind="ok">{t('common.saved')}</Notice>}
      <div className="form-grid">
        <SelectField
          label={t('bud.stage')}
          value={f.stage}
          onChange={(e) => setF({ ...f, stage: e.target.value as BudgetStage })}
          error={errors.stage}
        >
          {BUDGET_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`bud.stage.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('bud.document')}
          value={f.documentRef}
          onChange={(e) => setF({ ...f, documentRef: e.target.value })}
          error={errors.documentRef}
        />
        <TextField
          label={t('common.date')}
          type="date"
          value={f.date}
          onChange={(e) => setF({ ...f, date: e.target.value })}
          error={errors.date}
        />
      </div>
      {errors.lines && <p className="field-error">{errors.lines}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('bud.program')}</th>
              <th scope="col">{t('bud.kegiatan')}</th>
              <th scope="col">{t('bud.subKegiatan')}</th>
              <th scope="col">{t('bud.source')}</th>
              <th scope="col">{t('bud.amount')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const err = Object.entries(errors).find(
                ([k]) => k.startsWith(`lines.${i}.`) && k !== `lines.${i}.amount`,
              );
              return (
                <tr key={i}>
                  <td>
                    <select
                      className="select-program"
                      aria-label={`${t('bud.program')} ${i + 1}`}
                      value={l.programCode}
                      onChange={(e) => setLine(i, { programCode: e.target.value })}
                    >
                      {programs.map((p) => (
                        <option key={p.code} value={p.code}>
                          {p.code} · {p.name.slice(0, 24)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="narrow"
                      aria-label={`${t('bud.kegiatan')} ${i + 1}`}
                      value={l.kegiatanCode}
                      onChange={(e) => setLine(i, { kegiatanCode: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="narrow"
                      aria-label={`${t('bud.subKegiatan')} ${i + 1}`}
                      value={l.subKegiatanCode}
                      onChange={(e) => setLine(i, { subKegiatanCode: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${t('bud.source')} ${i + 1}`}
                      value={l.fundingSource}
                      onChange={(e) =>
                        setLine(i, { fundingSource: e.target.value as FundingSource })
                      }
                    >
                      {FUNDING_SOURCES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <NumberCell
                      rule={RUPIAH}
                      className=""
                      aria-label={`${t('bud.amount')} ${i + 1}`}
                      value={l.amount}
                      onChange={(e) => setLine(i, { amount: e.target.value })}
                      error={errors[`lines.${i}.amount`]}
                    />
                    <div className="muted small">
                      {formatRupiah(parseUserNumber(l.amount), lang)}
                    </div>
                    {err && <small className="field-error">{err[1]}</small>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => setLines(lines.filter((_, k) => k !== i))}
                      disabled={lines.length === 1}
                    >
                      {t('bud.removeLine')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            setLines([
              ...lines,
              {
                programCode: programs[0]?.code ?? '',
                kegiatanCode: '',
                subKegiatanCode: '',
                fundingSource: 'APBD',
                amount: '',
              },
            ])
          }
        >
          {t('bud.addLine')}
        </button>
        <button type="submit" className="btn-primary" disabled={rec.isPending}>
          {t('bud.record')}
        </button>
      </div>
    </form>
  );
}
