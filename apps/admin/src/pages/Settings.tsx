import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { measurementSettingsInput } from '@sakip/contracts';
import { DEFAULT_PREDIKAT_SCALE } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { can, regionTarget } from '../lib/perms';
import { ErrorBox, Notice, SelectField, TextField } from '../components/ui';

/** configureMeasurement: write-only (no query returns the settings yet except inside achievement). */
export default function Settings() {
  const { t, lang } = useT();
  const me = useMe();
  const first = me.bindings.find((b) => b.scope.level === 'region' || b.scope.level === 'province')?.scope.code ?? '';
  const [code, setCode] = useState(first);
  const [inspectorRequired, setInspectorRequired] = useState(false);
  const [lower, setLower] = useState<'two_t_minus_r' | 'inverse_ratio'>('two_t_minus_r');
  const [eff, setEff] = useState<'ratio' | 'difference'>('ratio');
  const [custom, setCustom] = useState(false);
  const [scale, setScale] = useState(DEFAULT_PREDIKAT_SCALE.map((b) => ({ ...b, minInclusive: b.minInclusive === null ? '' : String(b.minInclusive) })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = useMutation({ mutationFn: (i: Parameters<typeof api.realizations.configureMeasurement.mutate>[0]) => api.realizations.configureMeasurement.mutate(i) });
  const allowed = /^\d{2}(\.\d{2})?$/.test(code) && can(me.bindings, 'pemda.configure', regionTarget(code));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      code,
      settings: { inspectorRequired, lowerIsBetterMethod: lower, efficiencyMethod: eff, predikatScale: custom ? scale.map((b) => ({ ...b, minInclusive: b.minInclusive === '' ? null : b.minInclusive })) : null },
    };
    const v = validate(measurementSettingsInput, input, lang);
    if (!v.ok) return setErrors(v.errors);
    try {
      await save.mutateAsync(v.data);
      setErrors({});
      setProblem(null);
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <section>
      <h1>{t('set.title')}</h1>
      <form className="card" onSubmit={submit} noValidate>
        <ErrorBox problem={problem} />
        {save.isSuccess && <Notice kind="ok">{t('set.saved')}</Notice>}
        <TextField label={t('set.code')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
        {!allowed && <p className="muted">{t('set.readOnly')}</p>}
        <label className="check">
          <input type="checkbox" checked={inspectorRequired} onChange={(e) => setInspectorRequired(e.target.checked)} /> {t('set.inspectorRequired')}
        </label>
        <div className="form-grid">
          <SelectField label={t('set.lowerIsBetter')} value={lower} onChange={(e) => setLower(e.target.value as typeof lower)}>
            <option value="two_t_minus_r">(2T − R) / T × 100</option>
            <option value="inverse_ratio">T / R × 100</option>
          </SelectField>
          <SelectField label={t('set.efficiency')} value={eff} onChange={(e) => setEff(e.target.value as typeof eff)}>
            <option value="ratio">ratio</option>
            <option value="difference">difference</option>
          </SelectField>
        </div>
        <label className="check">
          <input type="checkbox" checked={custom} onChange={(e) => setCustom(e.target.checked)} /> {t('set.customScale')}
        </label>
        {custom && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('set.band')}</th>
                <th scope="col">{t('set.label')}</th>
                <th scope="col">{t('common.code')}</th>
              </tr>
            </thead>
            <tbody>
              {scale.map((b, i) => (
                <tr key={i}>
                  <td>
                    <input aria-label={`${t('set.band')} ${i + 1}`} value={b.minInclusive} onChange={(e) => setScale(scale.map((x, k) => (k === i ? { ...x, minInclusive: e.target.value } : x)))} />
                  </td>
                  <td>
                    <input aria-label={`${t('set.label')} ${i + 1}`} value={b.label} onChange={(e) => setScale(scale.map((x, k) => (k === i ? { ...x, label: e.target.value } : x)))} />
                  </td>
                  <td className="code">{b.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {errors['settings.predikatScale'] && <p className="field-error">{errors['settings.predikatScale']}</p>}
        <button type="submit" className="btn-primary" disabled={!allowed || save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
