/**
 * The URL surgery both callback detectors share (the legacy `?acct1=..&token1=..` one and the New
 * API's `?code=..&state=..` one): a page URL split into its query and fragment by the parser's
 * rules, each split into `key=value` pieces with their separators, and a part rebuilt without the
 * pieces a detector names. Nothing here throws: it runs before the address bar is cleaned.
 */
import { decodeComponent, keyOf, parametersStart } from './redirectParameters.js';

/** One `key=value` piece of a query or fragment, with the separator before it. */
export interface CallbackPiece {
  readonly separator: string;
  readonly piece: string;
}

/** A URL-shaped string cut where its parameters start (never inside the path). */
export interface CallbackParts {
  readonly head: string;
  /** A bare query string (`acct1=...&token1=...`), read whole without a `?`. */
  readonly bare: boolean;
  readonly query: string | undefined;
  readonly fragment: string | undefined;
}

/** Query and fragment of a URL-shaped string, by the parser's rules (never the path). */
export function partsOf(url: string | URL): CallbackParts {
  const text = String(url);
  const start = parametersStart(text);
  const rest = text.slice(start);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const bare = start === 0 && !/^[?#]/.test(text);
  return {
    head: text.slice(0, start),
    bare,
    query: bare ? beforeHash : beforeHash.startsWith('?') ? beforeHash.slice(1) : undefined,
    fragment: hash < 0 ? undefined : rest.slice(hash + 1),
  };
}

/** Splits a query or fragment body on `?`, `#` and `&`, keeping each piece's separator. */
export function piecesOf(text: string): CallbackPiece[] {
  // A plain scan: a separator at the very start (`#&token1=...`) still opens a piece, which a
  // zero-length regex match would step over.
  const pieces: CallbackPiece[] = [];
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

/**
 * The key of one `key=value` piece when `known` names it: decoded and trimmed as the parsers read
 * it (`tok%65n1`, ` token1`), lower-cased (detection and stripping are deliberately wider than the
 * parsers, so a piece that might carry a secret never stays behind); a key that cannot be decoded
 * is read raw.
 */
export function callbackKeyOf(piece: string, known: RegExp): string | undefined {
  if (!piece.includes('=')) return undefined;
  const key = (keyOf(piece) ?? piece.slice(0, piece.indexOf('=')).trim()).toLowerCase();
  return known.test(key) ? key : undefined;
}

/**
 * The keys a parser would actually read in `url`: callback keys with a value that is not blank
 * (RFC 6749 §3.1: an empty parameter is omitted) or that it could not decode (it would refuse it).
 */
export function readCallbackKeys(url: string | URL, known: RegExp): Set<string> {
  const { query, fragment } = partsOf(url);
  const keys = new Set<string>();
  for (const part of [query, fragment]) {
    if (part === undefined) continue;
    for (const { piece } of piecesOf(part)) {
      const key = callbackKeyOf(piece, known);
      if (key === undefined) continue;
      const value = decodeComponent(piece.slice(piece.indexOf('=') + 1));
      if (value === undefined || value.trim() !== '') keys.add(key);
    }
  }
  return keys;
}

/** One part without the pieces `known` names (or empty ones); `undefined` when nothing is left. */
function stripPart(part: string, known: RegExp): string | undefined {
  const pieces = piecesOf(part);
  if (!pieces.some(({ piece }) => callbackKeyOf(piece, known) !== undefined)) {
    return part === '' ? undefined : part;
  }
  // Each kept piece after the first takes the separator that followed its kept predecessor
  // (`#/callback?acct1=..&tab=2` -> `#/callback?tab=2`).
  const kept = pieces.flatMap(({ piece }, index) =>
    piece !== '' && callbackKeyOf(piece, known) === undefined ? [index] : [],
  );
  const text = kept
    .map((index, position) => {
      const { piece } = pieces[index] as CallbackPiece;
      if (position === 0) return piece;
      const previous = kept[position - 1] as number;
      return (pieces[previous + 1]?.separator ?? '&') + piece;
    })
    .join('');
  return text === '' ? undefined : text;
}

/** `url` without any piece `known` names, in its query and its fragment; an empty `?`/`#` goes. */
export function stripCallbackKeys(url: string | URL, known: RegExp): string {
  const { head, bare, query, fragment } = partsOf(url);
  const cleanQuery = query === undefined ? undefined : stripPart(query, known);
  const cleanFragment = fragment === undefined ? undefined : stripPart(fragment, known);
  const queryText = cleanQuery === undefined ? '' : bare ? cleanQuery : `?${cleanQuery}`;
  return head + queryText + (cleanFragment === undefined ? '' : `#${cleanFragment}`);
}
