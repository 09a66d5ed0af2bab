/**
 * A small client-side router over the History API: the workspace's pages live under /app/...
 * (the server answers every /app/* path with the app), links change the address without a reload,
 * and the back button works. Enough for a dozen pages without a routing library.
 */
import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to a path of the app (pushes a history entry, or replaces the current one). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** The current path and query string; components re-render when it changes. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The current path's query parameters. */
export function useSearchParams(): URLSearchParams {
  const path = useLocationPath();
  const q = path.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : path.slice(q + 1));
}

/**
 * Matches a path against a pattern with :named segments ('/app/indicators/:code'); returns the
 * decoded parameters, or null when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const bare = path.split('?')[0]!.replace(/\/+$/, '') || '/';
  const want = pattern.split('/');
  const have = bare.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = have[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** Props of Link. */
export interface LinkProps {
  /** The app path to go to. */
  to: string;
  children: ReactNode;
  className?: string;
  /** Accessible name when the content is not text. */
  'aria-label'?: string;
}

/** An anchor that navigates inside the app (a modified click still opens a new tab). */
export function Link({ to, children, className, ...rest }: LinkProps): ReactNode {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={handleClick} aria-label={rest['aria-label']}>
      {children}
    </a>
  );
}
