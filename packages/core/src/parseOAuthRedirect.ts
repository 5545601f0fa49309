import { OAuthRedirectError } from './oAuthRedirectError.js';
import { decodeOrRefuse, refuse, refuseProviderError } from './internal/refuseRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';
import { LOGIN_ID_PATTERN, TOKEN_PATTERN } from './tokenPattern.js';
import { KNOWN_KEY, keyOf, parametersStart } from './internal/redirectParameters.js';

/**
 * One Deriv account handed back by the OAuth redirect.
 */
export interface DerivAccount {
  /** Login id as received (`CR799393`; the docs also show lower case). */
  account: string;
  /** Session token for this account. A secret: never log it. */
  token: string;
  /** Currency as received (`USD`, `usd`), or `''` when the account has none yet. */
  currency: string;
}

/** What {@link parseOAuthRedirect} accepts: a URL string, a bare query string, `URL` or `URLSearchParams`. */
export type OAuthRedirectInput = string | URL | URLSearchParams;

/** Options of {@link parseOAuthRedirect}. */
export interface ParseOAuthRedirectOptions {
  /**
   * The `state` sent with the login URL (from {@link createOAuthState}): a missing or different
   * `state` is an error. Required: pass {@link skipStateCheck} to opt out explicitly.
   */
  expectedState: string | typeof skipStateCheck;
  /** Longest input accepted, checked before any parsing. Default {@link DEFAULT_MAX_REDIRECT_LENGTH}. */
  maxLength?: number | undefined;
}

/** What {@link parseOAuthRedirect} returns. */
export interface OAuthRedirect {
  /** Accounts in index order (`acct1` first), each exactly `{ account, token, currency }`. */
  accounts: DerivAccount[];
  /** The `state` that came back, when not empty. */
  state?: string;
  /** The `route` that came back (sent with the login URL), when not empty. */
  route?: string;
}

/** Result of {@link safeParseOAuthRedirect}, shaped like zod's `safeParse`. */
export type SafeParseOAuthRedirectResult =
  { success: true; data: OAuthRedirect } | { success: false; error: OAuthRedirectError };

/** Default input cap: 26 full accounts take about 4,500 characters; the rest is headroom. */
export const DEFAULT_MAX_REDIRECT_LENGTH = 16_384;

/** Most accounts one session can hold: `authorize` takes one token plus 25 in `tokens`. */
export const MAX_ACCOUNTS = 26;

const CURRENCY = /^[A-Za-z\d]{2,20}$/;
// Anything outside visible ASCII (%x20-7E, RFC 6749 Appendix A): `state`, `route` and `error` are
// restricted to it.
const NOT_VISIBLE = /[^ -~]/g;

/**
 * Reads the accounts Deriv's OAuth page appends to the app's redirect URL.
 *
 * @remarks
 * Checks run in the order of oauth4webapi's `validateAuthResponse`: input type and size, repeated
 * parameters (RFC 6749 §3.1), `state` (RFC 6749 §10.12: missing or different, before anything
 * else the provider says), provider `error` (RFC 6749 §4.2.2.1), then every account against
 * Deriv's own patterns. Only the query and the fragment are read, never the path. Parameters the
 * SDK does not read (`utm_*`, `affiliate_token`, ...) are ignored. Keys padded with spaces (as in
 * Deriv's own docs example, `& token1=`) are trimmed. Tokens never reach an error message.
 *
 * @param input - The redirect URL (`location.href`), its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` (the state you sent, or {@link skipStateCheck}) and `maxLength`.
 * @returns The accounts in index order plus the `state` and `route` that came back.
 * @throws {@link OAuthRedirectError} with a `code` saying what is wrong; `provider_error` carries
 * the provider's `error` and `error_description` in `details` (attacker-controlled text, bounded
 * and redacted), never in the message.
 * @example
 * ```ts
 * const expectedState = sessionStorage.getItem('deriv-state')
 * if (!expectedState) return restartLogin() // no login was started in this tab
 * const { accounts } = parseOAuthRedirect(location.href, { expectedState })
 * history.replaceState(null, '', location.pathname) // drop the tokens from the address bar
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function parseOAuthRedirect(
  input: OAuthRedirectInput,
  options: ParseOAuthRedirectOptions,
): OAuthRedirect {
  // Checked at run time too: JavaScript callers can omit it, and that must not mean "no check".
  const { expectedState, maxLength = DEFAULT_MAX_REDIRECT_LENGTH } =
    (options as ParseOAuthRedirectOptions | undefined) ??
    ({} as Partial<ParseOAuthRedirectOptions>);
  const checkState = expectedState !== skipStateCheck;
  if (checkState && !(typeof expectedState === 'string' && expectedState))
    refuse('invalid_expected_state', 'the state sent, or skipStateCheck', 'expectedState');
  const candidate: unknown = input;
  const text =
    typeof candidate === 'string' ||
    candidate instanceof URL ||
    candidate instanceof URLSearchParams
      ? String(candidate)
      : refuse('invalid_input', 'a string, URL or URLSearchParams');
  // Capped before any parsing, so an attacker-sized URL costs nothing.
  if (!(text.length <= maxLength)) refuse('input_too_long', 'at most maxLength characters');

  // Query and fragment are read alike: `?`, `#` and `&` all end a parameter, so a hash router's
  // `#/callback?acct1=...` works, and a name in both query and fragment is a repeat.
  const parameters = new Map<string, string>();
  // Account indexes seen. An index is a label, never an array position, so `token4294967295`
  // costs one entry, not four billion.
  const indexes = new Set<string>();
  for (const part of text.slice(parametersStart(text)).split(/[?#&]/)) {
    const equals = part.indexOf('=');
    // Keys are decoded and trimmed before comparison: `token1`, ` token1` (Deriv's docs example)
    // and `tok%65n1` are one parameter.
    const key = keyOf(part) ?? refuse('malformed_encoding', 'percent-encoding');
    const match = KNOWN_KEY.exec(key);
    // RFC 6749 §3.1: a parameter without a value is omitted; none may appear twice.
    const value = match && equals >= 0 ? decodeOrRefuse(part.slice(equals + 1), key).trim() : '';
    if (!value) continue;
    if (parameters.has(key)) refuse('duplicate_parameter', 'each parameter once', key);
    parameters.set(key, value);
    const index = match?.[1];
    if (!index) continue;
    if (index[0] === '0') refuse('invalid_index', 'an index from 1, no leading zero', key);
    indexes.add(index);
    if (indexes.size > MAX_ACCOUNTS)
      refuse('too_many_accounts', `at most ${MAX_ACCOUNTS} accounts`);
  }

  // `state` and `route` must be visible ASCII; `error` is cleaned of anything else below.
  const visible = (key: string) => {
    const value = parameters.get(key);
    if (value?.match(NOT_VISIBLE)) refuse('invalid_parameter', 'visible ASCII', key);
    return value;
  };
  const state = visible('state');
  if (checkState && !state) refuse('state_missing', 'the state sent', 'state');
  if (checkState && state !== expectedState) refuse('state_mismatch', 'the state sent', 'state');
  const providerError = parameters.get('error');
  if (providerError) {
    const tokens = [...parameters].flatMap(([key, token]) =>
      key.startsWith('token') ? [token] : [],
    );
    refuseProviderError(
      providerError,
      parameters.get('error_description'),
      tokens,
      'no error',
      'error',
    );
  }
  const route = visible('route');

  const accounts: DerivAccount[] = [];
  for (const index of [...indexes].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    const account = parameters.get('acct' + index);
    const token = parameters.get('token' + index);
    const currency = parameters.get('cur' + index) ?? '';
    if (!account) refuse('missing_account', 'an account id', 'acct' + index);
    if (!token) refuse('missing_token', 'a token', 'token' + index);
    if (!LOGIN_ID_PATTERN.test(account)) refuse('invalid_account', 'a login id', 'acct' + index);
    if (!TOKEN_PATTERN.test(token)) refuse('invalid_token', TOKEN_PATTERN.source, 'token' + index);
    if (currency && !CURRENCY.test(currency))
      refuse('invalid_currency', 'a currency code', 'cur' + index);
    accounts.push({ account, token, currency });
  }
  if (!accounts.length) refuse('no_accounts', 'an account');
  return { accounts, ...(state && { state }), ...(route && { route }) };
}

/**
 * Same as {@link parseOAuthRedirect}, but returns a result instead of throwing (zod's `safeParse`).
 *
 * @param input - The redirect URL, its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` (required; {@link skipStateCheck} to opt out) and `maxLength`.
 * @returns `{ success: true, data }` or `{ success: false, error }` with an {@link OAuthRedirectError}.
 * @throws Nothing: every failure, even a bug, is returned as an {@link OAuthRedirectError}.
 * @example
 * ```ts
 * const result = safeParseOAuthRedirect(location.href, { expectedState })
 * if (!result.success) return showError(result.error.code)
 * ```
 * @see {@link parseOAuthRedirect}
 */
export function safeParseOAuthRedirect(
  input: OAuthRedirectInput,
  options: ParseOAuthRedirectOptions,
): SafeParseOAuthRedirectResult {
  try {
    return { success: true, data: parseOAuthRedirect(input, options) };
  } catch (error) {
    return {
      success: false,
      error:
        error instanceof OAuthRedirectError
          ? error
          : new OAuthRedirectError('invalid_input', 'invalid_input: expected a readable redirect', {
              cause: error,
            }),
    };
  }
}
