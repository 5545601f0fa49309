import { SENSITIVE_FIELD_NAMES } from './generated/sensitiveFields.js';

/** What {@link redactSecrets} puts in place of a secret, the same text the Deriv server uses in `echo_req`. */
export const REDACTED = '<not shown>';

// Credentials by shape, whatever the call, plus every field name a Deriv schema marks sensitive.
// Over-redacting a harmless `name` in a log line is the price of never leaking a real one.
const SECRET_KEY =
  /^(?:tokens?|token\d+|\w*_token|\w*password|\w*Password|code_verifier|authorization)$/;
let sensitiveNames: Set<string> | undefined;

// A token inside text: `token1=...` in a redirect URL, `token=...` in a query string.
// (No `\s*` after the boundary: overlapping whitespace quantifiers backtrack quadratically.)
const TOKEN_IN_TEXT = /((?:^|[?&#\s])(?:\w*token\d*|authorize)=)[^&#\s]*/gi;

function isSecretKey(key: string): boolean {
  sensitiveNames ??= new Set(SENSITIVE_FIELD_NAMES);
  return SECRET_KEY.test(key) || sensitiveNames.has(key);
}

// A secret inside raw JSON text (a frame logged before parsing): `"authorize":"a1-..."`,
// `"tokens":["..."]`. Only string and array-of-strings values, as the server sends them.
// Each piece of whitespace has exactly one quantifier that may take it, so no input backtracks.
const JSON_MEMBER =
  /"(\w+)"(\s*:\s*)("(?:[^"\\]|\\.)*"|\[\s*(?:"(?:[^"\\]|\\.)*"\s*(?:,\s*)?)*\])/g;

function redactText(text: string): string {
  return text
    .replace(TOKEN_IN_TEXT, `$1${REDACTED}`)
    .replace(JSON_MEMBER, (member, key: string, colon: string) =>
      isSecretKey(key) ? `"${key}"${colon}"${REDACTED}"` : member,
    );
}

function redact(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  const copied = seen.get(value);
  if (copied !== undefined) return copied;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redact(item, seen));
    return copy;
  }
  if (value instanceof Error) {
    const copy = { name: value.name, message: redact(value.message, seen) };
    seen.set(value, copy);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // defineProperty: a `__proto__` key stays an own data property and never reaches a prototype.
    Object.defineProperty(copy, key, {
      // A secret name holding an object (`authorize` in a response) is walked, not hidden whole.
      value:
        item != null && (typeof item !== 'object' || Array.isArray(item)) && isSecretKey(key)
          ? REDACTED
          : redact(item, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * Returns a deep copy of any value with every secret replaced by {@link REDACTED}, ready to log.
 *
 * @remarks
 * Hides, at any depth, the value of every field named like a credential (`token`, `tokens`,
 * `token1..N`, `*_token`, `*password`) or marked `sensitive` anywhere in Deriv's schemas
 * ({@link SENSITIVE_FIELD_NAMES}: `authorize`, `verification_code`, `email`, ...), and
 * inside strings both `token1=...` parameters and secret members of raw JSON text (a frame
 * logged before parsing). A sensitive name holding an object (the `authorize` response) is
 * walked rather than hidden whole. Cycles are preserved, `Error` objects become
 * `{ name, message }`, class instances become plain objects.
 *
 * @param value - Anything: a request, a response, an error envelope, a URL string.
 * @returns A redacted deep copy typed like the input (secret fields now hold `'<not shown>'`).
 * @throws Never for JSON-like values; a throwing getter propagates its error.
 * @example
 * ```ts
 * console.debug('send', redactSecrets({ authorize: token, req_id: 1 })) // { authorize: '<not shown>', req_id: 1 }
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, new WeakMap()) as T;
}
