/**
 * A small client-side router for the portal's few pages: paths are parsed into routes, links push
 * history entries, and the back button works. No library: the portal must stay light.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'plans' }
  | { page: 'plan'; planId: string }
  | { page: 'indicator'; planId: string; code: string }
  | { page: 'text'; planId: string }
  | { page: 'notFound' };

/** The route of a path under /public. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/public') return { page: 'plans' };
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'public' || parts[1] !== 'plans' || !parts[2]) return { page: 'notFound' };
  const planId = parts[2];
  if (parts.length === 3) return { page: 'plan', planId };
  if (parts.length === 4 && parts[3] === 'text') return { page: 'text', planId };
  if (parts.length === 5 && parts[3] === 'indicators' && parts[4])
    return { page: 'indicator', planId, code: parts[4] };
  return { page: 'notFound' };
}

/** The path of a route. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'plans':
      return '/public';
    case 'plan':
      return `/public/plans/${encodeURIComponent(route.planId)}`;
    case 'text':
      return `/public/plans/${encodeURIComponent(route.planId)}/text`;
    case 'indicator':
      return `/public/plans/${encodeURIComponent(route.planId)}/indicators/${encodeURIComponent(route.code)}`;
    case 'notFound':
      return '/public';
  }
}

const listeners = new Set<() => void>();
let moved = false;

/** Goes to a path inside the portal; `replace` for redirects (no history entry, focus stays). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  moved = !options.replace;
  for (const listener of listeners) listener();
}

/** Whether the reader moved to another page (a link or back/forward) since the last call. */
export function takeMove(): boolean {
  const result = moved;
  moved = false;
  return result;
}

/** The current location (path and hash), updated on navigation and on back/forward. */
const read = (): { pathname: string; hash: string } => ({ pathname: location.pathname, hash: location.hash });

export function useLocation(): { pathname: string; hash: string } {
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const update = (): void => setCurrent(read());
    const handlePopState = (): void => {
      moved = true;
      update();
    };
    listeners.add(update);
    window.addEventListener('popstate', handlePopState);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', handlePopState);
    };
  }, []);
  return current;
}
