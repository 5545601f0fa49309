import { useSyncExternalStore } from 'react';

/**
 * The smallest router the demo needs: two paths (`/` and `/redirect`), read from `location` and
 * changed with the History API. No library, so the callback page loads nothing it does not need.
 */

const listeners = new Set<() => void>();

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

/**
 * Goes to `path` inside the app without reloading.
 *
 * @param path - Same-origin path, e.g. `'/'`.
 * @param options - `replace: true` replaces the current history entry instead of adding one.
 * @example
 * ```ts
 * navigate('/', { replace: true });
 * ```
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of [...listeners]) listener();
}

/**
 * The current path, re-rendering on {@link navigate} and on back/forward.
 *
 * @returns `location.pathname`.
 * @example
 * ```tsx
 * const pathname = usePathname();
 * ```
 */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}
