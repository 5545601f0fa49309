import { isDerivApiError } from '@deriv-auth/core';
import { isDerivSessionError } from './derivSessionError.js';

/** Links of a `cause` chain looked at; a chain is never this long in practice. */
const MAX_CAUSES = 8;

/**
 * Tells whether an error means the user is signed out and must sign in again: the one check an
 * app needs to decide between "show the login button" and "show an error and retry".
 *
 * @remarks
 * `true` for a session that ended (`DerivSessionError` `session_ended`: the server refused the
 * token, revoked or expired, when authorizing or after a reconnect), a session without accounts
 * (`no_session_account`), a New API token that could not be refreshed (`login_required`), and a server `InvalidToken` (`DerivApiError`, e.g. from `client.authorize`),
 * also when one of these is the `cause` of the error given. `false` for everything else: a
 * timeout, a lost connection or a `RateLimit` pass, and signing in again would not help.
 *
 * @param error - anything caught (from `authorize`, `completeLogin`, `send`, a snapshot's `error`).
 * @returns `true` when only a new sign-in can help.
 * @example
 * ```ts
 * session.authorize().catch((error: unknown) => {
 *   console.log(requiresLogin(error) ? 'sign in again' : 'try again later');
 * });
 * ```
 */
export function requiresLogin(error: unknown): boolean {
  let current: unknown = error;
  for (let link = 0; link < MAX_CAUSES && current instanceof Error; link += 1) {
    if (
      isDerivSessionError(current) &&
      (current.code === 'session_ended' ||
        current.code === 'no_session_account' ||
        current.code === 'login_required')
    )
      return true;
    if (isDerivApiError(current) && current.code === 'InvalidToken') return true;
    current = current.cause;
  }
  return false;
}
