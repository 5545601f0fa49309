/**
 * Deriv protocol helpers: which call a request names, what it needs, how its secrets are hidden.
 * Call names and requirements come from `@deriv-auth/core` (generated from all 137 official
 * `send.json`); request schemas only for the calls this server answers.
 */
import {
  CALL_REQUIREMENTS,
  getCallName as getCoreCallName,
  redactSecrets,
  REDACTED,
  type CallRequirement,
} from '@deriv-auth/core';
import { requestSchemas } from './requestSchemas.generated.js';
import type { JsonSchema } from './validateRequest.js';

export { redactSecrets };
export type { CallRequirement };

/** Text Deriv puts in `echo_req` in place of a secret. */
export const NOT_SHOWN = REDACTED;

/** The schema of a call the server answers, if it answers it. */
export function getRequestSchema(call: string): JsonSchema | undefined {
  return Object.hasOwn(requestSchemas, call) ? requestSchemas[call] : undefined;
}

/** Auth requirements of any Deriv call, served or not. */
export function getCallRequirement(call: string): CallRequirement | undefined {
  return Object.hasOwn(CALL_REQUIREMENTS, call) ? CALL_REQUIREMENTS[call] : undefined;
}

/** The key of `request` that names a known Deriv call, as Deriv dispatches. */
export function getCallName(request: Readonly<Record<string, unknown>>): string | undefined {
  return getCoreCallName(request);
}

/**
 * `echo_req` as Deriv builds it: the request with the schema's `sensitive` fields hidden (and,
 * for good measure, anything else core's `redactSecrets` treats as a secret).
 */
export function buildEchoRequest(
  request: Readonly<Record<string, unknown>>,
  schema: JsonSchema | undefined,
): Record<string, unknown> {
  const echo = redactSecrets({ ...request });
  const properties = schema?.properties ?? {};
  for (const key of Object.keys(echo)) if (properties[key]?.sensitive === 1) echo[key] = NOT_SHOWN;
  return echo;
}
