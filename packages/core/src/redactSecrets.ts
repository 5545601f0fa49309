import { SENSITIVE_FIELDS } from './generated/sensitiveFields.js';

/** What {@link redactSecrets} puts in place of a secret, the same text the Deriv server uses in `echo_req`. */
export const REDACTED = '<not shown>';

// Credentials wherever they appear, whatever the call. Personal fields (names, phone, ...) are
// redacted per call from the generated SENSITIVE_FIELDS instead, because names like `name` or
// `description` are harmless in most other messages.
const SECRET_KEY =
  /^(?:authorize|tokens?|token\d+|new_token|chat_token|access_token|refresh_token|id_token|code_verifier|verification_code|secret_answer|\w*password|\w*Password|oauth_token)$/;

// A token inside a URL or log text: `token1=a1-...`, `&token=...`, `"authorize":"..."` is covered by keys.
const TOKEN_IN_TEXT = /((?:^|[?&#\s])\s*(?:token\d*|authorize)=)[^&#\s]*/g;

function sensitivePathsOf(value: object): Set<string> | undefined {
  const record = value as Record<string, unknown>;
  const call =
    typeof record['msg_type'] === 'string'
      ? record['msg_type']
      : Object.keys(record).find((key) => Object.hasOwn(SENSITIVE_FIELDS, key));
  const fields =
    call !== undefined && Object.hasOwn(SENSITIVE_FIELDS, call)
      ? SENSITIVE_FIELDS[call]
      : undefined;
  return fields ? new Set([...fields.request, ...fields.response]) : undefined;
}

function redact(
  value: unknown,
  path: string,
  paths: Set<string> | undefined,
  seen: WeakMap<object, unknown>,
): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_IN_TEXT, `$1${REDACTED}`);
  if (typeof value !== 'object' || value === null) return value;
  const copied = seen.get(value);
  if (copied !== undefined) return copied;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redact(item, path, paths, seen));
    return copy;
  }
  if (value instanceof Error) {
    const copy = { name: value.name, message: redact(value.message, path, paths, seen) };
    seen.set(value, copy);
    return copy;
  }
  // Call-specific paths apply from the message root.
  const ownPaths = path === '' ? (sensitivePathsOf(value) ?? paths) : paths;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) {
    // `echo_req` repeats the request, so the request's paths apply from its root again.
    const childPath = path === '' && key === 'echo_req' ? '' : path === '' ? key : `${path}.${key}`;
    const item = (value as Record<string, unknown>)[key];
    const secret = SECRET_KEY.test(key) || ownPaths?.has(childPath) === true;
    // defineProperty: a `__proto__` key stays an own data property and never reaches a prototype.
    Object.defineProperty(copy, key, {
      value:
        secret && item !== undefined && item !== null
          ? REDACTED
          : redact(item, childPath, ownPaths, seen),
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
 * Redacts, at any depth: `authorize`, `tokens`, `token`, `token1..N`, `new_token`, `chat_token`,
 * passwords, `verification_code`, `secret_answer`; inside strings, `token1=...` URL parameters;
 * and for messages whose call is known (from `msg_type` or the request key), every field Deriv's
 * schemas mark `sensitive` for that call (also inside `echo_req`). Cycles are preserved, `Error`
 * objects become `{ name, message }`, class instances become plain objects.
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
  return redact(value, '', undefined, new WeakMap()) as T;
}
