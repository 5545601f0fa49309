import { OAuthRedirectError, type OAuthRedirectErrorCode } from '../oAuthRedirectError.js';

/** Throws the parser's single error class; messages name parameters, never values. */
export function fail(code: OAuthRedirectErrorCode, message: string, parameter?: string): never {
  throw new OAuthRedirectError(
    code,
    message,
    parameter === undefined ? {} : { details: { parameter } },
  );
}

// The only parameters the parser reads. Everything else (utm_*, affiliate_token, the app's own
// query) is ignored without being decoded, so a malformed marketing value cannot break sign-in.
const KNOWN_KEY = /^(?:state|route|error(?:_description|_uri)?|(?:acct|token|cur)\d+)$/;

function decode(text: string, parameter?: string): string {
  if (!/[%+]/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return fail(
      'malformed_encoding',
      'Malformed percent-encoding' + (parameter ? ` in "${parameter}"` : ' in a key'),
      parameter,
    );
  }
}

/**
 * Reads the redirect parameters the SDK knows from a `application/x-www-form-urlencoded` string
 * into a Map (never a plain object, so `__proto__` keys stay inert). Keys are decoded and trimmed
 * before comparison, so `token1`, `%20token1` and `tok%65n1` are the same parameter: a second
 * occurrence is refused as RFC 6749 §3.1 requires. Empty values count as absent (same section).
 */
export function readRedirectParameters(query: string, into: Map<string, string>): void {
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    const key = decode(equals < 0 ? part : part.slice(0, equals)).trim();
    if (!KNOWN_KEY.test(key)) continue;
    const value = equals < 0 ? '' : decode(part.slice(equals + 1), key).trim();
    if (!value) continue;
    if (into.has(key))
      fail('duplicate_parameter', `Parameter "${key}" appears more than once`, key);
    into.set(key, value);
  }
}

/**
 * Splits a redirect URL (or bare query) into its query and fragment parameters. The query wins;
 * the fragment (or the part after `?` inside it, as hash routers produce) is read only when the
 * query carries none of the known parameters.
 */
export function readRedirectUrl(url: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const hash = url.indexOf('#');
  const main = hash < 0 ? url : url.slice(0, hash);
  readRedirectParameters(main.slice(main.indexOf('?') + 1), parameters);
  if (parameters.size === 0 && hash >= 0) {
    const fragment = url.slice(hash + 1);
    readRedirectParameters(fragment.slice(fragment.indexOf('?') + 1), parameters);
  }
  return parameters;
}
