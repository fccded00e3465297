import { useMe, useT } from '../lib/context';

/** Read-only: the API has no user list query yet. */
export default function Users() {
  const { t } = useT();
  const me = useMe();
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <p className="alert alert-info">{t('users.readOnly')}</p>
      <div className="card">
        <h2>{t('users.you')}</h2>
        <p>
          <strong>{me.displayName}</strong> <span className="code">{me.username}</span>
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.scope')}</th>
            </tr>
          </thead>
          <tbody>
            {me.bindings.map((b, i) => (
              <tr key={i}>
                <td>{b.role}</td>
                <td>
                  {b.scope.level} {b.scope.code}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
