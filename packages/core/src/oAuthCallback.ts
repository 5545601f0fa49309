import {
  KNOWN_KEY,
  decodeComponent,
  keyOf,
  parametersStart,
} from './internal/redirectParameters.js';

// The key of one `key=value` piece as the parser would read it (decoded, trimmed: `tok%65n1`,
// ` token1`, `+token1`), lower-cased: detection and stripping are deliberately wider than the
// parser (`Token1=` is cleaned too), so a piece that might carry a token never stays behind. A key
// that cannot be decoded is read raw.
function callbackKeyOf(piece: string): string | undefined {
  if (!piece.includes('=')) return undefined;
  const key = (keyOf(piece) ?? piece.slice(0, piece.indexOf('=')).trim()).toLowerCase();
  return KNOWN_KEY.test(key) ? key : undefined;
}

// A piece the parser would actually read: a callback key with a value that is not blank (RFC 6749
// §3.1: an empty parameter is omitted) or that it could not decode (it would refuse it).
function readKeyOf(piece: string): string | undefined {
  const key = callbackKeyOf(piece);
  if (key === undefined) return undefined;
  const value = decodeComponent(piece.slice(piece.indexOf('=') + 1));
  return value === undefined || value.trim() !== '' ? key : undefined;
}

/** Splits the readable part (query or fragment body) into pieces, keeping each separator. */
function piecesOf(text: string): { separator: string; piece: string }[] {
  // A plain scan: a separator at the very start (`#&token1=...`) still opens a piece, which a
  // zero-length regex match would step over.
  const pieces: { separator: string; piece: string }[] = [];
  let separator = '';
  let start = 0;
  for (let index = 0; index <= text.length; index += 1) {
    const character = text[index];
    if (index === text.length || character === '?' || character === '#' || character === '&') {
      pieces.push({ separator, piece: text.slice(start, index) });
      separator = character ?? '';
      start = index + 1;
    }
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
  const { query, fragment } = partsOf(url);
  const keys = new Set<string>();
  for (const part of [query, fragment]) {
    if (part === undefined) continue;
    for (const { piece } of piecesOf(part)) {
      const key = readKeyOf(piece);
      if (key !== undefined) keys.add(/^(?:acct|token|cur)\d+$/.test(key) ? 'account' : key);
    }
  }
  // An account triple, or a provider error answering a login (with its state). A lone `state` or
  // `error` is an app page's own parameter, not a callback.
  return keys.has('account') || (keys.has('error') && keys.has('state'));
}

/** Removes callback pieces from one part; `undefined` when nothing is left. */
function stripPart(part: string): string | undefined {
  const pieces = piecesOf(part);
  if (!pieces.some(({ piece }) => callbackKeyOf(piece) !== undefined)) {
    return part === '' ? undefined : part;
  }
  // Keep what is neither a callback piece nor empty; each kept piece after the first takes the
  // separator that followed its kept predecessor (`#/callback?acct1=..&tab=2` -> `#/callback?tab=2`).
  const kept = pieces.flatMap(({ piece }, index) =>
    piece !== '' && callbackKeyOf(piece) === undefined ? [index] : [],
  );
  const text = kept
    .map((index, position) => {
      const { piece } = pieces[index] as { piece: string };
      if (position === 0) return piece;
      const previous = kept[position - 1] as number;
      return (pieces[previous + 1]?.separator ?? '&') + piece;
    })
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
