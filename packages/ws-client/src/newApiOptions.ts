import type { NewApiAccount } from '@deriv-auth/core';
import type { OtpUrlSource } from './otpAuthorizer.js';
import type { AccessTokenSource } from './tokenSource.js';

/**
 * The session option that switches it to Deriv's New API (`createDerivSession({ newApi })`):
 * accounts come from the REST list, each socket opens from a one-time URL, logout is local. The
 * rest of the app's code (`authorize`, `send`, `switchAccount`, `logout`, the snapshot) stays.
 *
 * @remarks
 * Give `tokens` (the browser holds the code exchange's tokens), or, with a backend that keeps
 * them, `otpUrl` and `listAccounts` that ask the backend. The client's own `endpoint` serves
 * sockets without an account (e.g. the public socket, `DEFAULT_PUBLIC_SOCKET_URL` in core).
 *
 * @example
 * ```ts
 * createDerivSession({ client: { appId: 1089, endpoint: DEFAULT_PUBLIC_SOCKET_URL }, newApi: { tokens } });
 * ```
 * @see https://developers.deriv.com/docs/
 */
export interface NewApiOptions {
  /** The user's access token (see {@link AccessTokenSource}); needed for the REST defaults. */
  tokens?: AccessTokenSource | undefined;
  /** REST origin; default `https://api.derivws.com` (core's `DEFAULT_REST_URL`). */
  restUrl?: string | undefined;
  /** `fetch` to use; default `globalThis.fetch`, read at call time. */
  fetch?: typeof fetch | undefined;
  /** Time a REST call may take. Default 30 000 ms. */
  restTimeoutMs?: number | undefined;
  /** Sent as `Deriv-App-ID` when set (Personal Access Tokens need it; OAuth tokens, by default, not). */
  appId?: string | undefined;
  /** One-time socket URLs from elsewhere (a backend); default: REST `POST .../accounts/{id}/otp`. */
  otpUrl?: OtpUrlSource | undefined;
  /** The user's accounts from elsewhere (a backend); default: REST `GET .../accounts`. */
  listAccounts?: (() => Promise<readonly NewApiAccount[]>) | undefined;
  /**
   * Ends the sign-in where the tokens are kept (a backend's session), called once by a full
   * `session.logout()` after the sockets are closed and the accounts forgotten. Deriv has no
   * revocation endpoint, so with browser-held tokens there is nothing to call; with
   * `createAuthServerBackend` this is its `logout` (`POST {baseUrl}/logout`), so one
   * `session.logout()` signs the user out of the page and the server.
   */
  logout?: (() => Promise<void>) | undefined;
}
