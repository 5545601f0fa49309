import { buildOAuthUrl, createOAuthState, type BuildOAuthUrlOptions } from '@deriv-auth/core';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import { DEFAULT_STORAGE_KEY, saveLoginRecord, type LoginRecord } from './internal/loginRecord.js';

/** How long a started login waits for its callback by default: ten minutes. */
export const DEFAULT_LOGIN_TTL_MS = 10 * 60 * 1000;

/** Options of {@link startLogin}: core's login URL options (without `state`) plus browser glue. */
export type StartLoginOptions = Omit<BuildOAuthUrlOptions, 'state'> & {
  /** Same-origin path to come back to after login, returned by {@link completeLogin} once checked. */
  returnTo?: string | undefined;
  /** How long the callback is accepted, in ms (default {@link DEFAULT_LOGIN_TTL_MS}). */
  ttlMs?: number | undefined;
  /** Where the one-time state is kept (default `'@deriv-auth/login'`). */
  storageKey?: string | undefined;
  /** Leave the page for the login URL (default `true`); `false` only returns the URL. */
  navigate?: boolean | undefined;
  /** Browser facilities (default {@link createBrowserEnvironment}). */
  environment?: BrowserEnvironment | undefined;
};

/**
 * Starts the OAuth login: creates a one-time `state`, keeps it for this tab with an expiry, and
 * sends the browser to Deriv's login page built by core.
 *
 * @remarks
 * Starting again replaces the earlier state, so only the latest login of a tab can complete.
 *
 * @param options - App id and login page options, plus `returnTo`, `ttlMs`, `environment`.
 * @returns The login URL (also when `navigate` is `false`).
 * @throws {@link DerivLoginError} `storage_unavailable` when the state cannot be kept for the tab,
 *   `browser_unavailable` on a server without an injected environment; core's
 *   {@link @deriv-auth/core!DerivAuthError} (`invalid_app_id`, ...) for options it rejects, in which
 *   case no login is left pending.
 * @example
 * ```ts
 * import { startLogin } from '@deriv-auth/login';
 *
 * declare const button: HTMLButtonElement;
 *
 * button.onclick = () => startLogin({ appId: 1089, returnTo: '/trade' });
 * ```
 * @see https://developers.deriv.com/docs/authentication
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export function startLogin(options: StartLoginOptions): string {
  const {
    returnTo,
    ttlMs = DEFAULT_LOGIN_TTL_MS,
    storageKey = DEFAULT_STORAGE_KEY,
    navigate = true,
    environment,
    ...urlOptions
  } = options;
  const browser = environment ?? createBrowserEnvironment();
  const state = createOAuthState(browser.random);
  // Build first: options core rejects must not leave a pending login behind.
  const url = buildOAuthUrl({ ...urlOptions, state });
  const record: LoginRecord = { state, expiresAt: browser.now() + ttlMs, returnTo };
  saveLoginRecord(browser, storageKey, record);
  if (navigate) browser.location.assign(url);
  return url;
}
