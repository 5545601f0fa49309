/**
 * Finding and removing the New API's authorization callback (`?code=..&state=..` or
 * `?error=..&state=..`) in a page URL, without ever throwing: this runs before the address bar is
 * cleaned, so nothing here may fail with the code in hand.
 */

// Every parameter an authorization response may carry (RFC 6749 §4.1.2, RFC 9207's `iss`).
const CALLBACK_KEY = /^(?:code|state|error|error_description|error_uri|iss)$/;

/** The key of one `key=value` piece, decoded when it can be, trimmed and lower-cased. */
function keyOf(piece: string): string | undefined {
  const equals = piece.indexOf('=');
  if (equals < 0) return undefined;
  const raw = piece.slice(0, equals);
  let key = raw;
  try {
    key = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // Read raw: a piece that cannot be decoded is still compared (and removed) by its raw key.
  }
  return key.trim().toLowerCase();
}

const hasValue = (piece: string): boolean => piece.slice(piece.indexOf('=') + 1).trim() !== '';

/** Query and fragment bodies of `href` (never its path). */
function partsOf(href: string): { head: string; query?: string; fragment?: string } {
  const hash = href.indexOf('#');
  const beforeHash = hash < 0 ? href : href.slice(0, hash);
  const question = beforeHash.indexOf('?');
  return {
    head: question < 0 ? beforeHash : beforeHash.slice(0, question),
    ...(question >= 0 && { query: beforeHash.slice(question + 1) }),
    ...(hash >= 0 && { fragment: href.slice(hash + 1) }),
  };
}

/** Splits a query or fragment body on `?`, `#` and `&`, keeping each piece's separator. */
function piecesOf(text: string): { separator: string; piece: string }[] {
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

/**
 * Whether `href` is an authorization callback: a `state` with a `code` or an `error`, in the query
 * or the fragment (a hash router's `#/callback?code=..`). A lone `code` or `error` is an app
 * page's own parameter (a promo code), not a login we started (we always send `state`).
 */
export function hasCodeCallback(href: string): boolean {
  const { query, fragment } = partsOf(href);
  const keys = new Set<string>();
  for (const part of [query, fragment]) {
    if (part === undefined) continue;
    for (const { piece } of piecesOf(part)) {
      const key = keyOf(piece);
      if (key !== undefined && CALLBACK_KEY.test(key) && hasValue(piece)) keys.add(key);
    }
  }
  return keys.has('state') && (keys.has('code') || keys.has('error'));
}

/** Removes the callback pieces from one part; `undefined` when nothing is left. */
function stripPart(part: string): string | undefined {
  const pieces = piecesOf(part);
  const kept = pieces.flatMap(({ piece }, index) => {
    const key = keyOf(piece);
    return piece !== '' && (key === undefined || !CALLBACK_KEY.test(key)) ? [index] : [];
  });
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
 * `href` without any callback parameter in its query or fragment; the app's own parameters stay
 * (`/cb?tab=2&code=..` becomes `/cb?tab=2`, `#/callback?code=..` becomes `#/callback`).
 */
export function stripCodeCallback(href: string): string {
  const { head, query, fragment } = partsOf(href);
  const cleanQuery = query === undefined ? undefined : stripPart(query);
  const cleanFragment = fragment === undefined ? undefined : stripPart(fragment);
  return (
    head +
    (cleanQuery === undefined ? '' : `?${cleanQuery}`) +
    (cleanFragment === undefined ? '' : `#${cleanFragment}`)
  );
}
