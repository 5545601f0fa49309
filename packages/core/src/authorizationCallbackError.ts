import { DerivAuthError, isDerivAuthError, type DerivAuthErrorOptions } from './derivAuthError.js';

/**
 * Every reason {@link parseAuthorizationCallback} refuses a callback.
 *
 * - `invalid_input`: not a string, `URL` or `URLSearchParams`.
 * - `invalid_expected_state`: `expectedState` is neither a non-empty string nor
 *   {@link skipStateCheck} (e.g. `null` from storage that lost it): the login must restart.
 * - `input_too_long`: longer than `maxLength`, refused before any parsing.
 * - `malformed_encoding`: a key, or a value the parser reads, holds invalid percent-encoding.
 * - `duplicate_parameter`: `code`, `state`, `error` or `error_description` appears twice (RFC 6749
 *   §3.1), counting percent-encoded and space-padded spellings and query + fragment.
 * - `invalid_parameter`: `code` or `state` holds characters outside visible ASCII.
 * - `state_missing` / `state_mismatch`: the `state` sent did not come back unchanged.
 * - `provider_error`: the authorization server sent `error=` (e.g. `access_denied` when the user
 *   cancels); its text is in `details`, never in the message.
 * - `missing_code`: neither `code` nor `error`.
 */
export type AuthorizationCallbackErrorCode =
  | 'invalid_input'
  | 'invalid_expected_state'
  | 'input_too_long'
  | 'malformed_encoding'
  | 'duplicate_parameter'
  | 'invalid_parameter'
  | 'state_missing'
  | 'state_mismatch'
  | 'provider_error'
  | 'missing_code';

/**
 * Facts about a refused callback. Names only, never a value the callback carried, except the
 * provider's own error text.
 */
export interface AuthorizationCallbackErrorDetails {
  /** The parameter at fault (`state`, `code`), for the codes that concern one. */
  parameter?: string;
  /**
   * The provider's `error` (`access_denied`, `invalid_scope`, ...), for `provider_error`.
   * Untrusted: anyone can craft a callback link. At most 256 visible ASCII characters; show it
   * as text, never as HTML, and branch only on known values.
   */
  providerError?: string;
  /** The provider's `error_description`, when sent. Untrusted, like `providerError`. */
  providerErrorDescription?: string;
}

/** Options of the {@link AuthorizationCallbackError} constructor. */
export interface AuthorizationCallbackErrorOptions extends DerivAuthErrorOptions {
  /** See {@link AuthorizationCallbackErrorDetails}. */
  details?: Readonly<AuthorizationCallbackErrorDetails>;
}

/**
 * The error {@link parseAuthorizationCallback} throws (and {@link safeParseAuthorizationCallback}
 * returns).
 *
 * @remarks
 * A class of its own rather than more codes on `OAuthRedirectError`: the New API callback carries
 * a code, not accounts, so half of that class's codes (`invalid_token`, `no_accounts`, ...) cannot
 * happen here and this one's (`missing_code`, `invalid_expected_state`) cannot happen there; a
 * `switch` over either stays exhaustive. The provider's text lives in `details` only, bounded
 * and marked untrusted, so a message can be logged or shown as it is.
 *
 * @example
 * ```ts
 * const result = safeParseAuthorizationCallback(location.href, { expectedState })
 * if (!result.success && result.error.details?.providerError === 'access_denied') showCancelled()
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export class AuthorizationCallbackError extends DerivAuthError<AuthorizationCallbackErrorCode> {
  override name = 'AuthorizationCallbackError';
  declare readonly details?: Readonly<AuthorizationCallbackErrorDetails>;

  // Narrows the options type only: the base class copies every option onto the error.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(
    code: AuthorizationCallbackErrorCode,
    message: string,
    options?: AuthorizationCallbackErrorOptions,
  ) {
    super(code, message, options);
  }
}

/**
 * Tells whether a value is an {@link AuthorizationCallbackError}, also one from another installed copy.
 *
 * @param value - Anything caught.
 * @returns `true` for an {@link AuthorizationCallbackError}.
 * @example
 * ```ts
 * if (isAuthorizationCallbackError(error) && error.code === 'state_mismatch') restartLogin()
 * ```
 */
export function isAuthorizationCallbackError(value: unknown): value is AuthorizationCallbackError {
  return isDerivAuthError(value) && value.name === 'AuthorizationCallbackError';
}
