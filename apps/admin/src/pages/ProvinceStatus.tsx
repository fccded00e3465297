import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PERIODS } from '@sakip/domain';
import { api, type RouterOutputs } from '../lib/api';
import { useT } from '../lib/context';
import { aggregateStatus } from '../lib/status';
import { ErrorBox, Loading, Pager, StatusBadge, usePaged } from '../components/ui';
import { periodLabel, useYear, YearPicker } from './Realisasi';

type Region = RouterOutputs['org']['tree'][number];
export interface OpdRow {
  opdId: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export function flattenOpds(tree: Region[]): OpdRow[] {
  const out: OpdRow[] = [];
  const walk = (r: Region) => {
    for (const o of r.opds)
      out.push({ opdId: o.opdId, name: o.name, regionCode: r.code, regionName: r.name });
    r.children.forEach(walk);
  };
  tree.forEach(walk);
  return out;
}

/** Which OPDs have submitted / verified / are late, from each OPD's achievement statuses. */
export default function ProvinceStatus() {
  const { t, lang } = useT();
  const [year, setYear] = useYear();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  const opds = useMemo(() => flattenOpds(tree.data ?? []), [tree.data]);
  const paged = usePaged(opds, 15);
  // Only the visible page is fetched: a province with hundreds of OPDs stays responsive.
  const results = useQueries({
    queries: paged.slice.map((o) => ({
      queryKey: ['realizations.achievement', o.opdId, year],
      queryFn: () => api.realizations.achievement.query({ opdId: o.opdId, year }),
      retry: false,
    })),
  });
  const today = new Date();
  return (
    <section>
      <h1>{t('prov.title', { year })}</h1>
      <YearPicker year={year} setYear={setYear} />
      <p className="muted small">{t('prov.help')}</p>
      {tree.isLoading && <Loading />}
      <ErrorBox error={tree.error} />
      <div className="card">
        <div className="table-scroll">
          <table data-testid="province-status">
            <thead>
              <tr>
                <th scope="col">{t('common.opd')}</th>
                <th scope="col">{t('common.region')}</th>
                <th scope="col" className="num">
                  {t('prov.indicators')}
                </th>
                {PERIODS.map((p) => (
                  <th key={p} scope="col">
                    {periodLabel(p, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {paged.slice.map((o, i) => {
                const r = results[i];
                const iku = r?.data?.indicators.filter((x) => x.indicator.kind === 'iku') ?? [];
                return (
                  <tr key={o.opdId}>
                    <td>
                      <Link to={`/opd/${o.opdId}/capaian?tahun=${year}`}>{o.name}</Link>
                    </td>
                    <td>{o.regionName}</td>
                    <td className="num">{r?.isLoading ? '…' : r?.data ? iku.length : '–'}</td>
                    {PERIODS.map((p) => {
                      if (!r?.data)
                        return (
                          <td key={p}>
                            {r?.isLoading ? (
                              '…'
                            ) : (
                              <span className="muted small">{t('ach.noPlan')}</span>
                            )}
                          </td>
                        );
                      const statuses = iku.map((x) => x.statuses[p]);
                      const agg = aggregateStatus(statuses, year, p, today);
                      const verified = statuses.filter(
                        (s) => s === 'verified' || s === 'locked',
                      ).length;
                      return (
                        <td key={p}>
                          <StatusBadge status={agg} />{' '}
                          <span className="small muted">
                            {verified}/{iku.length}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pager {...paged} />
      </div>
    </section>
  );
}
