// Zod-free: shared by the redirect parser and the callback helpers, so both read a callback URL by
// the same rules (which keys count, how they are decoded, where parameters start).

/**
 * The only parameters the legacy redirect carries; group 1 is an account index. Everything else
 * (utm_*, affiliate_token, the app's own query) is skipped.
 */
export const KNOWN_KEY = /^(?:state|route|error|error_description|(?:acct|token|cur)(\d+))$/;

/** Decodes a key or value as the redirect parser does (`+` is a space); `undefined` when malformed. */
export function decodeComponent(text: string): string | undefined {
  // Most keys and values hold neither `%` nor `+`: skipping the decoder for them doubles throughput.
  if (!/[%+]/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Where the query or fragment of `text` starts: parameters are read there and never in the path
 * (`https://app/cb&token1=X?acct1=CR1` must not yield a token; `/100%/cb?...` must not fail).
 *
 * @remarks
 * A bare query string (`acct1=CR1&token1=...`, also what `URLSearchParams` prints) is read whole.
 * Text before the first `?` or `#` is a URL or path instead when it starts with a scheme or `/`,
 * or holds no `=` (a relative path such as `cb?acct1=...`).
 */
export function parametersStart(text: string): number {
  const first = text.search(/[?#]/);
  const head = first < 0 ? text : text.slice(0, first);
  const isPath = /^[a-z][a-z\d+.-]*:|^[/\\]/i.test(head) || !head.includes('=');
  return isPath ? (first < 0 ? text.length : first) : 0;
}

/** The decoded, trimmed key of one `key=value` piece, or `undefined` when it is not decodable. */
export function keyOf(piece: string): string | undefined {
  const equals = piece.indexOf('=');
  return decodeComponent(equals < 0 ? piece : piece.slice(0, equals))?.trim();
}
