import { DerivAuthError } from '@deriv-auth/core';
import { isNamedDerivError } from './derivConnectionError.js';

/**
 * Every {@link DerivSessionErrorCode}, for exhaustive checks and tests.
 *
 * - `permission_denied`: the call needs a scope this session's token was not granted (checked
 *   locally, no round trip).
 * - `not_authorized`: the call needs an authorized session and there is none.
 * - `account_mismatch`: `authorize` answered for another account than the token came with.
 * - `unknown_account`: the account is not among the session's accounts.
 * - `no_session_account`: the session holds no account to authorize; sign in first.
 * - `session_ended`: the server no longer accepts the token (revoked or expired); sign in again.
 * - `account_switched`: the reply belongs to an account that is no longer active, so it is dropped.
 * - `login_required`: (New API) the access token expired and could not be refreshed (no refresh
 *   token, or the refresh was refused); the session ended, sign in again.
 */
export const DERIV_SESSION_ERROR_CODES = [
  'permission_denied',
  'not_authorized',
  'account_mismatch',
  'unknown_account',
  'no_session_account',
  'session_ended',
  'account_switched',
  'login_required',
] as const;

/** Why the session refused something (see {@link DERIV_SESSION_ERROR_CODES}). */
export type DerivSessionErrorCode = (typeof DERIV_SESSION_ERROR_CODES)[number];

/**
 * A refusal by the session layer: a call outside the granted scopes, a token answering for another
 * account, a session the server ended.
 *
 * @example
 * ```ts
 * session.send({ buy: '1', price: 10 }).catch((error) => {
 *   if (isDerivSessionError(error) && error.code === 'permission_denied') console.log(error.details);
 * });
 * ```
 */
export class DerivSessionError extends DerivAuthError<DerivSessionErrorCode> {
  override name = 'DerivSessionError';
}

/**
 * Tells whether `value` is a {@link DerivSessionError}, even one from a second installed copy.
 *
 * @param value - anything caught.
 * @example
 * ```ts
 * const signInAgain = isDerivSessionError(error) && error.code === 'session_ended';
 * ```
 */
export function isDerivSessionError(value: unknown): value is DerivSessionError {
  return isNamedDerivError(value, 'DerivSessionError');
}
