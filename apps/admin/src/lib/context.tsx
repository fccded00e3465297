import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { RoleBinding } from '@sakip/domain';
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
