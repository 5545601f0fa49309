/**
 * Deriv protocol helpers: which call a request names, what it needs, how its secrets are hidden.
 * Served calls read their official schema; other known calls fall back to a local table until
 * `@deriv-auth/core` exposes `CALL_REQUIREMENTS`, `getCallName` and `redactSecrets`.
 */
import { requestSchemas } from './requestSchemas.generated.js';
import type { JsonSchema } from './validateRequest.js';

/** Text Deriv puts in `echo_req` in place of a secret. */
export const NOT_SHOWN = '<not shown>';

/** Whether a call needs an authorized session, and which scopes (any one) allow it. */
export interface CallRequirement {
  readonly authRequired: boolean;
  readonly scopes: readonly string[];
}

const requirements = new Map<string, CallRequirement>();
for (const [call, schema] of Object.entries(requestSchemas)) {
  requirements.set(call, {
    authRequired: schema.auth_required === 1,
    scopes: schema.auth_scopes ?? [],
  });
}

/** The schema of a call the server answers, if it answers it. */
export function getRequestSchema(call: string): JsonSchema | undefined {
  return requestSchemas[call];
}

/** Auth requirements of a call. */
export function getCallRequirement(call: string): CallRequirement | undefined {
  return requirements.get(call);
}

/** The first key of `request` that names a known call, as Deriv dispatches. */
export function getCallName(request: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of Object.keys(request)) if (requirements.has(key)) return key;
  return undefined;
}

const SECRET_KEYS = new Set([
  'authorize',
  'tokens',
  'token',
  'new_token',
  'delete_token',
  'password',
  'new_password',
  'old_password',
  'verification_code',
]);

function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key) || /^token\d+$/u.test(key);
}

/** Deep copy of `value` with every secret-looking field replaced by {@link NOT_SHOWN}. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = isSecretKey(key) && field !== 1 && field !== 0 ? NOT_SHOWN : redactSecrets(field);
  }
  return copy;
}

/**
 * `echo_req` as Deriv builds it: the request with the schema's `sensitive` fields hidden (and,
 * for good measure, anything else that looks like a secret).
 */
export function buildEchoRequest(
  request: Readonly<Record<string, unknown>>,
  schema: JsonSchema | undefined,
): Record<string, unknown> {
  const echo = redactSecrets(request) as Record<string, unknown>;
  const properties = schema?.properties ?? {};
  for (const key of Object.keys(echo)) if (properties[key]?.sensitive === 1) echo[key] = NOT_SHOWN;
  return echo;
}
