import { DerivAuthError } from '@deriv-auth/core';
import { isNamedDerivError } from './derivConnectionError.js';

/**
 * Every {@link DerivRestErrorCode}, for exhaustive checks and tests. The HTTP status and Deriv's
 * own code (`Unauthorized`, `InternalError`, ...) are in `details.status` / `details.serverCode`.
 *
 * - `unauthorized`: 401, the access token is missing, expired or revoked (after one refresh).
 * - `access_denied`: 403, the token lacks the endpoint's scope (or the account is inactive).
 * - `not_found`: 404, an unknown account or path.
 * - `rate_limited`: 429, over Deriv's 60 REST calls a minute per token.
 * - `bad_request`: another 4xx (`ValidationError`, `FieldIsRequired`, 409, 422).
 * - `server_error`: 5xx (`InternalError` "Failed to generate OTP", 502-504).
 * - `unreadable_response`: the body is not the documented JSON (success or error envelope).
 * - `request_timeout`: no answer within the REST time limit.
 * - `request_aborted`: the caller's `AbortSignal` fired.
 * - `network_failure`: `fetch` itself failed (offline, DNS, CORS).
 */
export const DERIV_REST_ERROR_CODES = [
  'unauthorized',
  'access_denied',
  'not_found',
  'rate_limited',
  'bad_request',
  'server_error',
  'unreadable_response',
  'request_timeout',
  'request_aborted',
  'network_failure',
] as const;

/** Why a New API REST call failed (see {@link DERIV_REST_ERROR_CODES}). */
export type DerivRestErrorCode = (typeof DERIV_REST_ERROR_CODES)[number];

/**
 * A failed call to Deriv's New API REST endpoints (account list, OTP URL). Messages name the
 * endpoint and the status, never the access token or an OTP URL.
 *
 * @example
 * ```ts
 * if (isDerivRestError(error) && error.code === 'server_error') console.log(error.details?.status);
 * ```
 * @see https://developers.deriv.com/docs/
 */
export class DerivRestError extends DerivAuthError<DerivRestErrorCode> {
  override name = 'DerivRestError';
}

/**
 * Tells whether `value` is a {@link DerivRestError}, even one from a second installed copy.
 *
 * @param value - anything caught.
 * @example
 * ```ts
 * const retryLater = isDerivRestError(error) && error.code === 'rate_limited';
 * ```
 */
export function isDerivRestError(value: unknown): value is DerivRestError {
  return isNamedDerivError(value, 'DerivRestError');
}

/** The code for an HTTP error status. */
export function restErrorCodeFor(status: number): DerivRestErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'access_denied';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server_error' : 'bad_request';
}
