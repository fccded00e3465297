import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { measurementSettingsInput } from '@sakip/contracts';
import {
  DEFAULT_PREDIKAT_SCALE,
  PEMDA_TIME_ZONES,
  type MeasurementSettings,
  type PemdaTimeZone,
  type PredikatScale,
} from '@sakip/domain';
import { configureTimeZoneInput } from '@sakip/contracts';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, fieldErrorMap, validate, type Problem } from '../lib/errors';
import { can, regionTarget } from '../lib/perms';
import { readNumbers } from '../lib/number-input';
import { ErrorBox, Loading, Notice, NumberCell, SelectField, TextField } from '../components/ui';

const scaleRows = (s: PredikatScale) =>
  s.map((b) => ({ ...b, minInclusive: b.minInclusive === null ? '' : String(b.minInclusive) }));

/** The pemda measurement settings: loaded with realizations.settings, saved with configureMeasurement. */
export default function Settings() {
  const { t } = useT();
  const me = useMe();
  const first =
    me.bindings.find((b) => b.scope.level === 'region' || b.scope.level === 'province')?.scope
      .code ?? '';
  const [code, setCode] = useState(first);
  const valid = /^\d{2}(\.\d{2})?$/.test(code);
  const current = useQuery({
    queryKey: ['realizations.settings', code],
    queryFn: () => api.realizations.settings.query({ code }),
    enabled: valid,
  });
  return (
    <section>
      <h1>{t('set.title')}</h1>
      <div className="card">
        <TextField
          label={t('set.code')}
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
          error={code && !valid ? t('set.codeInvalid') : undefined}
        />
        {current.isLoading && <Loading />}
        <ErrorBox error={current.error} />
      </div>
      {/* Keyed by region: switching region reloads the form from that region's settings. */}
      {valid && current.data && <SettingsForm key={code} code={code} initial={current.data} />}
      {valid && <TimeZoneForm key={`tz-${code}`} code={code} />}
    </section>
  );
}

function SettingsForm({ code, initial }: { code: string; initial: MeasurementSettings }) {
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const [inspectorRequired, setInspectorRequired] = useState(initial.inspectorRequired);
  const [lower, setLower] = useState<MeasurementSettings['lowerIsBetterMethod']>(
    initial.lowerIsBetterMethod,
  );
  const [eff, setEff] = useState<MeasurementSettings['efficiencyMethod']>(initial.efficiencyMethod);
  const [custom, setCustom] = useState(initial.predikatScale !== null);
  const [scale, setScale] = useState(scaleRows(initial.predikatScale ?? DEFAULT_PREDIKAT_SCALE));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = useMutation({
    mutationFn: (i: Parameters<typeof api.realizations.configureMeasurement.mutate>[0]) =>
      api.realizations.configureMeasurement.mutate(i),
  });
  const allowed = can(me.bindings, 'pemda.configure', regionTarget(code));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Band thresholds go through the same number reader as every other field ("87,5" → 87.5).
    const bands = readNumbers(
      scale.map((b, i) => ({
        key: `settings.predikatScale.${i}.minInclusive`,
        text: b.minInclusive,
        optional: true,
      })),
      lang,
    );
    if (custom && !bands.ok) return setErrors(bands.errors);
    const read = bands.ok ? bands.values : {};
    const input = {
      code,
      settings: {
        inspectorRequired,
        lowerIsBetterMethod: lower,
        efficiencyMethod: eff,
        predikatScale: custom
          ? scale.map((b, i) => ({
              ...b,
              minInclusive: read[`settings.predikatScale.${i}.minInclusive`] ?? null,
            }))
          : null,
      },
    };
    const v = validate(measurementSettingsInput, input, lang);
    if (!v.ok) return setErrors(v.errors);
    try {
      await save.mutateAsync(v.data);
      setErrors({});
      setProblem(null);
      await qc.invalidateQueries({ queryKey: ['realizations.settings', code] });
    } catch (err) {
      const p = describeError(err, lang);
      setErrors(fieldErrorMap(p.fieldErrors));
      setProblem(p);
    }
  }

  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-label={t('set.title')}
      data-testid="settings-form"
    >
      <ErrorBox problem={problem} />
      {save.isSuccess && <Notice kind="ok">{t('set.saved')}</Notice>}
      {errors.code && <p className="field-error">{errors.code}</p>}
      <p className="muted">{t('set.loaded', { code })}</p>
      {!allowed && <p className="muted">{t('set.readOnly')}</p>}
      <label className="check">
        <input
          type="checkbox"
          checked={inspectorRequired}
          onChange={(e) => setInspectorRequired(e.target.checked)}
        />{' '}
        {t('set.inspectorRequired')}
      </label>
      <div className="form-grid">
        <SelectField
          label={t('set.lowerIsBetter')}
          value={lower}
          onChange={(e) => setLower(e.target.value as typeof lower)}
        >
          <option value="two_t_minus_r">(2T − R) / T × 100</option>
          <option value="inverse_ratio">T / R × 100</option>
        </SelectField>
        <SelectField
          label={t('set.efficiency')}
          value={eff}
          onChange={(e) => setEff(e.target.value as typeof eff)}
        >
          <option value="ratio">ratio</option>
          <option value="difference">difference</option>
        </SelectField>
      </div>
      <label className="check">
        <input type="checkbox" checked={custom} onChange={(e) => setCustom(e.target.checked)} />{' '}
        {t('set.customScale')}
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
                  <NumberCell
                    className=""
                    aria-label={`${t('set.band')} ${i + 1}`}
                    value={b.minInclusive}
                    error={errors[`settings.predikatScale.${i}.minInclusive`]}
                    onChange={(e) =>
                      setScale(
                        scale.map((x, k) => (k === i ? { ...x, minInclusive: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('set.label')} ${i + 1}`}
                    value={b.label}
                    onChange={(e) =>
                      setScale(scale.map((x, k) => (k === i ? { ...x, label: e.target.value } : x)))
                    }
                  />
                </td>
                <td className="code">{b.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors['settings.predikatScale'] && (
        <p className="field-error">{errors['settings.predikatScale']}</p>
      )}
      <button type="submit" className="btn-primary" disabled={!allowed || save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}

/** The pemda's time zone (a sibling of the measurement settings, saved with configureTimeZone). */
function TimeZoneForm({ code }: { code: string }) {
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const current = useQuery({
    queryKey: ['regions.timeZone', code],
    queryFn: () => api.regions.timeZone.query({ code }),
  });
  const [chosen, setChosen] = useState<PemdaTimeZone | ''>('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: (i: Parameters<typeof api.regions.configureTimeZone.mutate>[0]) =>
      api.regions.configureTimeZone.mutate(i),
  });
  const allowed = can(me.bindings, 'pemda.configure', regionTarget(code));
  if (!current.data) return <ErrorBox error={current.error} />;
  const zone = chosen || current.data.timeZone;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validate(configureTimeZoneInput, { code, timeZone: zone }, lang);
    if (!v.ok) return setError(v.errors.timeZone ?? Object.values(v.errors)[0]);
    try {
      await save.mutateAsync(v.data);
      setError(undefined);
      setProblem(null);
      await qc.invalidateQueries({ queryKey: ['regions.timeZone', code] });
    } catch (err) {
      const p = describeError(err, lang);
      setError(fieldErrorMap(p.fieldErrors).timeZone);
      setProblem(p);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('set.tz.title')}>
      <h2>{t('set.tz.title')}</h2>
      <ErrorBox problem={problem} />
      {save.isSuccess && <Notice kind="ok">{t('set.tz.saved')}</Notice>}
      <p className="muted">{t('set.tz.help')}</p>
      {current.data.source !== 'pemda' && (
        <p className="muted small" data-testid="tz-source">
          {t(current.data.source === 'province' ? 'set.tz.fromProvince' : 'set.tz.default', {
            zone: current.data.timeZone,
          })}
        </p>
      )}
      <div className="form-grid">
        <SelectField
          label={t('set.tz.title')}
          value={zone}
          error={error}
          onChange={(e) => setChosen(e.target.value as PemdaTimeZone)}
        >
          {PEMDA_TIME_ZONES.map((z) => (
            <option key={z} value={z}>
              {t(`set.tz.${z}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit" className="btn-primary" disabled={!allowed || save.isPending}>
        {t('set.tz.save')}
      </button>
    </form>
  );
}
