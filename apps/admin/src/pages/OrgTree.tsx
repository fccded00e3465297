import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type RouterOutputs } from '../lib/api';
import { useMe, useT } from '../lib/context';
import { ErrorBox, Loading } from '../components/ui';

type Region = RouterOutputs['org']['tree'][number];

function RegionNode({ r, depth }: { r: Region; depth: number }) {
  const { t } = useT();
  return (
    <li>
      <details open={depth < 2}>
        <summary>
          <span className="code">{r.code}</span> {r.name}{' '}
          <span className="muted">({r.opds.length} OPD)</span>
        </summary>
        {r.opds.length > 0 && (
          <ul className="opd-list">
            {r.opds.map((o) => (
              <li key={o.opdId}>
                <Link to={`/opd/${o.opdId}`}>{o.name}</Link> <span className="code">{o.opdId}</span>{' '}
                <span className="muted">
                  {o.units} {t('org.units').toLowerCase()}, {o.positions}{' '}
                  {t('org.positions').toLowerCase()}
                </span>
                {o.status !== 'active' && <span className="badge">{o.status}</span>}
              </li>
            ))}
          </ul>
        )}
        {r.children.length > 0 && (
          <ul className="tree">
            {r.children.map((c) => (
              <RegionNode key={c.code} r={c} depth={depth + 1} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export default function OrgTree() {
  const { t } = useT();
  const me = useMe();
  const tree = useQuery({ queryKey: ['org.tree'], queryFn: () => api.org.tree.query() });
  return (
    <section>
      <h1>{t('org.title')}</h1>
      <p className="muted">{t('home.welcome', { name: me.displayName })}</p>
      {tree.isLoading && <Loading />}
      <ErrorBox error={tree.error} />
      {tree.data && (
        <ul className="tree root" aria-label={t('org.title')}>
          {tree.data.map((r) => (
            <RegionNode key={r.code} r={r} depth={0} />
          ))}
        </ul>
      )}
    </section>
  );
}
