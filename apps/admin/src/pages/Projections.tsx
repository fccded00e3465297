import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { useT } from '../lib/context';
import { ErrorBox, Loading, Notice } from '../components/ui';

/** Read-model health for administrators: position, lag and dead letters per projection and province. */
export default function Projections() {
  const { t } = useT();
  const status = useQuery({
    queryKey: ['dashboards.projections'],
    queryFn: () => api.dashboards.projections.query(),
    refetchInterval: 10_000,
  });
  if (status.isLoading) return <Loading />;
  if (status.error) return <ErrorBox error={status.error} />;
  const rows = status.data ?? [];
  const troubled = rows.filter((r) => r.deadLetters > 0 || r.state === 'stopped');
  return (
    <section aria-labelledby="projections-title">
      <h1 id="projections-title">{t('projections.title')}</h1>
      {rows.length === 0 && <Notice kind="warn">{t('projections.none')}</Notice>}
      {troubled.length > 0 && (
        <Notice kind="warn">
          {t('projections.trouble')}:{' '}
          {troubled.map((r) => `${r.name} v${r.version} ${r.partition}`).join(', ')}
        </Notice>
      )}
      {rows.length > 0 && (
        <table>
          <caption className="sr-only">{t('projections.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projections.name')}</th>
              <th scope="col">{t('projections.version')}</th>
              <th scope="col">{t('projections.partition')}</th>
              <th scope="col">{t('projections.state')}</th>
              <th scope="col">{t('projections.position')}</th>
              <th scope="col">{t('projections.lag')}</th>
              <th scope="col">{t('projections.deadLetters')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.name}-${r.version}-${r.partition}`}>
                <td>{r.name}</td>
                <td>
                  v{r.version} ({r.versionStatus})
                </td>
                <td>{r.partition}</td>
                <td>
                  {r.state === 'stopped'
                    ? `⚠ ${r.state}${r.lastError ? `: ${r.lastError}` : ''}`
                    : r.state}
                </td>
                <td>{r.position}</td>
                <td>{r.lag ?? '–'}</td>
                <td>{r.deadLetters > 0 ? `⚠ ${r.deadLetters}` : r.deadLetters}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
