import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './lib/context';
import { Layout } from './components/Layout';
import { Loading } from './components/ui';

// One chunk per screen: the sign-in page does not download the charts.
const SignIn = lazy(() => import('./pages/SignIn'));
const OrgTree = lazy(() => import('./pages/OrgTree'));
const OpdProfile = lazy(() => import('./pages/OpdProfile'));
const Decrees = lazy(() => import('./pages/Decrees'));
const DecreeEditor = lazy(() => import('./pages/DecreeEditor'));
const Timeline = lazy(() => import('./pages/Timeline'));
const Realisasi = lazy(() => import('./pages/Realisasi'));
const Queue = lazy(() => import('./pages/Queue'));
const Achievement = lazy(() => import('./pages/Achievement'));
const Compare = lazy(() => import('./pages/Compare'));
const ProvinceStatus = lazy(() => import('./pages/ProvinceStatus'));
const Reports = lazy(() => import('./pages/Reports'));
const Catalog = lazy(() => import('./pages/Catalog'));
const Settings = lazy(() => import('./pages/Settings'));
const Projections = lazy(() => import('./pages/Projections'));
const Users = lazy(() => import('./pages/Users'));
const Pk = lazy(() => import('./pages/Pk'));
const Budget = lazy(() => import('./pages/Budget'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, ready } = useAuth();
  const loc = useLocation();
  if (!ready) return <Loading />;
  if (!me) return <Navigate to="/masuk" replace state={{ from: loc.pathname + loc.search }} />;
  return <Layout>{children}</Layout>;
}

const guarded = (el: ReactNode) => <RequireAuth>{el}</RequireAuth>;

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/masuk" element={<SignIn />} />
          <Route path="/" element={<Navigate to="/wilayah" replace />} />
          <Route path="/wilayah" element={guarded(<OrgTree />)} />
          <Route path="/opd/:opdId" element={guarded(<OpdProfile />)} />
          <Route path="/opd/:opdId/sk" element={guarded(<Decrees />)} />
          <Route path="/opd/:opdId/sk/:decreeId" element={guarded(<DecreeEditor />)} />
          <Route path="/opd/:opdId/riwayat" element={guarded(<Timeline />)} />
          <Route path="/opd/:opdId/realisasi" element={guarded(<Realisasi />)} />
          <Route path="/opd/:opdId/verifikasi" element={guarded(<Queue />)} />
          <Route path="/opd/:opdId/capaian" element={guarded(<Achievement />)} />
          <Route path="/opd/:opdId/pk" element={guarded(<Pk />)} />
          <Route path="/opd/:opdId/anggaran" element={guarded(<Budget />)} />
          <Route path="/perbandingan" element={guarded(<Compare />)} />
          <Route path="/status" element={guarded(<ProvinceStatus />)} />
          <Route path="/laporan" element={guarded(<Reports />)} />
          <Route path="/admin/katalog" element={guarded(<Catalog />)} />
          <Route path="/admin/pengaturan" element={guarded(<Settings />)} />
          <Route path="/admin/proyeksi" element={guarded(<Projections />)} />
          <Route path="/admin/pengguna" element={guarded(<Users />)} />
          <Route path="*" element={<Navigate to="/wilayah" replace />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
