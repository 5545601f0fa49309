import { DerivAuthError, isDerivAuthError } from '@deriv-auth/core';

/**
 * Every reason the browser login glue ({@link startLogin}, {@link completeLogin}) can refuse.
 *
 * - `browser_unavailable`: no `window` (server render, worker) and no environment was injected.
 * - `storage_unavailable`: per-tab storage (`sessionStorage`) is missing or throws, so the one-time
 *   state cannot be kept and a callback could never be checked.
 * - `login_not_started`: a callback arrived that no {@link startLogin} in this tab is waiting for
 *   (opened in another tab, replayed from history, or forged). Refused before any token is used.
 * - `login_expired`: the login was started longer ago than its time to live.
 * - `account_not_found`: the account chooser picked no account, or one the redirect did not carry.
 * - `no_matching_account`: `account: 'virtual'` (or `'real'`) and the login returned no account of
 *   that kind; refused rather than signing in to another kind (ask for `fallback: 'first'`).
 */
export type DerivLoginErrorCode =
  | 'browser_unavailable'
  | 'storage_unavailable'
  | 'login_not_started'
  | 'login_expired'
  | 'account_not_found'
  | 'no_matching_account';

/**
 * The error the framework-free login glue throws or rejects with.
 *
 * @remarks
 * Like every SDK error it carries a stable `code`, token-free `details` and the underlying failure
 * in `cause`. Errors from parsing the redirect stay {@link @deriv-auth/core!OAuthRedirectError}
 * and server refusals stay {@link @deriv-auth/core!DerivApiError}; this class covers only what the
 * browser side adds.
 *
 * @param code - What went wrong.
 * @param message - Human-readable explanation (never a token).
 * @param options - `cause` and token-free `details`.
 * @returns A new error.
 * @throws Never.
 * @example
 * ```ts
 * completeLogin({ session }).catch((error: unknown) => {
 *   if (isDerivLoginError(error) && error.code === 'login_not_started') showLoginButton()
 * })
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
 * @returns `true` for a {@link DerivLoginError}.
 * @throws Never.
 * @example
 * ```ts
 * if (isDerivLoginError(error)) console.warn(error.code)
 * ```
 * @see {@link DerivLoginError}
 */
export function isDerivLoginError(value: unknown): value is DerivLoginError {
  return isDerivAuthError(value) && value.name === 'DerivLoginError';
}
