import { Suspense, type ReactNode } from 'react';
import { NavLink, useParams } from 'react-router';
import { useAuth, useMe, useT } from '../lib/context';
import { can, canAnywhere, opdTarget } from '../lib/perms';
import { Loading } from './ui';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useT();
  const { signOut } = useAuth();
  const me = useMe();
  const admin =
    canAnywhere(me.bindings, 'catalog.manage') || canAnywhere(me.bindings, 'pemda.configure');
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">SAKIP</span>
        <nav aria-label={t('nav.main')} className="mainnav">
          <NavLink to="/wilayah">{t('nav.org')}</NavLink>
          <NavLink to="/perbandingan">{t('nav.compare')}</NavLink>
          <NavLink to="/status">{t('nav.province')}</NavLink>
          <NavLink to="/laporan">{t('nav.reports')}</NavLink>
          <NavLink to="/admin/katalog">{t('nav.catalog')}</NavLink>
          {admin && <NavLink to="/admin/pengaturan">{t('nav.settings')}</NavLink>}
          {admin && <NavLink to="/admin/proyeksi">{t('nav.projections')}</NavLink>}
          <NavLink to="/admin/pengguna">{t('nav.users')}</NavLink>
        </nav>
        <div className="who">
          <span className="muted" data-testid="who">
            {me.displayName}
          </span>
          <button
            type="button"
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
            aria-label={t('lang.label')}
          >
            {t('lang.toggle')}
          </button>
          <button type="button" onClick={signOut}>
            {t('nav.signout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}

/** Tabs of one OPD's screens; hides what the user's role cannot do. */
export function OpdTabs({ title }: { title?: string | undefined }) {
  const { opdId = '' } = useParams();
  const { t } = useT();
  const me = useMe();
  const target = opdTarget(opdId);
  const queue =
    can(me.bindings, 'realization.verify', target) ||
    can(me.bindings, 'realization.inspect', target);
  return (
    <div className="opd-head">
      <p className="crumbs">
        <NavLink to="/wilayah">{t('nav.org')}</NavLink> › <span>{opdId}</span>
      </p>
      {title && <h1>{title}</h1>}
      <nav className="tabs" aria-label={t('opd.tabs')}>
        <NavLink end to={`/opd/${opdId}`}>
          {t('opd.profile')}
        </NavLink>
        <NavLink to={`/opd/${opdId}/sk`}>{t('opd.decrees')}</NavLink>
        <NavLink to={`/opd/${opdId}/riwayat`}>{t('opd.timeline')}</NavLink>
        <NavLink to={`/opd/${opdId}/realisasi`}>{t('opd.realisasi')}</NavLink>
        {queue && <NavLink to={`/opd/${opdId}/verifikasi`}>{t('opd.queue')}</NavLink>}
        <NavLink to={`/opd/${opdId}/capaian`}>{t('opd.achievement')}</NavLink>
        <NavLink to={`/opd/${opdId}/pk`}>{t('opd.pk')}</NavLink>
        <NavLink to={`/opd/${opdId}/anggaran`}>{t('opd.budget')}</NavLink>
      </nav>
    </div>
  );
}
