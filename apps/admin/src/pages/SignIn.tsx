import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { loginInput } from '@sakip/contracts';
import { useAuth, useT } from '../lib/context';
import { describeError, validate, type Problem } from '../lib/errors';
import { ErrorBox, TextField } from '../components/ui';

export default function SignIn() {
  const { t, lang, setLang } = useT();
  const { me, signIn } = useAuth();
  const nav = useNavigate();
  const loc = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (loc.state as { from?: string } | null)?.from ?? '/wilayah';
  if (me) return <Navigate to={from} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validate(loginInput, { username, password }, lang);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      await signIn(username, password);
      nav(from, { replace: true });
    } catch (err) {
      const p = describeError(err, lang);
      setProblem(p.code === 'UNAUTHORIZED' ? { ...p, message: t('login.failed') } : p);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <form
        onSubmit={submit}
        className="card signin-card"
        noValidate
        aria-labelledby="signin-title"
      >
        <div className="row between">
          <span className="brand">SAKIP</span>
          <button
            type="button"
            className="btn-link"
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
            aria-label={t('lang.label')}
          >
            {t('lang.toggle')}
          </button>
        </div>
        <h1 id="signin-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <ErrorBox problem={problem} />
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
          autoFocus
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
