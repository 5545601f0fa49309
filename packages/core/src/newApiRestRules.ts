// Zod-free on purpose, like tokenPattern.ts: the main entry exports these and must not pull zod
// into a bundle; the REST schemas of `@deriv-auth/core/schemas` check with the same rules.
import { parseSecureUrl } from './internal/secureUrl.js';

/**
 * What a New API account id may hold: letters, digits, `_` and `-`, 1 to 64 characters
 * (`DOT90004580`). Deriv documents no pattern; this one is wide enough for any id seen and narrow
 * enough that an id is safe inside a URL path (`/accounts/{accountId}/otp`: no `/`, `.`, `%`, `?`).
 *
 * @example
 * ```ts
 * NEW_API_ACCOUNT_ID_PATTERN.test('DOT90004580') // true
 * ```
 */
export const NEW_API_ACCOUNT_ID_PATTERN = /^[\w-]{1,64}$/;

/**
 * Tells whether a URL is a one-time socket URL: `wss://` (or `ws://` on a loopback host, the mock
 * server) with exactly one non-empty `otp` parameter.
 *
 * @param url - Anything, e.g. `data.url` of the OTP response.
 * @returns `true` for a usable OTP URL.
 * @example
 * ```ts
 * isOtpUrl('wss://api.derivws.com/trading/v1/options/ws/demo?otp=abc123xyz789') // true
 * ```
 */
export function isOtpUrl(url: unknown): url is string {
  const otp = parseSecureUrl(url, 'wss:', 'ws:')?.searchParams.getAll('otp');
  return otp?.length === 1 && otp[0] !== '';
}
