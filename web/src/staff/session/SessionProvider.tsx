/**
 * Who is signed in (GET /api/auth/me), signing in and out, and the plan being worked on. The CSRF
 * token of the session goes to the API client; a 401 from any read signs the user out of the app.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiError, api, setCsrfToken } from '../../shared/api.ts';
import type { Me, PlanSummary } from '../api/types.ts';
import { usePlans } from '../api/usePlans.ts';
import { asApiError, onUnauthenticated } from '../api/useQuery.ts';

const PLAN_KEY = 'lantu.plan';

/** What components get from useSession(). */
export interface SessionValue {
  /** The signed-in user; null when signed out; undefined while asking. */
  me: Me | null | undefined;
  /** Signs in; rejects with the API's ApiError (LANTU_BAD_CREDENTIALS, LANTU_RATE_LIMITED…). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The plans the user can see, and the one chosen (the remembered one, else the first). */
  plans: PlanSummary[];
  plan: PlanSummary | null;
  plansLoading: boolean;
  plansError: ApiError | null;
  choosePlan: (planId: string) => void;
  /** Reads the plans again (after publishing changes a plan's version). */
  reloadPlans: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The session and the chosen plan. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The chosen plan; only used on pages shown once a plan is there. */
export function usePlan(): PlanSummary {
  const { plan } = useSession();
  if (!plan) throw new Error('usePlan without a plan');
  return plan;
}

function rememberedPlan(): string | null {
  try {
    return localStorage.getItem(PLAN_KEY);
  } catch {
    return null;
  }
}

/** Props of SessionProvider. */
export interface SessionProviderProps {
  children: ReactNode;
}

/** Provides the session and plan to the app. */
export function SessionProvider({ children }: SessionProviderProps): ReactNode {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [planId, setPlanId] = useState<string | null>(rememberedPlan);

  useEffect(() => {
    let live = true;
    // No session was started in this browser (or it was ended): the sign-in page, without asking.
    if (!document.cookie.split('; ').includes('lantu_signed_in=1')) {
      setMe(null);
      return;
    }
    api<Me>('GET', '/api/auth/me').then(
      (user) => {
        if (!live) return;
        setCsrfToken(user.csrfToken);
        setMe(user);
      },
      () => {
        if (live) setMe(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setMe(null);
      }),
    [],
  );

  const plansQuery = usePlans(Boolean(me));
  const plans = useMemo(() => plansQuery.data ?? [], [plansQuery.data]);
  const plan = plans.find((p) => p.id === planId) ?? plans[0] ?? null;

  const login = useCallback(async (username: string, password: string) => {
    try {
      const user = await api<Me>('POST', '/api/auth/login', { username, password });
      setCsrfToken(user.csrfToken);
      setMe(user);
    } catch (error) {
      throw asApiError(error);
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('POST', '/api/auth/logout');
    } catch {
      // Signed out either way: the cookie may already have expired.
    }
    setCsrfToken(null);
    setMe(null);
  }, []);

  const choosePlan = useCallback((id: string) => {
    try {
      localStorage.setItem(PLAN_KEY, id);
    } catch {
      // Private mode: remembered for this page only.
    }
    setPlanId(id);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      login,
      logout,
      plans,
      plan,
      plansLoading: plansQuery.loading,
      plansError: plansQuery.error,
      choosePlan,
      reloadPlans: plansQuery.reload,
    }),
    [me, login, logout, plans, plan, plansQuery.loading, plansQuery.error, choosePlan, plansQuery.reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
