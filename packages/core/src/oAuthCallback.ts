import { readCallbackKeys, stripCallbackKeys } from './internal/callbackPieces.js';
import { KNOWN_KEY } from './internal/redirectParameters.js';

/**
 * Tells whether a URL carries a legacy OAuth callback: an account parameter (`acctN`, `tokenN`,
 * `curN`) with a value, or a provider `error` with its `state`, in the query or in the fragment
 * (`#acct1=...`, a hash router's `#/callback?acct1=...`). A lone `state` or `error` is left to the
 * app: pages use those names for their own purposes.
 *
 * @remarks
 * Uses the parser's own key rules (percent-encoded and space-padded keys count; the path never
 * does), in any letter case, so a URL this says `false` for yields no account from
 * {@link parseOAuthRedirect}, and one it says `true` for must be handled (and cleaned with
 * {@link stripOAuthCallback}).
 *
 * @param url - The URL to look at, e.g. `location.href`.
 * @returns `true` when there is a callback parameter to handle.
 * @example
 * ```ts
 * if (hasOAuthCallback(location.href)) handleLogin()
 * ```
 * @see {@link stripOAuthCallback}
 */
export function hasOAuthCallback(url: string | URL): boolean {
  const keys = [...readCallbackKeys(url, KNOWN_KEY)].map((key) =>
    /^(?:acct|token|cur)\d+$/.test(key) ? 'account' : key,
  );
  // An account triple, or a provider error answering a login (with its state). A lone `state` or
  // `error` is an app page's own parameter, not a callback.
  return keys.includes('account') || (keys.includes('error') && keys.includes('state'));
}

/**
 * Returns the URL with every legacy OAuth callback parameter removed from both the query and the
 * fragment, everything else kept (other parameters, the hash router's route); an empty `?` or `#`
 * is dropped.
 *
 * @remarks
 * For `history.replaceState` after reading the callback, so no token stays in the address bar or
 * the history. Removes every piece {@link hasOAuthCallback} would count, also with an empty value,
 * so `hasOAuthCallback(stripOAuthCallback(url))` is always `false`.
 *
 * @param url - The URL to clean, e.g. `location.href`.
 * @returns The cleaned URL as a string.
 * @example
 * ```ts
 * history.replaceState(history.state, '', stripOAuthCallback(location.href))
 * ```
 * @see {@link hasOAuthCallback}
 */
export function stripOAuthCallback(url: string | URL): string {
  return stripCallbackKeys(url, KNOWN_KEY);
}
