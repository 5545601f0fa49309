import { OAuthRedirectError } from './oAuthRedirectError.js';
import { decodeOrRefuse, refuse, refuseProviderError } from './internal/refuseRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';

/** What {@link parseAuthorizationCallback} accepts: a URL string, a bare query string, `URL` or `URLSearchParams`. */
export type AuthorizationCallbackInput = string | URL | URLSearchParams;

/** Options of {@link parseAuthorizationCallback}. */
export interface ParseAuthorizationCallbackOptions {
  /**
   * The `state` sent with the authorization URL, or {@link skipStateCheck} when a server checks it.
   * Required: a callback is never accepted without deciding about CSRF.
   */
  expectedState: string | typeof skipStateCheck;
  /** Longest input accepted, checked before any parsing. Default {@link DEFAULT_MAX_CALLBACK_LENGTH}. */
  maxLength?: number | undefined;
}

/** What {@link parseAuthorizationCallback} returns. */
export interface AuthorizationCallback {
  /** The authorization code (`ory_ac_...`): single use, short lived, a secret. Exchange it at once. */
  code: string;
  /** The `state` that came back; always present unless the check was skipped. */
  state?: string;
}

/** Result of {@link safeParseAuthorizationCallback}, shaped like zod's `safeParse`. */
export type SafeParseAuthorizationCallbackResult =
  { success: true; data: AuthorizationCallback } | { success: false; error: OAuthRedirectError };

/** Default input cap: a code and a state take a few hundred characters; the rest is headroom. */
export const DEFAULT_MAX_CALLBACK_LENGTH = 8_192;

// The only parameters read; everything else (the app's own query, utm_*) is skipped undecoded.
const KNOWN_KEY = /^(?:code|state|error|error_description)$/;
// RFC 6749 Appendix A.11 and A.5: `code` and `state` are 1*VSCHAR (%x20-7E).
const VISIBLE = /^[ -~]*$/;
// A URL with a scheme (`https:`) or a path (`/callback`): only what follows `?` or `#` is read.
const URL_OR_PATH = /^(?:[A-Za-z][A-Za-z\d+.-]*:|\/)/;

// The query and fragment of the input, never its path: `https://app/cb/code=x` carries no code.
function parametersOf(input: unknown): string {
  if (input instanceof URL) return input.search + input.hash;
  if (input instanceof URLSearchParams) return input.toString();
  if (typeof input !== 'string') return refuse('invalid_input', 'a string, URL or URLSearchParams');
  const start = input.search(/[?#]/);
  if (start >= 0) return input.slice(start);
  return URL_OR_PATH.test(input) ? '' : input;
}

/**
 * Reads the callback of Deriv's New API authorization page: `?code=&state=`, or
 * `?error=&error_description=`.
 *
 * @remarks
 * Checks run in the order of oauth4webapi's `validateAuthResponse`: input, repeated parameters
 * (RFC 6749 §3.1), `state` (RFC 6749 §10.12; also before a provider error, so a forged error link
 * is reported as a state failure), provider `error` (§4.1.2.1), then `code`. Query and fragment
 * are read alike (`?`, `#` and `&` end a parameter, so a hash router's `#/cb?code=` works), the
 * path never. Keys are percent-decoded and trimmed before comparison, so `co%64e` and ` code`
 * repeat `code`. The code never reaches a message or `details`.
 *
 * oauth4webapi itself is not called here: it reads only a query, needs the server's and client's
 * metadata, and keeps every parameter (the code included) in its errors' `cause`.
 *
 * @param input - The callback URL (`location.href`), its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` (the state sent, or {@link skipStateCheck}) and `maxLength`.
 * @returns `{ code, state }`.
 * @throws {@link OAuthRedirectError} with one of the codes both flows share (`state_mismatch`,
 * `provider_error`, ...) or `missing_code`; never a legacy account code (`no_accounts`, ...).
 * @example
 * ```ts
 * const { code } = parseAuthorizationCallback(location.href, { expectedState: storedState })
 * history.replaceState(null, '', location.pathname) // drop the code from the address bar
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export function parseAuthorizationCallback(
  input: AuthorizationCallbackInput,
  options: ParseAuthorizationCallbackOptions,
): AuthorizationCallback {
  const { expectedState, maxLength = DEFAULT_MAX_CALLBACK_LENGTH } =
    (options as Partial<ParseAuthorizationCallbackOptions> | undefined) ?? {};
  const text = parametersOf(input);
  if (expectedState !== skipStateCheck && (typeof expectedState !== 'string' || !expectedState))
    refuse('invalid_expected_state', 'options.expectedState: the state sent, or skipStateCheck');
  // Capped before any parsing, so an attacker-sized URL costs nothing.
  if (!(text.length <= maxLength)) refuse('input_too_long', 'at most maxLength characters');

  const parameters = new Map<string, string>();
  for (const part of text.split(/[?#&]/)) {
    const equals = part.indexOf('=');
    const key = decodeOrRefuse(equals < 0 ? part : part.slice(0, equals)).trim();
    // RFC 6749 §3.1: a parameter without a value is omitted; none may appear twice.
    const value =
      KNOWN_KEY.test(key) && equals >= 0 ? decodeOrRefuse(part.slice(equals + 1), key) : '';
    if (!value) continue;
    if (parameters.has(key)) refuse('duplicate_parameter', 'each parameter once', key);
    parameters.set(key, value);
  }

  const state = parameters.get('state');
  if (state !== undefined && !VISIBLE.test(state))
    refuse('invalid_parameter', 'visible ASCII', 'state');
  if (expectedState !== skipStateCheck) {
    if (state === undefined) refuse('state_missing', 'the state sent', 'state');
    if (state !== expectedState) refuse('state_mismatch', 'the state sent', 'state');
  }
  const providerError = parameters.get('error');
  if (providerError) {
    const code = parameters.get('code');
    refuseProviderError(
      providerError,
      parameters.get('error_description'),
      code ? [code] : [],
      'no error from the authorization server (see details)',
    );
  }
  const code = parameters.get('code');
  if (!code) refuse('missing_code', 'an authorization code', 'code');
  if (!VISIBLE.test(code)) refuse('invalid_parameter', 'visible ASCII', 'code');
  return { code, ...(state && { state }) };
}

/**
 * Same as {@link parseAuthorizationCallback}, but returns a result instead of throwing.
 *
 * @param input - The callback URL, its query string, a `URL` or `URLSearchParams`.
 * @param options - `expectedState` and `maxLength`.
 * @returns `{ success: true, data }` or `{ success: false, error }` with an {@link OAuthRedirectError}.
 * @example
 * ```ts
 * const result = safeParseAuthorizationCallback(location.href, { expectedState })
 * if (!result.success) return showError(result.error.code)
 * ```
 */
export function safeParseAuthorizationCallback(
  input: AuthorizationCallbackInput,
  options: ParseAuthorizationCallbackOptions,
): SafeParseAuthorizationCallbackResult {
  try {
    return { success: true, data: parseAuthorizationCallback(input, options) };
  } catch (error) {
    return {
      success: false,
      error:
        error instanceof OAuthRedirectError
          ? error
          : // No `cause`: an unexpected failure could carry the input, and the input holds the code.
            new OAuthRedirectError('invalid_input', 'invalid_input: expected a readable callback'),
    };
  }
}
