import { DerivAuthError, isDerivAuthError, type DerivAuthErrorOptions } from './derivAuthError.js';

/**
 * Every reason {@link parseOAuthRedirect} can refuse a redirect.
 *
 * - `invalid_option`: `expectedState` is neither a non-empty string nor `skipStateCheck`.
 * - `invalid_input`: not a string, `URL` or `URLSearchParams`.
 * - `input_too_long`: longer than `maxLength`, refused before any parsing.
 * - `malformed_encoding`: a key, or a value the SDK reads, holds invalid percent-encoding.
 * - `duplicate_parameter`: a parameter the SDK reads appears twice (RFC 6749 §3.1), counting
 *   percent-encoded and space-padded spellings of the same name.
 * - `provider_error`: the provider sent `error=` (e.g. the user pressed Deny); its text is in
 *   `details.providerError` / `details.providerErrorDescription` (attacker-controlled).
 * - `state_missing` / `state_mismatch`: the state sent did not come back unchanged (checked before
 *   a provider `error`, as oauth4webapi does).
 * - `invalid_parameter`: `state`, `route` or `error` holds characters RFC 6749 forbids.
 * - `invalid_index`: `token0`, `acct01` and other non-canonical account indexes.
 * - `missing_token` / `missing_account`: an index has an account without a token or the reverse.
 * - `invalid_token` / `invalid_account` / `invalid_currency`: a value fails Deriv's pattern.
 * - `too_many_accounts`: more than 26 accounts (one `authorize` takes 1 + 25 tokens).
 * - `no_accounts`: nothing to sign in with.
 */
export type OAuthRedirectErrorCode =
  | 'invalid_option'
  | 'invalid_input'
  | 'input_too_long'
  | 'malformed_encoding'
  | 'duplicate_parameter'
  | 'provider_error'
  | 'state_missing'
  | 'state_mismatch'
  | 'invalid_parameter'
  | 'invalid_index'
  | 'missing_token'
  | 'missing_account'
  | 'invalid_token'
  | 'invalid_account'
  | 'invalid_currency'
  | 'too_many_accounts'
  | 'no_accounts';

/**
 * Options of the {@link OAuthRedirectError} constructor.
 */
export interface OAuthRedirectErrorOptions extends DerivAuthErrorOptions {
  /** The provider's `error` value, for `provider_error` (attacker-controlled, cleaned). */
  providerError?: string | undefined;
  /** The provider's `error_description`, for `provider_error` (attacker-controlled, cleaned). */
  providerErrorDescription?: string | undefined;
}

/**
 * The error {@link parseOAuthRedirect} throws (and {@link safeParseOAuthRedirect} returns).
 *
 * @remarks
 * `details.parameter` names the offending parameter; values are never copied into the message or
 * details, so logging this error cannot leak a token. The one exception is `provider_error`, whose
 * details carry the provider's (attacker-controlled, cleaned and bounded) `error` text.
 *
 * @param code - What is wrong.
 * @param message - Human-readable explanation.
 * @param options - `details`, `cause` and, for `provider_error`, the provider's error fields.
 * @returns A new error.
 * @throws Never.
 * @example
 * ```ts
 * const result = safeParseOAuthRedirect(location.href)
 * if (!result.success && result.error.code === 'provider_error') showDenied(result.error.providerError)
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2.1
 */
export class OAuthRedirectError extends DerivAuthError<OAuthRedirectErrorCode> {
  override name = 'OAuthRedirectError';
  /**
   * The provider's `error` value (`access_denied`, ...) when `code` is `provider_error`, also in
   * `details.providerError`. Attacker-controlled: anyone can send a user to the callback URL with
   * any `error=`. Visible ASCII only, credential-like runs hidden, at most 64 characters; show it
   * as plain text, never as HTML, and do not trust what it says.
   */
  declare readonly providerError?: string;
  /**
   * The provider's `error_description`, when it sent one, also in
   * `details.providerErrorDescription`. Attacker-controlled like {@link providerError}; at most 256
   * characters.
   */
  declare readonly providerErrorDescription?: string;

  // Narrows the options type only: the base class already copies every option onto the error.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: OAuthRedirectErrorCode, message: string, options?: OAuthRedirectErrorOptions) {
    super(code, message, options);
  }
}

/**
 * Tells whether a value is an {@link OAuthRedirectError}, also one from another installed copy.
 *
 * @param value - Anything caught.
 * @returns `true` for an {@link OAuthRedirectError}.
 * @throws Never.
 * @example
 * ```ts
 * if (isOAuthRedirectError(error) && error.code === 'state_mismatch') restartLogin()
 * ```
 * @see {@link OAuthRedirectError}
 */
export function isOAuthRedirectError(value: unknown): value is OAuthRedirectError {
  return isDerivAuthError(value) && value.name === 'OAuthRedirectError';
}
