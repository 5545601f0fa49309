import {
  KNOWN_KEY,
  decodeComponent,
  keyOf,
  parametersStart,
} from './internal/redirectParameters.js';

// One `key=value` piece is a callback parameter when its key is one the redirect parser reads
// (decoded and trimmed by the parser's own rules: `tok%65n1`, ` token1`, `+token1`) and it has `=`.
function isCallbackPiece(piece: string): boolean {
  if (!piece.includes('=')) return false;
  const key = keyOf(piece);
  return key !== undefined && KNOWN_KEY.test(key);
}

// A piece the parser would actually read: a callback key with a value that is not blank (RFC 6749
// §3.1: an empty parameter is omitted) or that it could not decode (it would refuse it).
function isReadPiece(piece: string): boolean {
  if (!isCallbackPiece(piece)) return false;
  const value = decodeComponent(piece.slice(piece.indexOf('=') + 1));
  return value === undefined || value.trim() !== '';
}

/** Splits the readable part (query or fragment body) into pieces, keeping each separator. */
function piecesOf(text: string): { separator: string; piece: string }[] {
  const pieces: { separator: string; piece: string }[] = [];
  for (const match of text.matchAll(/(^|[?#&])([^?#&]*)/g)) {
    if (match.index === text.length && match[1] === '') break;
    pieces.push({ separator: match[1] ?? '', piece: match[2] ?? '' });
  }
  return pieces;
}

/** Query and fragment of a URL-shaped string, by the parser's rules (never the path). */
function partsOf(url: string | URL): {
  head: string;
  bare: boolean;
  query: string | undefined;
  fragment: string | undefined;
} {
  const text = String(url);
  const start = parametersStart(text);
  const rest = text.slice(start);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  // A bare query string (`acct1=...&token1=...`) is read whole, without a `?`.
  const bare = start === 0 && !/^[?#]/.test(text);
  return {
    head: text.slice(0, start),
    bare,
    query: bare ? beforeHash : beforeHash.startsWith('?') ? beforeHash.slice(1) : undefined,
    fragment: hash < 0 ? undefined : rest.slice(hash + 1),
  };
}

/**
 * Tells whether a URL carries a legacy OAuth callback: any parameter the redirect parser reads
 * (`acctN`, `tokenN`, `curN`, `state`, `error`, `error_description`) with a value, in the query or
 * in the fragment (`#acct1=...`, a hash router's `#/callback?acct1=...`).
 *
 * @remarks
 * Uses the parser's own key rules (percent-encoded and space-padded keys count; the path never
 * does), so a URL this says `false` for yields nothing from {@link parseOAuthRedirect}, and one it
 * says `true` for must be parsed (and then cleaned with {@link stripOAuthCallback}).
 *
 * @param url - The URL to look at, e.g. `location.href`.
 * @returns `true` when there is a callback parameter to handle.
 * @throws Never.
 * @example
 * ```ts
 * if (hasOAuthCallback(location.href)) handleLogin()
 * ```
 * @see {@link stripOAuthCallback}
 */
export function hasOAuthCallback(url: string | URL): boolean {
  const { query, fragment } = partsOf(url);
  return [query, fragment].some(
    (part) => part !== undefined && piecesOf(part).some(({ piece }) => isReadPiece(piece)),
  );
}

/** Removes callback pieces from one part; `undefined` when nothing is left. */
function stripPart(part: string): string | undefined {
  const pieces = piecesOf(part);
  const firstSeparator = pieces[1]?.separator ?? '';
  const kept = pieces.filter(({ piece }) => !isCallbackPiece(piece));
  const text = kept
    .map(({ separator, piece }, index) =>
      index === 0 ? piece : (index === 1 ? firstSeparator : separator) + piece,
    )
    .join('');
  return text === '' ? undefined : text;
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
 * @throws Never.
 * @example
 * ```ts
 * history.replaceState(history.state, '', stripOAuthCallback(location.href))
 * ```
 * @see {@link hasOAuthCallback}
 */
export function stripOAuthCallback(url: string | URL): string {
  const { head, bare, query, fragment } = partsOf(url);
  const cleanQuery = query === undefined ? undefined : stripPart(query);
  const cleanFragment = fragment === undefined ? undefined : stripPart(fragment);
  const queryText = cleanQuery === undefined ? '' : bare ? cleanQuery : `?${cleanQuery}`;
  return head + queryText + (cleanFragment === undefined ? '' : `#${cleanFragment}`);
}
