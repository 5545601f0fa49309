/**
 * Deriv protocol helpers: a served call's request schema and how a request's secrets are hidden.
 * Call names and auth requirements come straight from `@deriv-auth/core` (generated from all 137
 * official `send.json`); request schemas only for the calls this server answers.
 */
import { redactSecrets, REDACTED } from '@deriv-auth/core';
import { requestSchemas } from './requestSchemas.generated.js';
import type { JsonSchema } from './validateRequest.js';

/** The schema of a call the server answers, if it answers it. */
export function getRequestSchema(call: string): JsonSchema | undefined {
  return Object.hasOwn(requestSchemas, call) ? requestSchemas[call] : undefined;
}

const SECRET_LIKE_KEY = /token|authorize|password|secret|code/iu;

/**
 * The request with every secret hidden, by core's `redactSecrets`. Fast path for the hot calls
 * (`ping`, `time`, `balance`...): a request holding only numbers and booleans under harmless keys
 * has nothing to hide and is returned as is, sparing a deep copy per message.
 */
export function redactRequest(
  request: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  for (const key in request) {
    const value = request[key];
    if (
      typeof value === 'string' ||
      (typeof value === 'object' && value !== null) ||
      SECRET_LIKE_KEY.test(key)
    ) {
      return redactSecrets(request);
    }
  }
  return request;
}

/**
 * `echo_req` as Deriv builds it: the (already redacted) request with the schema's `sensitive`
 * fields shown as `<not shown>`.
 */
export function buildEchoRequest(
  redacted: Readonly<Record<string, unknown>>,
  schema: JsonSchema | undefined,
): Readonly<Record<string, unknown>> {
  const properties = schema?.properties;
  if (properties === undefined) return redacted;
  let echo: Record<string, unknown> | undefined;
  for (const key in redacted) {
    if (properties[key]?.sensitive === 1 && redacted[key] !== REDACTED) {
      echo ??= { ...redacted };
      echo[key] = REDACTED;
    }
  }
  return echo ?? redacted;
}
