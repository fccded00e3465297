import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { returnRealizationInput } from '@sakip/contracts';
import type { Period } from '@sakip/domain';
import { api } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { describeError, validate, type Problem } from '../lib/errors';
import { formatNumber, rowPrecision } from '../lib/format';
import { can, opdTarget } from '../lib/perms';
import { OpdTabs } from '../components/Layout';
import { ErrorBox, Loading, Notice, Pager, StatusBadge, usePaged } from '../components/ui';
import { periodLabel } from './Realisasi';

export default function Queue() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const me = useMe();
  const qc = useQueryClient();
  const target = opdTarget(opdId);
  const levels = [
    ...(can(me.bindings, 'realization.verify', target) ? (['head'] as const) : []),
    ...(can(me.bindings, 'realization.inspect', target) ? (['inspector'] as const) : []),
  ];
  const level = levels[0];
  const queue = useQuery({
    queryKey: ['realizations.queue', opdId, level],
    queryFn: () => api.realizations.queue.query({ opdId, level: level! }),
    enabled: !!level,
  });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [fieldErr, setFieldErr] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (i: Parameters<typeof api.realizations.verify.mutate>[0]) =>
      api.realizations.verify.mutate(i),
  });
  const ret = useMutation({
    mutationFn: (i: Parameters<typeof api.realizations.return.mutate>[0]) =>
      api.realizations.return.mutate(i),
  });
  const items = queue.data ?? [];
  const paged = usePaged(items, 20);
  const refresh = () =>
    qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('realizations.') });

  async function act(
    kind: 'verify' | 'return',
    it: { indicatorCode: string; year: number; period: Period },
  ) {
    const key = `${it.indicatorCode}-${it.year}-${it.period}`;
    setDone(null);
    setProblem(null);
    try {
      if (kind === 'verify') {
        await verify.mutateAsync({ opdId, ...it, level: level! });
        setDone(t('q.verified'));
      } else {
        const v = validate(
          returnRealizationInput,
          { opdId, ...it, level, reason: reasons[key] ?? '' },
          lang,
        );
        if (!v.ok)
          return setFieldErr({
            ...fieldErr,
            [key]: v.errors.reason ?? Object.values(v.errors)[0]!,
          });
        await ret.mutateAsync(v.data);
        setDone(t('q.returned'));
      }
      setFieldErr({ ...fieldErr, [key]: '' });
      await refresh();
    } catch (err) {
      setProblem(describeError(err, lang));
    }
  }

  return (
    <section>
      <OpdTabs title={t('q.title')} />
      {!level && <Notice kind="warn">{t('q.notAllowed')}</Notice>}
      {level && (
        <p>
          {t('q.level')}: <strong>{t(level === 'head' ? 'q.head' : 'q.inspector')}</strong>
        </p>
      )}
      <ErrorBox problem={problem} />
      {done && <Notice kind="ok">{done}</Notice>}
      {queue.isLoading && <Loading />}
      <ErrorBox error={queue.error} />
      {queue.data && items.length === 0 && <p className="muted">{t('q.empty')}</p>}
      {items.length > 0 && (
        <div className="card">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.indicator')}</th>
                <th scope="col">{t('common.year')}</th>
                <th scope="col">{t('common.period')}</th>
                <th scope="col" className="num">
                  {t('common.realization')}
                </th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {paged.slice.map((it) => {
                const key = `${it.indicatorCode}-${it.year}-${it.period}`;
                return (
                  <tr key={key} data-key={key}>
                    <td className="code">{it.indicatorCode}</td>
                    <td>{it.year}</td>
                    <td>{periodLabel(it.period, lang)}</td>
                    <td className="num">
                      {formatNumber(it.value, lang, rowPrecision(null, [it.value]))}
                    </td>
                    <td>
                      <StatusBadge status={it.status} /> v{it.version}
                    </td>
                    <td>
                      <div className="row">
                        <button
                          type="button"
                          className="btn-primary"
                          onClick={() => act('verify', it)}
                          disabled={verify.isPending}
                        >
                          {t('q.verify')}
                        </button>
                        <label className="sr-only" htmlFor={`reason-${key}`}>
                          {t('q.reason')}
                        </label>
                        <input
                          id={`reason-${key}`}
                          placeholder={t('q.reason')}
                          value={reasons[key] ?? ''}
                          onChange={(e) => setReasons({ ...reasons, [key]: e.target.value })}
                          aria-invalid={fieldErr[key] ? true : undefined}
                        />
                        <button
                          type="button"
                          onClick={() => act('return', it)}
                          disabled={ret.isPending}
                        >
                          {t('q.return')}
                        </button>
                      </div>
                      {fieldErr[key] && (
                        <small className="field-error" role="alert">
                          {fieldErr[key]}
                        </small>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager {...paged} />
        </div>
      )}
    </section>
  );
}
