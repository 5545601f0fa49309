/**
 * The first step of every WebSocket request: one text frame in, a request object or a refusal out.
 * Pure (no socket, no state), so the hostile-input suite can run it a hundred thousand times.
 */
import { getCallName } from '@deriv-auth/core';
import { buildEchoRequest, getRequestSchema, redactRequest } from './protocol.js';
import type { DerivWireError } from './session.js';
import { validateRequest, type JsonSchema } from './validateRequest.js';

/**
 * Deepest nesting of arrays and objects a request may have. Deriv's requests are at most a few
 * levels deep (`passthrough` is the only free-form field); past this the request is refused before
 * anything recursive (redaction, validation, `JSON.stringify` of the echo) walks it.
 */
export const MAX_REQUEST_DEPTH = 64;

/** A frame that could not become a request: the error to answer and the `req_id` to answer it with. */
export interface RefusedFrame {
  readonly refused: DerivWireError;
  /** The request's `req_id` when it was a plain integer, so the client's request still settles. */
  readonly reqId?: number;
  /** What the received log records for it. */
  readonly logText: '<invalid JSON>' | '<nested too deeply>';
}

/** A frame that is a JSON object within {@link MAX_REQUEST_DEPTH}. */
export interface AcceptedFrame {
  readonly request: Record<string, unknown>;
}

const notAnObject: DerivWireError = {
  code: 'BadRequest',
  message: 'The request is not a valid JSON object.',
};

const tooDeep: DerivWireError = {
  code: 'BadRequest',
  message: `The request is nested more than ${MAX_REQUEST_DEPTH} levels deep.`,
};

/**
 * Whether `value` nests arrays and objects deeper than `limit`, measured without recursion (a
 * parsed frame of up to 1 MiB can be half a million levels deep; the stack holds about ten thousand).
 */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
    }
  }
  return false;
}

/**
 * Parses one received frame into a request, or says why not (Deriv's `BadRequest`).
 *
 * @param text - the frame's text, `undefined` for a binary frame
 * @returns the request object, or the refusal to send back
 */
export function readRequestFrame(text: string | undefined): AcceptedFrame | RefusedFrame {
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { refused: notAnObject, logText: '<invalid JSON>' };
  const request = parsed as Record<string, unknown>;
  if (isNestedDeeperThan(request, MAX_REQUEST_DEPTH)) {
    const reqId = request['req_id'];
    return {
      refused: tooDeep,
      logText: '<nested too deeply>',
      ...(Number.isSafeInteger(reqId) ? { reqId: reqId as number } : {}),
    };
  }
  return { request };
}

/** A request ready to be answered: its call, its redacted copy (for the log) and its `echo_req`. */
export interface PreparedRequest {
  readonly request: Record<string, unknown>;
  readonly call: string | undefined;
  /** The request with every secret hidden: what the received log keeps. */
  readonly redacted: Readonly<Record<string, unknown>>;
  /** The redacted request with the schema's `sensitive` fields shown as `<not shown>`. */
  readonly echoRequest: Readonly<Record<string, unknown>>;
  readonly schema: JsonSchema | undefined;
}

/**
 * Names the call of an accepted request and builds its redacted copy and `echo_req` (one redacted
 * copy serves both; neither is mutated afterwards).
 */
export function prepareRequest(request: Record<string, unknown>): PreparedRequest {
  const call = getCallName(request);
  const redacted = redactRequest(request);
  const schema = call === undefined ? undefined : getRequestSchema(call);
  return { request, call, redacted, echoRequest: buildEchoRequest(redacted, schema), schema };
}

/**
 * Deriv's `InputValidationFailed` for a request its call's schema refuses, with one message per
 * offending field; undefined when the request is valid (or the call has no schema here).
 */
export function findValidationError(
  request: Record<string, unknown>,
  schema: JsonSchema | undefined,
): DerivWireError | undefined {
  const details = schema === undefined ? {} : validateRequest(request, schema);
  const fields = Object.keys(details);
  if (fields.length === 0) return undefined;
  return {
    code: 'InputValidationFailed',
    message: `Input validation failed: ${fields.join(', ')}`,
    details,
  };
}
