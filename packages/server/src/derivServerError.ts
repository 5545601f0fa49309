import { DerivAuthError, isDerivAuthError } from '@deriv-auth/core';

/**
 * Every reason `@deriv-auth/server` refuses at setup time.
 *
 * - `invalid_server_option`: an option of `createDerivAuthServer` or `createSealer` is missing or
 *   malformed (origin, prefix, cookie name, lifetimes, too few or too short secrets). The message
 *   names the option and what was expected, never a secret.
 *
 * What the routes answer at run time is an HTTP response with a `ServerErrorCode`, not a
 * thrown error.
 */
export const DERIV_SERVER_ERROR_CODES = ['invalid_server_option'] as const;

/** One of {@link DERIV_SERVER_ERROR_CODES}. */
export type DerivServerErrorCode = (typeof DERIV_SERVER_ERROR_CODES)[number];

/** The error the server package throws when it is set up wrong. */
export class DerivServerError extends DerivAuthError<DerivServerErrorCode> {
  override name = 'DerivServerError';
}

/**
 * Tells whether a value is a {@link DerivServerError}, also one thrown by another installed copy.
 *
 * @param value - Anything caught.
 */
export function isDerivServerError(value: unknown): value is DerivServerError {
  return isDerivAuthError(value) && value.name === 'DerivServerError';
}
