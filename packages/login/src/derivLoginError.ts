import { DerivAuthError, isDerivAuthError } from '@deriv-auth/core';

/**
 * Every reason the browser login ({@link startLogin}, {@link completeLogin}) can refuse.
 *
 * - `browser_unavailable`: no `window` (server render, worker) and no environment was injected.
 * - `storage_unavailable`: per-tab storage (`sessionStorage`) is missing or throws, so the one-time
 *   state cannot be kept and a callback could never be checked.
 * - `login_not_started`: a callback arrived that no {@link startLogin} in this tab is waiting for
 *   (opened in another tab, replayed from history, or forged). Refused before any token is used.
 * - `login_expired`: the login was started longer ago than its time to live.
 * - `no_matching_account`: the redirect carries no account the {@link AccountChoice} accepts:
 *   `'virtual'` (or `'real'`) and no account of that kind, or a chooser function that returned
 *   `undefined`. Refused rather than signing in to another kind (ask for `fallback: 'first'`).
 * - `code_exchange_refused`: (New API) the token endpoint refused the authorization code (RFC 6749
 *   §5.2: `invalid_grant` for a code already used, expired, or a verifier that does not match);
 *   `details.error` is the RFC code. Start the login again.
 * - `token_endpoint_unavailable`: (New API) the token endpoint could not be reached, or answered
 *   something that is not a token response (a 5xx page, a malformed body).
 * - `login_failed`: something outside the SDK threw during the login (the History API, a chooser
 *   function); the original error is the `cause`.
 *
 * A chooser that names an account the redirect did not carry is the session's
 * `DerivSessionError` `unknown_account`, the same code as `session.switchAccount` of an unknown
 * account.
 */
export const DERIV_LOGIN_ERROR_CODES = [
  'browser_unavailable',
  'storage_unavailable',
  'login_not_started',
  'login_expired',
  'no_matching_account',
  'code_exchange_refused',
  'token_endpoint_unavailable',
  'login_failed',
] as const;

/** One of {@link DERIV_LOGIN_ERROR_CODES}. */
export type DerivLoginErrorCode = (typeof DERIV_LOGIN_ERROR_CODES)[number];

/**
 * The error the framework-free login throws or rejects with.
 *
 * @remarks
 * Errors from parsing the redirect stay {@link @deriv-auth/core!index.OAuthRedirectError} and
 * server refusals stay {@link @deriv-auth/core!index.DerivApiError}; this class covers only what
 * the browser side adds. Like every SDK error it carries token-free `details` and the underlying
 * failure in `cause`.
 *
 * @example
 * ```ts
 * import { completeLogin, isDerivLoginError } from '@deriv-auth/login';
 * import type { DerivSession } from '@deriv-auth/ws-client';
 *
 * declare const session: DerivSession;
 * declare function showLoginButton(): void;
 *
 * completeLogin({ session }).catch((error: unknown) => {
 *   if (isDerivLoginError(error) && error.code === 'login_not_started') showLoginButton();
 * });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.7 (CSRF protection with a one-time state)
 */
export class DerivLoginError extends DerivAuthError<DerivLoginErrorCode> {
  override name = 'DerivLoginError';
}

/**
 * Tells whether a value is a {@link DerivLoginError}, also one thrown by another installed copy.
 *
 * @param value - Anything caught.
 */
export function isDerivLoginError(value: unknown): value is DerivLoginError {
  return isDerivAuthError(value) && value.name === 'DerivLoginError';
}
