/** Options of {@link validateReturnPath}. */
export interface ValidateReturnPathOptions {
  /** The app's own origin, e.g. `location.origin` (`https://app.example.com`). */
  origin: string;
}

/**
 * Accepts a post-login return path only when it stays on the app's own origin.
 *
 * @remarks
 * Open redirects after login hand a freshly signed-in user to an attacker's page. The candidate
 * must be a relative path starting with a single `/`; `//evil.com`, `/\evil.com`, backslashes,
 * control characters, `javascript:` and absolute URLs to other origins are refused. The check
 * resolves the candidate with the URL parser (as the browser will) and compares origins.
 *
 * @param candidate - Untrusted path, e.g. from a `returnTo` query parameter.
 * @param options - `origin` of the app.
 * @returns The normalised path + query + fragment on the same origin, or `undefined` when refused.
 * @example
 * ```ts
 * location.replace(validateReturnPath(returnTo, { origin: location.origin }) ?? '/')
 * ```
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html
 */
export function validateReturnPath(
  candidate: string,
  options: ValidateReturnPathOptions,
): string | undefined {
  if (!isPlainPath(candidate)) return undefined;
  try {
    const base = new URL(options.origin);
    if (base.origin === 'null') return undefined;
    const resolved = new URL(candidate, base);
    if (resolved.origin !== base.origin) return undefined;
    // Dot segments collapse on resolution: `/.//evil.com` and `/x/..//evil.com` resolve on the
    // origin but their pathname is `//evil.com`, which the browser reads as another host. So the
    // returned string itself must pass the same checks and resolve on the origin again.
    const path = resolved.pathname + resolved.search + resolved.hash;
    return isPlainPath(path) && new URL(path, base).origin === base.origin ? path : undefined;
  } catch {
    return undefined;
  }
}

// One `/` first (not `//`, not `/\`), no backslash, no control character or space: browsers strip
// tabs and newlines and read `\` as `/`, so `/\t/evil.com` and `/\evil.com` would become
// protocol-relative.
function isPlainPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    !/[\\\x00-\x20\x7F]/.test(path)
  );
}
