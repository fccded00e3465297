import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useQuery } from '@tanstack/react-query';
import { defaultTimeZoneOf, type PemdaTimeZone, type RoleBinding } from '@sakip/domain';
import { api, queryClient, session } from './api';
import { translate, type Lang, type MessageKey } from './i18n';

interface LangCtx {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const LangContext = createContext<LangCtx | null>(null);
const LANG_KEY = 'sakip.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id',
  );
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangCtx>(
    () => ({ lang, setLang, t: (k, v) => translate(lang, k, v) }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useT(): LangCtx {
  const c = useContext(LangContext);
  if (!c) throw new Error('LangProvider missing');
  return c;
}

export interface Me {
  username: string;
  displayName: string;
  bindings: RoleBinding[];
}

interface AuthCtx {
  me: Me | null;
  ready: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<AuthCtx | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!session.token()) {
      setReady(true);
      return;
    }
    api.auth.me
      .query()
      .then((m) => setMe(m as Me))
      .catch(() => session.clear())
      .finally(() => setReady(true));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api.auth.login.mutate({ username, password });
    session.set(r.token);
    const m = await api.auth.me.query();
    setMe(m as Me);
  }, []);

  const signOut = useCallback(() => {
    session.clear();
    queryClient.clear();
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, ready, signIn, signOut }), [me, ready, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthCtx {
  const c = useContext(AuthContext);
  if (!c) throw new Error('AuthProvider missing');
  return c;
}

/** The signed-in user (routes under RequireAuth only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('not signed in');
  return me;
}

/**
 * The pemda whose clock dates are shown in: the region of the OPD or region being viewed, else
 * the signed-in user's own scope.
 */
export function pemdaCodeOf(
  scopeCode: string | undefined,
  bindings: readonly RoleBinding[],
): string | null {
  const own = bindings.find((b) => b.scope.level !== 'national')?.scope.code;
  const code = scopeCode || own || '';
  // An OPD id starts with its region code ("18.04-DISKOPUKM").
  const m = /^(\d{2}(?:\.\d{2})?)(?:-|$)/.exec(code);
  return m?.[1] ?? null;
}

/**
 * The zone every timestamp on the page is shown in (the pemda setting; until it has loaded, the
 * province default, which is what the setting falls back to as well).
 */
export function useTimeZone(scopeCode?: string): PemdaTimeZone {
  const { me } = useAuth();
  const code = pemdaCodeOf(scopeCode, me?.bindings ?? []);
  const zone = useQuery({
    queryKey: ['regions.timeZone', code],
    queryFn: () => api.regions.timeZone.query({ code: code! }),
    enabled: code !== null && me !== null,
    staleTime: 5 * 60_000,
  });
  return zone.data?.timeZone ?? (code ? defaultTimeZoneOf(code) : 'WIB');
}
