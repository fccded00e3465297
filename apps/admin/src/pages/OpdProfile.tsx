import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../lib/api';
import { useT } from '../lib/context';
import { targetText } from '../lib/diff';
import { OpdTabs } from '../components/Layout';
import { ErrorBox, Loading, Pager, TextField, usePaged } from '../components/ui';

export default function OpdProfile() {
  const { opdId = '' } = useParams();
  const { t, lang } = useT();
  const opd = useQuery({
    queryKey: ['org.opd', opdId],
    queryFn: () => api.org.opd.query({ opdId }),
  });
  const snap = useQuery({
    queryKey: ['plans.snapshot', opdId, null],
    queryFn: () => api.plans.snapshot.query({ opdId }),
    retry: false,
  });
  const [filter, setFilter] = useState('');
  const indicators = useMemo(() => {
    const all = Object.values(snap.data?.indicators ?? {});
    const f = filter.trim().toLowerCase();
    return f ? all.filter((i) => `${i.code} ${i.name}`.toLowerCase().includes(f)) : all;
  }, [snap.data, filter]);
  const years = snap.data
    ? Array.from(
        { length: snap.data.periodEnd - snap.data.periodStart + 1 },
        (_, k) => snap.data!.periodStart + k,
      )
    : [];
  const paged = usePaged(indicators, 15);
  const units = Object.values(opd.data?.units ?? {});
  const positions = Object.values(opd.data?.positions ?? {});
  const unitsPaged = usePaged(units, 10);
  const posPaged = usePaged(positions, 10);
  const elements = Object.values(snap.data?.elements ?? {});
  const elPaged = usePaged(elements, 10);

  return (
    <section>
      <OpdTabs title={opd.data?.name ?? opdId} />
      {opd.isLoading && <Loading />}
      <ErrorBox error={opd.error} />
      {opd.data && (
        <div className="grid-2">
          <div className="card">
            <h2>
              {t('org.units')} ({units.length})
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {unitsPaged.slice.map((u) => (
                  <tr key={u.code}>
                    <td className="code">{u.code}</td>
                    <td>{u.name}</td>
                    <td>{u.kind}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager {...unitsPaged} />
          </div>
          <div className="card">
            <h2>
              {t('org.positions')} ({positions.length})
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.name')}</th>
                </tr>
              </thead>
              <tbody>
                {posPaged.slice.map((p) => (
                  <tr key={p.code}>
                    <td className="code">{p.code}</td>
                    <td>{p.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager {...posPaged} />
          </div>
        </div>
      )}
      {snap.isError && <p className="muted">{t('org.noPlan')}</p>}
      {snap.data && (
        <>
          <div className="card">
            <h2>
              {t('org.elements')} ({elements.length})
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('org.level')}</th>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('org.parent')}</th>
                </tr>
              </thead>
              <tbody>
                {elPaged.slice.map((e) => (
                  <tr key={e.code}>
                    <td className="code">{e.code}</td>
                    <td>{e.level}</td>
                    <td>{e.name}</td>
                    <td className="code">{e.parentCode ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager {...elPaged} />
          </div>
          <div className="card">
            <h2>
              {t('org.indicators')} ({indicators.length})
            </h2>
            <TextField
              label={t('org.filter')}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.code')}</th>
                    <th scope="col">{t('common.kind')}</th>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('common.unit')}</th>
                    {years.map((y) => (
                      <th scope="col" key={y} className="num">
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {paged.slice.map((i) => (
                    <tr key={i.code}>
                      <td className="code">{i.code}</td>
                      <td>{i.kind.toUpperCase()}</td>
                      <td>{i.name}</td>
                      <td>{i.satuan}</td>
                      {years.map((y) => (
                        <td key={y} className="num">
                          {targetText(
                            i.targets.find((x) => x.year === y),
                            lang,
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager {...paged} />
          </div>
        </>
      )}
    </section>
  );
}
