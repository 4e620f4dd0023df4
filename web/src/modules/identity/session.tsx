import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { setCsrfToken } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';
import { identityApi } from './identity.api.ts';

const anonymousSession: SessionInfo = { authenticated: false, user: null, memberships: [], csrfToken: null };

type SessionContextValue = {
  /** Null until the first answer of the server. */
  session: SessionInfo | null;
  /** Adopts the session returned by a sign-in. */
  adopt: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** Knows who is signed in, and keeps the API client's anti-forgery token in step. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  // Bumped by every adoption, so that a slower, older answer never overwrites a newer session
  // (a sign-in link verified while the first session request is still on its way).
  const generation = useRef(0);
  const adopt = useCallback((next: SessionInfo) => {
    generation.current += 1;
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);
  const load = useCallback(async () => {
    const asked = generation.current;
    const next = await identityApi.session().catch(() => anonymousSession);
    if (generation.current === asked) adopt(next);
  }, [adopt]);
  useEffect(() => {
    void load();
  }, [load]);
  const signOut = useCallback(async () => {
    try {
      await identityApi.signOut();
    } finally {
      await load();
    }
  }, [load]);
  const value = useMemo(() => ({ session, adopt, signOut }), [session, adopt, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and the ways to change it. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** Whether the signed-in person administers the territory (or the whole platform). */
export function isTerritoryAdmin(session: SessionInfo | null, slug: string): boolean {
  if (!session?.user) return false;
  if (session.user.platformAdmin) return true;
  return session.memberships.some((m) => m.slug === slug && m.roles.includes('admin'));
}
