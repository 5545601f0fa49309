import { SENSITIVE_FIELD_NAMES } from './generated/sensitiveFields.js';
import { decodeComponent } from './internal/redirectParameters.js';

/** What {@link redactSecrets} puts in place of a secret, the same text the Deriv server uses in `echo_req`. */
export const REDACTED = '<not shown>';

/** What {@link redactSecrets} puts in place of a value nested deeper than {@link MAX_REDACT_DEPTH}. */
export const TOO_DEEP = '<too deep>';

/**
 * Deepest nesting {@link redactSecrets} walks. Deeper values are replaced by {@link TOO_DEEP}, so a
 * hostile frame nested 10,000 levels deep costs a bounded stack (and nobody reads a log that deep).
 */
export const MAX_REDACT_DEPTH = 64;

/** Options of {@link redactSecrets}. */
export interface RedactSecretsOptions {
  /**
   * Literal secrets the caller holds (the tokens of its session): every occurrence in any string,
   * whatever field it sits in, is replaced too. See {@link scrubSecrets}.
   */
  secrets?: readonly string[] | undefined;
}

// Credentials by shape, compared lower-cased without separators (`accessToken`, `access_token`,
// `Access-Token` are one name), plus every field name a Deriv schema marks sensitive. Anchored at
// the end so `mt5_password_change: 1` (a call name) is not a secret. Over-redacting a harmless
// `name` in a log line is the price of never leaking a real one.
const SECRET_NAME =
  /(?:tokens?\d*|password|passwd|secret|authorization|otp|codeverifier|apikey|cookie)$/;
let sensitiveNames: Set<string> | undefined;

/** Decodes a key as the redirect parser does (`+` is a space, `%XX`), never throwing. */
function decodeKey(key: string): string {
  return decodeComponent(key) ?? key.replace(/\+/g, ' ');
}

function isSecretKey(key: string): boolean {
  sensitiveNames ??= new Set(SENSITIVE_FIELD_NAMES.map((name) => name.toLowerCase()));
  const lower = decodeKey(key).trim().toLowerCase();
  return sensitiveNames.has(lower) || SECRET_NAME.test(lower.replace(/[^a-z\d]/g, ''));
}

// `key=value` in a URL, a query string, a form body or a log line: `token1=`, `tok%65n1=`,
// `+token1=`, `otp=`, `Authorization=`. Bounded key length keeps the scan linear.
const PARAMETER_IN_TEXT = /(^|[?&#;,\s"'(])([\w%+.-]{1,100})=([^&#\s"'\\]*)/g;
// `Authorization: Bearer <token>` and the like.
const BEARER = /\b(Bearer\s+)[\w.~+/-]+=*/gi;
// Deriv's tokens wherever they turn up in text: legacy OAuth tokens (`a1-` followed by the
// secret) and the New API's authorization codes, access and refresh tokens (`ory_ac_`, `ory_at_`,
// `ory_rt_`), which a `code=` parameter or a provider message may carry.
const DERIV_TOKEN_SHAPE = /\b[a-z]\d-[\w-]{8,}|\bory_(?:ac|at|rt)_[\w.~+/-]+/g;
// A member of raw JSON text, also escaped inside another JSON string (`\"token\":`): group 1 is
// the escaping backslashes, group 2 the key. Bounded quantifiers keep the scan linear.
const JSON_KEY = /(\\{0,8})"([^"\\]{1,100})\1"(\s{0,16}:\s{0,16})/g;

/** End (exclusive) of the JSON value starting at `start`, or `start` for an object (walked). */
function endOfJsonValue(text: string, start: number, escape: string): number {
  const quote = `${escape}"`;
  if (text.startsWith(quote, start)) {
    let index = start + quote.length;
    if (!escape) {
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      return Math.min(index + 1, text.length);
    }
    for (;;) {
      const found = text.indexOf(quote, index);
      if (found < 0) return text.length;
      if (text[found - 1] !== '\\') return found + quote.length;
      index = found + 1;
    }
  }
  if (text[start] === '[') {
    // Arrays inside arrays: count brackets to the matching one (or the end of the text).
    let depth = 0;
    for (let index = start; index < text.length; index += 1) {
      if (text[index] === '[') depth += 1;
      else if (text[index] === ']' && --depth === 0) return index + 1;
    }
    return text.length;
  }
  if (text[start] === '{') return start;
  const rest = /^[^,}\]\s\\]*/.exec(text.slice(start, start + 256));
  return start + (rest?.[0].length ?? 0);
}

function redactJsonMembers(text: string): string {
  if (!text.includes('"')) return text;
  let output = '';
  let copiedUpTo = 0;
  JSON_KEY.lastIndex = 0;
  for (let match = JSON_KEY.exec(text); match; match = JSON_KEY.exec(text)) {
    const [, escape = '', key = ''] = match;
    if (!isSecretKey(key)) continue;
    const valueStart = match.index + match[0].length;
    const valueEnd = endOfJsonValue(text, valueStart, escape);
    if (valueEnd === valueStart) continue;
    output += `${text.slice(copiedUpTo, valueStart)}${escape}"${REDACTED}${escape}"`;
    copiedUpTo = valueEnd;
    JSON_KEY.lastIndex = valueEnd;
  }
  return output + text.slice(copiedUpTo);
}

/**
 * Replaces every occurrence of each literal secret in `text` with {@link REDACTED}, also in its
 * percent-encoded spelling.
 *
 * @remarks
 * For text the SDK did not write (a close reason, a server message, a URL in a `cause`) that may
 * quote a token the caller holds. Secrets shorter than 4 characters are ignored: replacing them
 * would shred the text without hiding anything.
 *
 * @param text - Any text.
 * @param secrets - The literal secrets to hide (e.g. the session's tokens).
 * @returns The text with each secret replaced.
 * @example
 * ```ts
 * scrubSecrets(`revoked ${token}`, [token]) // 'revoked <not shown>'
 * ```
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let output = text;
  const spellings = secrets
    .filter((secret) => typeof secret === 'string' && secret.length >= 4)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  for (const secret of spellings) output = output.split(secret).join(REDACTED);
  return output;
}

function redactText(text: string, secrets: readonly string[]): string {
  const scrubbed = secrets.length ? scrubSecrets(text, secrets) : text;
  return redactJsonMembers(
    scrubbed
      .replace(PARAMETER_IN_TEXT, (parameter, before: string, key: string) =>
        isSecretKey(key) ? `${before}${key}=${REDACTED}` : parameter,
      )
      .replace(BEARER, `$1${REDACTED}`)
      .replace(DERIV_TOKEN_SHAPE, REDACTED),
  );
}

function redact(
  value: unknown,
  seen: WeakMap<object, unknown>,
  secrets: readonly string[],
  depth: number,
): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  const copied = seen.get(value);
  if (copied !== undefined) return copied;
  if (depth >= MAX_REDACT_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redact(item, seen, secrets, depth + 1));
    return copy;
  }
  if (value instanceof Error) {
    const copy = { name: value.name, message: redact(value.message, seen, secrets, depth + 1) };
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
          : redact(item, seen, secrets, depth + 1),
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
 * Hides, at any depth, the value of every field named like a credential, in any case and
 * spelling (`token`, `Token`, `tokens`, `token1..N`, `accessToken`, `refresh_token`, `*password`,
 * `Authorization`, `otp`, `code_verifier`) or marked `sensitive` anywhere in Deriv's schemas
 * ({@link SENSITIVE_FIELD_NAMES}: `authorize`, `verification_code`, `email`, ...). Inside strings
 * it hides `key=value` parameters with such a key, also percent-encoded (`tok%65n1=`, `+token1=`,
 * every spelling the redirect parser accepts), `Bearer` credentials, anything shaped like a Deriv
 * token (`a1-...`), and secret members of raw JSON text, also escaped JSON inside JSON and arrays
 * inside arrays. A sensitive name holding an object (the `authorize` response) is walked rather
 * than hidden whole. Values nested deeper than {@link MAX_REDACT_DEPTH} become {@link TOO_DEEP}
 * (no stack overflow on hostile input). Cycles are preserved, `Error` objects become
 * `{ name, message }`, class instances become plain objects.
 *
 * @param value - Anything: a request, a response, an error envelope, a URL string.
 * @param options - `secrets`: literal secrets to hide wherever they appear ({@link scrubSecrets}).
 * @returns A redacted deep copy typed like the input (secret fields now hold `'<not shown>'`).
 * @throws Only what a getter inside `value` throws; plain JSON-like values never throw.
 * @example
 * ```ts
 * console.debug('send', redactSecrets({ authorize: token, req_id: 1 })) // { authorize: '<not shown>', req_id: 1 }
 * ```
 */
export function redactSecrets<T>(value: T, options: RedactSecretsOptions = {}): T {
  return redact(value, new WeakMap(), options.secrets ?? [], 0) as T;
}
