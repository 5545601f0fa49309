/**
 * Local stand-ins for core's `hasOAuthCallback` / `stripOAuthCallback` (same names, same
 * signatures), so the lead can swap the import for `@deriv-auth/core` on merge.
 *
 * Both read the query AND the fragment, with the parser's rules: `?`, `#` and `&` all end a
 * parameter (so a hash router's `#/callback?acct1=...` counts), keys are percent-decoded and
 * trimmed (`tok%65n1`, Deriv's space-padded `& token1=`). The path is never read as parameters.
 * Detection is deliberately wider than the parser (any case, undecodable keys read raw): a URL
 * that might hold a token is treated as a callback and cleaned, never left alone.
 */

function parameterKeys(url: URL): string[] {
  return `${url.search}${url.hash}`.split(/[?#&]/).map((part) => {
    const key = part.split('=')[0] ?? '';
    try {
      return decodeURIComponent(key.replace(/\+/g, ' ')).trim().toLowerCase();
    } catch {
      return key.trim().toLowerCase();
    }
  });
}

/**
 * Tells whether a URL is a Deriv login callback: it carries `acctN`/`tokenN`/`curN`, or a
 * provider `error` together with `state`, in its query or its fragment. A lone `state` or `error`
 * is left alone: app pages may use those names for their own purposes.
 *
 * @param url - The page's URL (`location.href`).
 * @returns `true` for a callback.
 */
export function hasOAuthCallback(url: string | URL): boolean {
  const keys = parameterKeys(new URL(url));
  return (
    keys.some((key) => /^(?:acct|token|cur)\d+$/.test(key)) ||
    (keys.includes('error') && keys.includes('state'))
  );
}

// A hash router's route (`#/callback` of `#/callback?acct1=...`) is kept; nothing after it.
const HASH_ROUTE = /^#\/[^?#&=%]*/;

/**
 * Removes every callback parameter from a URL: the whole query, and the fragment except a hash
 * router's route (`#/callback?acct1=..` becomes `#/callback`, `#acct1=..` and `?acct1=..#frag`
 * lose their fragment). A URL that is not a callback comes back unchanged.
 *
 * @param url - The page's URL.
 * @returns The URL without any callback parameter, for `history.replaceState`.
 */
export function stripOAuthCallback(url: string | URL): string {
  const parsed = new URL(url);
  if (!hasOAuthCallback(parsed)) return parsed.href;
  parsed.search = '';
  parsed.hash = HASH_ROUTE.exec(parsed.hash)?.[0] ?? '';
  return parsed.href;
}
