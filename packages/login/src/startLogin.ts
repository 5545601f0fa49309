import { buildOAuthUrl, createOAuthState, type BuildOAuthUrlOptions } from '@deriv-auth/core';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import {
  DEFAULT_LOGIN_TTL_MS,
  DEFAULT_STORAGE_KEY,
  saveLoginRecord,
  type LoginRecord,
} from './internal/loginRecord.js';
import { internalsOf } from './internal/newApiRegistry.js';
import type { StartNewApiLoginOptions } from './newApiTypes.js';

export type { StartNewApiLoginOptions } from './newApiTypes.js';

export { DEFAULT_LOGIN_TTL_MS };

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
  /** Not given in the legacy flow: a New API login (`createNewApiLogin`) switches to {@link StartNewApiLoginOptions}. */
  newApi?: undefined;
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
 *   {@link @deriv-auth/core!index.DerivAuthError} (`invalid_app_id`, ...) for options it rejects,
 *   in which case no login is left pending.
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
export function startLogin(options: StartLoginOptions): string;
/**
 * Starts Deriv's New API login (OAuth 2.0 authorization code with PKCE): creates a one-time
 * `state` and a PKCE code verifier, keeps both for this tab with an expiry (one use), and sends the
 * browser to the authorize page built by core's `buildAuthorizationUrl` with the S256 challenge.
 *
 * @remarks
 * Asynchronous, because the challenge is a Web Crypto digest. The verifier never leaves the tab's
 * storage except in the token request of {@link completeLogin}; it is in no URL.
 *
 * @param options - `newApi` (from `createNewApiLogin`), sign-up options, `returnTo`, `ttlMs`.
 * @returns The authorize URL (also when `navigate` is `false`).
 * @throws (as a rejection) {@link DerivLoginError} `storage_unavailable`; core's `LoginUrlError`
 *   for options it rejects (then no login is left pending).
 * @example
 * ```ts
 * import { createNewApiLogin, startLogin } from '@deriv-auth/login';
 *
 * const login = createNewApiLogin({ clientId: 'myApp123', redirectUri: 'https://app.example/callback' });
 * await startLogin({ newApi: login, returnTo: '/trade' });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export function startLogin(options: StartNewApiLoginOptions): Promise<string>;
export function startLogin(
  options: StartLoginOptions | StartNewApiLoginOptions,
): string | Promise<string> {
  // A spread of options may carry `newApi: undefined`: that is the legacy flow.
  if ((options as { newApi?: unknown }).newApi !== undefined) {
    // The New API's code comes with its login object: apps on the legacy flow do not bundle it.
    // Every failure is a rejection, as the overload promises (an unregistered login included).
    const newApiOptions = options as StartNewApiLoginOptions;
    return Promise.resolve(newApiOptions.newApi).then((login) =>
      internalsOf(login).start(newApiOptions),
    );
  }
  return startLegacyLogin(options as StartLoginOptions);
}

function startLegacyLogin(options: StartLoginOptions): string {
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
