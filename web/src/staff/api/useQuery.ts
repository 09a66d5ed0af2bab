/**
 * The one way the workspace reads from the API: a GET whose result, error and loading state live
 * in React state, with reload(). Every endpoint has its own small hook built on this one
 * (useAssessments, useItems, …). A 401 tells the session that the user is signed out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../shared/api.ts';

/** What a data hook gives: the data (kept while reloading), the error, whether it is loading, reload. */
export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Asks again (after a change, or after a 409 said the data is stale). */
  reload: () => void;
}

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` whenever a read answers 401 (the session ended); returns the unsubscribe. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Tells the session listeners that the API said 401. */
export function reportUnauthenticated(): void {
  for (const listener of unauthenticatedListeners) listener();
}

/** Wraps anything thrown into an ApiError (a network failure, a bug) so callers branch on `code`. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'LANTU_CLIENT', error instanceof Error ? error.message : String(error));
}

/** GETs `path` (nothing while it is null) and keeps the answer; a changed path asks again. */
export function useQuery<T>(path: string | null): Query<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const lastPath = useRef<string | null>(null);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    // The generation is read so that reload() asks again for the same path.
    void generation;
    const ticket = ++latest.current;
    if (lastPath.current !== path) setData(undefined);
    lastPath.current = path;
    setLoading(true);
    api<T>('GET', path).then(
      (result) => {
        if (ticket !== latest.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (ticket !== latest.current) return;
        const e = asApiError(caught);
        if (e.status === 401) reportUnauthenticated();
        setError(e);
        setLoading(false);
      },
    );
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

/** Encodes one path segment. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** A query string from the defined, non-empty parameters ('' when there are none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
