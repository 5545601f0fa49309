import { readCallbackKeys, stripCallbackKeys } from './internal/callbackPieces.js';

// Every parameter an authorization response may carry (RFC 6749 §4.1.2, RFC 9207's `iss`).
const CALLBACK_KEY = /^(?:code|state|error|error_description|error_uri|iss)$/;

/**
 * Tells whether a URL carries a New API authorization callback: a `state` with a `code` or an
 * `error`, in the query or in the fragment (a hash router's `#/callback?code=..`). A lone `code`
 * or `error` is an app page's own parameter (a promo code), not a login the app started: the
 * login always sends `state`.
 *
 * @remarks
 * Same key rules as {@link hasOAuthCallback} (percent-encoded, space-padded and upper-case keys
 * count; the path never does), so a URL this says `true` for must be handled with
 * {@link parseAuthorizationCallback} and cleaned with {@link stripAuthorizationCallback}.
 *
 * @param url - The URL to look at, e.g. `location.href`.
 * @returns `true` when there is a callback to handle.
 * @example
 * ```ts
 * if (hasAuthorizationCallback(location.href)) handleLogin();
 * ```
 */
export function hasAuthorizationCallback(url: string | URL): boolean {
  const keys = readCallbackKeys(url, CALLBACK_KEY);
  return keys.has('state') && (keys.has('code') || keys.has('error'));
}

/**
 * Returns the URL without any authorization response parameter (`code`, `state`, `error`,
 * `error_description`, `error_uri`, `iss`) in its query or fragment; the app's own parameters and
 * its hash route stay (`/cb?tab=2&code=..` becomes `/cb?tab=2`).
 *
 * @remarks
 * For `history.replaceState` before anything else runs, so the one-time code leaves the address
 * bar and the history entry. Never throws.
 *
 * @param url - The URL to clean, e.g. `location.href`.
 * @returns The cleaned URL as a string.
 * @example
 * ```ts
 * history.replaceState(history.state, '', stripAuthorizationCallback(location.href));
 * ```
 */
export function stripAuthorizationCallback(url: string | URL): string {
  return stripCallbackKeys(url, CALLBACK_KEY);
}
