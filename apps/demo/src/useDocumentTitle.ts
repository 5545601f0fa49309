import { useEffect } from 'react';

const APP_NAME = 'Deriv login demo';

/**
 * Sets the tab title for the current screen, so the history list and screen readers name it.
 *
 * @param title - What the screen shows, e.g. `'Signed in as CR799393'`.
 * @example
 * ```tsx
 * useDocumentTitle('Log in');
 * ```
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}
