import { fail, readRedirectUrl } from './internal/readRedirectParameters.js';
import { OAuthRedirectError } from './oAuthRedirectError.js';

/**
 * One Deriv account handed back by the OAuth redirect.
 *
 * @see https://developers.deriv.com/docs/api-authentication
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
  /** The `state` sent with the login URL. When given, a missing or different `state` is an error. */
  expectedState?: string;
  /** Longest input accepted, checked before any parsing. Default {@link DEFAULT_MAX_REDIRECT_LENGTH}. */
  maxLength?: number;
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

const TOKEN = /^[\w-]{1,128}$/;
const LOGIN_ID = /^[A-Za-z]+[0-9]+$/;
const CURRENCY = /^[A-Za-z0-9]{2,20}$/;
// RFC 6749 Appendix A: state and error values are visible ASCII (%x20-7E).
const VISIBLE_ASCII = /^[\x20-\x7E]*$/;
const INDEX = /^[1-9]\d*$/;

function visible(parameters: Map<string, string>, key: string): string | undefined {
  const value = parameters.get(key);
  if (value !== undefined && !VISIBLE_ASCII.test(value))
    fail('invalid_parameter', `"${key}" holds characters outside visible ASCII`, key);
  return value;
}

/**
 * Reads the accounts Deriv's OAuth page appends to the app's redirect URL.
 *
 * @remarks
 * Checks run in the order of oauth4webapi's `validateAuthResponse`: input type and size, repeated
 * parameters (RFC 6749 §3.1), `state` (RFC 6749 §10.12), provider `error` (RFC 6749 §4.2.2.1),
 * then every account against Deriv's own patterns. Parameters the SDK does not read
 * (`utm_*`, `affiliate_token`, ...) are ignored. Keys padded with spaces (as in Deriv's own docs
 * example, `& token1=`) are trimmed. Tokens never reach an error message.
 *
 * @param input - The redirect URL (`location.href`), its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` (the state you sent) and `maxLength`.
 * @returns The accounts in index order plus the `state` and `route` that came back.
 * @throws {@link OAuthRedirectError} with a `code` saying what is wrong; `provider_error` carries
 * the provider's `error` and `error_description`.
 * @example
 * ```ts
 * const { accounts } = parseOAuthRedirect(location.href, { expectedState: sessionStorage.state })
 * history.replaceState(null, '', location.pathname) // drop the tokens from the address bar
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function parseOAuthRedirect(
  input: OAuthRedirectInput,
  options: ParseOAuthRedirectOptions = {},
): OAuthRedirect {
  const text =
    typeof input === 'string'
      ? input
      : Object.prototype.toString.call(input) === '[object URLSearchParams]'
        ? String(input)
        : typeof (input as Partial<URL> | null)?.href === 'string'
          ? (input as URL).href
          : fail('invalid_input', 'Expected a URL string, URL or URLSearchParams');
  if (text.length > (options.maxLength ?? DEFAULT_MAX_REDIRECT_LENGTH))
    fail('input_too_long', 'Redirect is longer than maxLength');

  const parameters = readRedirectUrl(text);
  const { expectedState } = options;
  const state = visible(parameters, 'state');
  if (expectedState !== undefined && state !== undefined && state !== expectedState)
    fail('state_mismatch', 'Returned state differs from the state sent', 'state');

  const providerError = parameters.get('error');
  if (providerError !== undefined) {
    const description = parameters.get('error_description');
    // Control and bidi characters are dropped so the provider text is safe to show.
    const clean = (value: string) => value.replace(/[^\x20-\x7E]/g, '').slice(0, 256);
    throw new OAuthRedirectError(
      'provider_error',
      `The provider returned error "${clean(providerError)}"`,
      {
        providerError: clean(providerError),
        ...(description === undefined ? {} : { providerErrorDescription: clean(description) }),
      },
    );
  }
  if (expectedState !== undefined && state === undefined)
    fail('state_missing', 'No state returned', 'state');
  const route = visible(parameters, 'route');

  // Group by index in a Map: an index is a label, never an array position, so `token4294967295`
  // allocates one entry, not four billion.
  const groups = new Map<string, [account?: string, token?: string, currency?: string]>();
  for (const [key, value] of parameters) {
    const match = /^(acct|token|cur)(\d+)$/.exec(key);
    if (!match) continue;
    const [, kind, index = ''] = match;
    if (!INDEX.test(index))
      fail('invalid_index', `"${key}": indexes start at 1 without leading zeros`, key);
    let group = groups.get(index);
    if (!group) {
      if (groups.size === MAX_ACCOUNTS)
        fail('too_many_accounts', `More than ${MAX_ACCOUNTS} accounts`);
      groups.set(index, (group = []));
    }
    group[kind === 'acct' ? 0 : kind === 'token' ? 1 : 2] = value;
  }

  const accounts: DerivAccount[] = [];
  const indexes = [...groups.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const index of indexes) {
    const [account, token, currency = ''] = groups.get(index) ?? [];
    if (account === undefined)
      fail(
        'missing_account',
        `"token${index}" or "cur${index}" without "acct${index}"`,
        `acct${index}`,
      );
    if (token === undefined)
      fail('missing_token', `"acct${index}" without "token${index}"`, `token${index}`);
    if (!LOGIN_ID.test(account))
      fail('invalid_account', `"acct${index}" is not a Deriv login id`, `acct${index}`);
    if (!TOKEN.test(token))
      fail('invalid_token', `"token${index}" does not match ^[\\w-]{1,128}$`, `token${index}`);
    if (currency && !CURRENCY.test(currency))
      fail('invalid_currency', `"cur${index}" is not a currency code`, `cur${index}`);
    accounts.push({ account, token, currency });
  }
  if (accounts.length === 0) fail('no_accounts', 'The redirect carries no account');
  return {
    accounts,
    ...(state === undefined ? {} : { state }),
    ...(route === undefined ? {} : { route }),
  };
}

/**
 * Same as {@link parseOAuthRedirect}, but returns a result instead of throwing (zod's `safeParse`).
 *
 * @param input - The redirect URL, its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` and `maxLength`.
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
  options?: ParseOAuthRedirectOptions,
): SafeParseOAuthRedirectResult {
  try {
    return { success: true, data: parseOAuthRedirect(input, options) };
  } catch (error) {
    return {
      success: false,
      error:
        error instanceof OAuthRedirectError
          ? error
          : new OAuthRedirectError('invalid_input', 'Unreadable redirect', { cause: error }),
    };
  }
}
