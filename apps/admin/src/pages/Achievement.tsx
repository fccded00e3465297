import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../lib/api';
import { useT } from '../lib/context';
import { describeError } from '../lib/errors';
import { formatNumber, formatPercent, predikatClass, rowPrecision } from '../lib/format';
import { OpdTabs } from '../components/Layout';
import { Loading, Notice, Pager, StatusBadge, usePaged } from '../components/ui';
import { useYear, YearPicker } from './Realisasi';

const toNum = (v: string | null | undefined) =>
  v === null || v === undefined || v === '' ? null : Number(v);

export default function Achievement() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const [year, setYear] = useYear();
  const [ikuOnly, setIkuOnly] = useState(true);
  const ach = useQuery({
    queryKey: ['realizations.achievement', opdId, year],
    queryFn: () => api.realizations.achievement.query({ opdId, year }),
    retry: false,
  });
  const rows = (ach.data?.indicators ?? []).filter((r) => !ikuOnly || r.indicator.kind === 'iku');
  const paged = usePaged(rows, 15);
  const pending = rows.reduce((n, r) => n + r.pending, 0);
  const chart = rows.slice(0, 20).map((r) => ({
    code: r.indicator.code,
    target: toNum(r.target.value),
    realisasi: toNum(r.achievement.year.basis ?? r.achievement.year.realization),
  }));

  return (
    <section>
      <OpdTabs title={t('ach.title', { year })} />
      <div className="row">
        <YearPicker year={year} setYear={setYear} />
        <label className="check">
          <input type="checkbox" checked={ikuOnly} onChange={(e) => setIkuOnly(e.target.checked)} />{' '}
          {t('ach.onlyIku')}
        </label>
      </div>
      {ach.isLoading && <Loading />}
      {ach.error && (
        <Notice kind="warn">
          {describeError(ach.error, lang).code === 'NOT_FOUND'
            ? t('ach.noPlan')
            : describeError(ach.error, lang).message}
        </Notice>
      )}
      {ach.data && (
        <>
          {pending > 0 && (
            <Notice kind="warn">
              <span data-testid="pending">{t('ach.pending', { n: pending })}</span>
            </Notice>
          )}
          <div className="card">
            <h2>{t('ach.chart')}</h2>
            <div className="chart" role="img" aria-label={t('ach.chart')}>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="code" />
                  <YAxis tickFormatter={(v: number) => formatNumber(v, lang, 0)} />
                  <Tooltip formatter={(v) => formatNumber(v as number, lang, 2)} />
                  <Legend />
                  <Bar
                    isAnimationActive={false}
                    dataKey="target"
                    name={t('common.target')}
                    fill="#7a8fa6"
                  />
                  <Bar
                    isAnimationActive={false}
                    dataKey="realisasi"
                    name={t('common.realization')}
                    fill="#1f6feb"
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </div>
          <div className="card">
            <div className="table-scroll">
              <table data-testid="achievement">
                <thead>
                  <tr>
                    <th scope="col">{t('common.code')}</th>
                    <th scope="col">{t('common.indicator')}</th>
                    <th scope="col" className="num">
                      {t('common.target')}
                    </th>
                    <th scope="col">{t('ach.targetSource')}</th>
                    <th scope="col" className="num">
                      {t('common.realization')}
                    </th>
                    <th scope="col" className="num">
                      {t('common.capaian')}
                    </th>
                    <th scope="col">{t('common.predikat')}</th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {paged.slice.map((r) => {
                    const y = r.achievement.year;
                    return (
                      <tr key={r.indicator.code}>
                        <td className="code">{r.indicator.code}</td>
                        <td>
                          {r.indicator.name}{' '}
                          <span className="muted small">({r.indicator.satuan})</span>
                          {r.warnings.length > 0 && (
                            <div className="small warn">
                              ⚠{' '}
                              {r.warnings
                                .map((w) => (lang === 'id' ? w.messageId : w.messageEn))
                                .join('; ')}
                            </div>
                          )}
                        </td>
                        <td className="num">
                          {r.target.value === null && r.target.min !== null && r.target.max !== null
                            ? `${formatNumber(r.target.min, lang, null)}–${formatNumber(r.target.max, lang, null)}`
                            : formatNumber(r.target.value, lang, null)}
                        </td>
                        <td className="small" data-testid="target-source">
                          {r.target.sourceLabel ?? '–'}
                        </td>
                        <td className="num">
                          {formatNumber(
                            y.basis ?? y.realization,
                            lang,
                            rowPrecision(r.target, [y.basis ?? y.realization]),
                          )}
                          {Object.entries(r.unverified).map(([period, u]) => (
                            <div key={period} className="small warn" data-testid="unverified">
                              {formatNumber(u.value, lang, rowPrecision(r.target, [u.value]))} (
                              {period === 'YEAR' ? '' : `${period}, `}
                              {t('ach.unverified')})
                            </div>
                          ))}
                        </td>
                        <td className="num">
                          {y.capaian.computable ? (
                            formatPercent(y.display, lang)
                          ) : (
                            <span className="muted small">{t('ach.notComputable')}</span>
                          )}
                        </td>
                        <td>
                          {y.predikat ? (
                            <span className={predikatClass(y.predikat.code)}>
                              {y.predikat.label}
                            </span>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>
                          <StatusBadge
                            status={r.statuses.YEAR ?? Object.values(r.statuses).at(-1)}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pager {...paged} />
          </div>
          {ach.data.programs.length > 0 && (
            <div className="card">
              <h2>{t('ach.programs')}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.code')}</th>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col" className="num">
                      {t('ach.pagu')}
                    </th>
                    <th scope="col" className="num">
                      {t('ach.spent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ach.data.programs.slice(0, 30).map((p) => (
                    <tr key={p.programCode}>
                      <td className="code">{p.programCode}</td>
                      <td>{p.name}</td>
                      <td className="num">{formatNumber(p.pagu, lang)}</td>
                      <td className="num">{formatNumber(p.spent, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
