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
 * @throws Never.
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
  // Browsers strip tabs and newlines and read `\` as `/`, so `/\t/evil.com` and `/\evil.com` would
  // become protocol-relative: refuse them all outright.
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//'))
    return undefined;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\\\x00-\x20\x7F]/.test(candidate)) return undefined;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(options.origin);
    resolved = new URL(candidate, base);
  } catch {
    return undefined;
  }
  if (resolved.origin !== base.origin || base.origin === 'null') return undefined;
  return resolved.pathname + resolved.search + resolved.hash;
}
