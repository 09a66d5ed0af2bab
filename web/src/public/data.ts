/**
 * Fetching the public API: each reply is asked for once per page load and shared by every page that
 * needs it, so moving between the overview and an indicator costs no request.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../shared/api.ts';
import type { PublicDataIndex, PublicPlan, PublicPlanList, PublicText, PublicVision } from './types.ts';

const replies = new Map<string, Promise<unknown>>();

function cachedGet<T>(path: string): Promise<T> {
  let reply = replies.get(path) as Promise<T> | undefined;
  if (!reply) {
    reply = api<T>('GET', path);
    // A failure is not kept: the next attempt asks again.
    reply.catch(() => replies.delete(path));
    replies.set(path, reply);
  }
  return reply;
}

const planPath = (planId: string): string => `/api/public/plans/${encodeURIComponent(planId)}`;

export const fetchPlans = (): Promise<PublicPlanList> => cachedGet('/api/public/plans');
export const fetchPlan = (planId: string): Promise<PublicPlan> => cachedGet(planPath(planId));
export const fetchText = (planId: string): Promise<PublicText> => cachedGet(`${planPath(planId)}/text`);
export const fetchDataIndex = (planId: string): Promise<PublicDataIndex> =>
  cachedGet(`${planPath(planId)}/data`);
export const fetchVision = (planId: string): Promise<PublicVision> => cachedGet(`${planPath(planId)}/vision`);

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; notFound: boolean; onRetry: () => void };

/** The reply of `load(key)`, re-asked when the key changes; errors offer a retry. */
export function useLoad<T>(key: string, load: (key: string) => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({
    key,
    loaded: { state: 'loading' },
  });
  const handleRetry = useCallback(() => {
    setResult((r) => ({ key: r.key, loaded: { state: 'loading' } }));
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    let live = true;
    // `attempt` re-runs this effect on retry.
    void attempt;
    load(key).then(
      (data) => live && setResult({ key, loaded: { state: 'ready', data } }),
      (error: unknown) =>
        live &&
        setResult({
          key,
          loaded: {
            state: 'error',
            notFound: error instanceof ApiError && error.status === 404,
            onRetry: handleRetry,
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [key, load, attempt, handleRetry]);
  return result.key === key ? result.loaded : { state: 'loading' };
}
