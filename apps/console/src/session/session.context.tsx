import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, whenSessionStale, whenSignedOut } from '../api/client';
import type { Principal } from './principal';
import { currentSession, signIn as startSession, signOut as endSession } from './session.api';

interface Session {
  /** undefined while the session is being looked up after a load. */
  principal: Principal | null | undefined;
  signIn: (key: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);
  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(null);
      setPrincipal(null);
    });
    const refresh = () => currentSession().then(setPrincipal, () => setPrincipal(null));
    // The cookie now names another session (this browser signed in again): take its CSRF token and principal, or sign out.
    whenSessionStale(() => void refresh());
    void refresh();
  }, []);
  const signIn = useCallback(async (key: string) => setPrincipal(await startSession(key)), []);
  const signOut = useCallback(async () => {
    await endSession();
    setPrincipal(null);
  }, []);
  const value = useMemo(() => ({ principal, signIn, signOut }), [principal, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

/** The signed-in principal, inside the pages that are only reachable signed in. */
export const usePrincipal = (): Principal => {
  const { principal } = useSession();
  if (!principal) throw new Error('usePrincipal while signed out');
  return principal;
};
