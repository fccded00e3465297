import { useT } from '../lib/context';

/** LKjIP per OPD/year: the route is ready, the reporter is not built yet — said plainly. */
export default function Reports() {
  const { t } = useT();
  return (
    <section>
      <h1>{t('rep.title')}</h1>
      <div className="card placeholder" data-testid="reports-placeholder">
        <span className="badge st-returned">{t('rep.badge')}</span>
        <p>{t('rep.unavailable')}</p>
      </div>
    </section>
  );
}
