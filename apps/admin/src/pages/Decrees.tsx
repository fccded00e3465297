import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { draftDecreeInput } from '@sakip/contracts';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { formatDate } from '../lib/format';
import { can, opdTarget } from '../lib/perms';
import { OpdTabs } from '../components/Layout';
import { ErrorBox, Loading, SelectField, TextArea, TextField } from '../components/ui';
import { ImportPanel } from '../components/ImportPanel';

export default function Decrees() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const me = useMe();
  const decrees = useQuery({
    queryKey: ['plans.decrees', opdId],
    queryFn: () => api.plans.decrees.query({ opdId }),
  });
  const canWrite = can(me.bindings, 'plan.write', opdTarget(opdId));
  const [showForm, setShowForm] = useState(false);
  const enacted = decrees.data?.filter((d) => d.status === 'enacted') ?? [];
  const last = enacted.at(-1);

  return (
    <section>
      <OpdTabs title={t('sk.title')} />
      {decrees.isLoading && <Loading />}
      <ErrorBox error={decrees.error} />
      {decrees.data && (
        <div className="card">
          <table>
            <caption className="sr-only">{t('sk.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sk.number')}</th>
                <th scope="col">{t('sk.kind')}</th>
                <th scope="col">{t('sk.date')}</th>
                <th scope="col">{t('common.period')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col" className="num">
                  {t('sk.changes')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {decrees.data.map((d) => (
                <tr key={d.decreeId}>
                  <td>
                    <strong>{d.number}</strong>
                    <div className="muted small">{d.title}</div>
                  </td>
                  <td>{t(d.kind === 'perubahan' ? 'sk.kind.perubahan' : 'sk.kind.penetapan')}</td>
                  <td>{formatDate(d.date, lang)}</td>
                  <td>
                    {d.periodStart}–{d.periodEnd}
                  </td>
                  <td>
                    <span className={`badge ${d.status === 'draft' ? 'st-draft' : 'st-verified'}`}>
                      {d.status === 'draft' ? t('sk.draft') : `${t('sk.enacted')} #${d.sequence}`}
                    </span>
                  </td>
                  <td className="num">{d.changeCount}</td>
                  <td>
                    <Link to={`/opd/${opdId}/sk/${d.decreeId}`}>{t('sk.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The form's defaults (amendment of the decree in force) need the list: no button before it. */}
      {canWrite && !showForm && decrees.data && (
        <button type="button" className="btn-primary" onClick={() => setShowForm(true)}>
          {t('sk.new')}
        </button>
      )}
      {canWrite && showForm && (
        <DraftForm
          opdId={opdId}
          defaults={
            last
              ? { kind: 'perubahan', periodStart: last.periodStart, periodEnd: last.periodEnd }
              : {
                  kind: 'penetapan',
                  periodStart: new Date().getFullYear(),
                  periodEnd: new Date().getFullYear() + 4,
                }
          }
          onCancel={() => setShowForm(false)}
        />
      )}
      {canWrite && <ImportPanel opdId={opdId} />}
    </section>
  );
}

function DraftForm({
  opdId,
  defaults,
  onCancel,
}: {
  opdId: string;
  defaults: { kind: 'penetapan' | 'perubahan'; periodStart: number; periodEnd: number };
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [f, setF] = useState({
    number: '',
    title: '',
    date: new Date().toISOString().slice(0, 10),
    place: '',
    signerName: '',
    signerNip: '',
    signerPosition: '',
    legalBases: '',
    kind: defaults.kind as string,
    periodStart: String(defaults.periodStart),
    periodEnd: String(defaults.periodEnd),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const draft = useMutation({
    mutationFn: (input: Parameters<typeof api.plans.draftDecree.mutate>[0]) =>
      api.plans.draftDecree.mutate(input),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const decreeId = crypto.randomUUID();
    const input = {
      opdId,
      decreeId,
      info: {
        number: f.number,
        title: f.title,
        date: f.date,
        place: f.place,
        signer: {
          name: f.signerName,
          nip: f.signerNip.trim() === '' ? null : f.signerNip.trim(),
          position: f.signerPosition,
        },
        legalBases: f.legalBases
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        kind: f.kind,
        periodStart: Number(f.periodStart),
        periodEnd: Number(f.periodEnd),
      },
    };
    const v = validate(draftDecreeInput, input, lang);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    setProblem(null);
    try {
      await draft.mutateAsync(v.data);
      await qc.invalidateQueries({ queryKey: ['plans.decrees', opdId] });
      nav(`/opd/${opdId}/sk/${decreeId}`);
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="draft-title">
      <h2 id="draft-title">{t('sk.new')}</h2>
      <ErrorBox problem={problem} />
      <div className="form-grid">
        <SelectField
          label={t('sk.kind')}
          name="kind"
          value={f.kind}
          onChange={set('kind')}
          error={errors['info.kind']}
        >
          <option value="penetapan">{t('sk.kind.penetapan')}</option>
          <option value="perubahan">{t('sk.kind.perubahan')}</option>
        </SelectField>
        <TextField
          label={t('sk.number')}
          name="number"
          value={f.number}
          onChange={set('number')}
          error={errors['info.number']}
        />
        <TextField
          label={t('sk.titleField')}
          name="title"
          value={f.title}
          onChange={set('title')}
          error={errors['info.title']}
          className="wide"
        />
        <TextField
          label={t('sk.date')}
          name="date"
          type="date"
          value={f.date}
          onChange={set('date')}
          error={errors['info.date']}
        />
        <TextField
          label={t('sk.place')}
          name="place"
          value={f.place}
          onChange={set('place')}
          error={errors['info.place']}
        />
        <TextField
          label={t('sk.periodStart')}
          name="periodStart"
          type="number"
          value={f.periodStart}
          onChange={set('periodStart')}
          error={errors['info.periodStart']}
        />
        <TextField
          label={t('sk.periodEnd')}
          name="periodEnd"
          type="number"
          value={f.periodEnd}
          onChange={set('periodEnd')}
          error={errors['info.periodEnd']}
        />
        <TextField
          label={t('sk.signerName')}
          name="signerName"
          value={f.signerName}
          onChange={set('signerName')}
          error={errors['info.signer.name']}
        />
        <TextField
          label={t('sk.signerNip')}
          name="signerNip"
          inputMode="numeric"
          value={f.signerNip}
          onChange={set('signerNip')}
          error={errors['info.signer.nip']}
        />
        <TextField
          label={t('sk.signerPosition')}
          name="signerPosition"
          value={f.signerPosition}
          onChange={set('signerPosition')}
          error={errors['info.signer.position']}
        />
      </div>
      <TextArea
        label={t('sk.legalBases')}
        name="legalBases"
        rows={3}
        value={f.legalBases}
        onChange={set('legalBases')}
        error={
          errors['info.legalBases'] ??
          Object.entries(errors).find(([k]) => k.startsWith('info.legalBases.'))?.[1]
        }
      />
      <div className="row">
        <button type="submit" className="btn-primary" disabled={draft.isPending}>
          {t('sk.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
