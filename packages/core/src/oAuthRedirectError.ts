import { DerivAuthError, isDerivAuthError, type DerivAuthErrorOptions } from './derivAuthError.js';

/**
 * Every reason {@link parseOAuthRedirect} (legacy `?acct1=&token1=`) or
 * {@link parseAuthorizationCallback} (New API `?code=&state=`) refuses the redirect back from
 * Deriv's login page.
 *
 * Both flows:
 * - `invalid_input`: not a string, `URL` or `URLSearchParams`.
 * - `invalid_expected_state`: `expectedState` is neither a non-empty string nor `skipStateCheck`
 *   (e.g. `null` from storage that lost it): the login must restart.
 * - `input_too_long`: longer than `maxLength`, refused before any parsing.
 * - `malformed_encoding`: a key, or a value the parser reads, holds invalid percent-encoding.
 * - `duplicate_parameter`: a parameter the parser reads appears twice (RFC 6749 §3.1), counting
 *   percent-encoded and space-padded spellings of the same name.
 * - `invalid_parameter`: `state`, `route`, `error` or `code` holds characters RFC 6749 forbids.
 * - `state_missing` / `state_mismatch`: the state sent did not come back unchanged (checked before
 *   a provider `error`, as oauth4webapi does).
 * - `provider_error`: the provider sent `error=` (e.g. `access_denied` when the user presses Deny).
 *
 * Legacy redirect only:
 * - `invalid_index`: `token0`, `acct01` and other non-canonical account indexes.
 * - `missing_token` / `missing_account`: an index has an account without a token or the reverse.
 * - `invalid_token` / `invalid_account` / `invalid_currency`: a value fails Deriv's pattern.
 * - `too_many_accounts`: more than 26 accounts (one `authorize` takes 1 + 25 tokens).
 * - `no_accounts`: nothing to sign in with.
 *
 * New API callback only:
 * - `missing_code`: neither `code` nor `error`.
 */
export const OAUTH_REDIRECT_ERROR_CODES = [
  'invalid_input',
  'invalid_expected_state',
  'input_too_long',
  'malformed_encoding',
  'duplicate_parameter',
  'invalid_parameter',
  'state_missing',
  'state_mismatch',
  'provider_error',
  'invalid_index',
  'missing_token',
  'missing_account',
  'invalid_token',
  'invalid_account',
  'invalid_currency',
  'too_many_accounts',
  'no_accounts',
  'missing_code',
] as const;

/** One of {@link OAUTH_REDIRECT_ERROR_CODES}. */
export type OAuthRedirectErrorCode = (typeof OAUTH_REDIRECT_ERROR_CODES)[number];

/**
 * Facts about a refused redirect: parameter names, never a value the redirect carried, except the
 * provider's own (cleaned, bounded) error text.
 */
export interface OAuthRedirectErrorDetails {
  /** The parameter at fault (`state`, `token2`, `code`), for the codes that concern one. */
  parameter?: string;
  /** Same as {@link OAuthRedirectError.providerError}. */
  providerError?: string;
  /** Same as {@link OAuthRedirectError.providerErrorDescription}. */
  providerErrorDescription?: string;
}

/** Options of the {@link OAuthRedirectError} constructor. */
export interface OAuthRedirectErrorOptions extends DerivAuthErrorOptions {
  /** See {@link OAuthRedirectErrorDetails}. */
  details?: Readonly<OAuthRedirectErrorDetails> | undefined;
  /** The provider's `error` value, for `provider_error` (attacker-controlled, cleaned). */
  providerError?: string | undefined;
  /** The provider's `error_description`, for `provider_error` (attacker-controlled, cleaned). */
  providerErrorDescription?: string | undefined;
}

/**
 * The error {@link parseOAuthRedirect} and {@link parseAuthorizationCallback} throw (and their
 * `safeParse` twins return).
 *
 * @remarks
 * One class for both flows, because the failures they share (a state that did not come back, a
 * repeated parameter, a provider `error=`) mean the same thing and carry the same code: a handler
 * written for one flow works for the other. Each parser documents the subset it throws.
 *
 * `details.parameter` names the offending parameter; values are never copied into the message or
 * details, so logging this error cannot leak a token or a code. The one exception is
 * `provider_error`, which carries the provider's (attacker-controlled, cleaned and bounded) text.
 *
 * @example
 * ```ts
 * const result = safeParseOAuthRedirect(location.href, { expectedState })
 * if (!result.success && result.error.code === 'provider_error') showDenied(result.error.providerError)
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export class OAuthRedirectError extends DerivAuthError<OAuthRedirectErrorCode> {
  override name = 'OAuthRedirectError';
  declare readonly details?: Readonly<OAuthRedirectErrorDetails>;
  /**
   * The provider's `error` value (`access_denied`, ...) when `code` is `provider_error`, also in
   * `details.providerError`. Attacker-controlled: anyone can send a user to the callback URL with
   * any `error=`. Visible ASCII only, at most 64 characters (legacy, credential-like runs hidden)
   * or 256 (New API); show it as plain text, never as HTML, and branch only on known values.
   */
  declare readonly providerError?: string;
  /**
   * The provider's `error_description`, when it sent one, also in
   * `details.providerErrorDescription`. Attacker-controlled like {@link providerError}; at most 256
   * characters.
   */
  declare readonly providerErrorDescription?: string;

  // Narrows the options type only: the base class copies every option onto the error.
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
 * @example
 * ```ts
 * if (isOAuthRedirectError(error) && error.code === 'state_mismatch') restartLogin()
 * ```
 */
export function isOAuthRedirectError(value: unknown): value is OAuthRedirectError {
  return isDerivAuthError(value) && value.name === 'OAuthRedirectError';
}
