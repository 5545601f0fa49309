import { createDerivApiError, type DerivErrorEnvelope } from '@deriv-auth/core';
import { DerivConnectionError } from '../derivConnectionError.js';
import type { ReplyEnvelope } from './requestManager.js';

/** How server text is cleaned of the client's secrets (see `SecretRegistry`). */
export interface Scrubber {
  /** Bounds text and removes literal and secret-shaped secrets. */
  scrubText(text: string): string;
  /** Removes literal secrets only (keeps JSON text valid). */
  scrubLiterals(text: string): string;
}

/**
 * What one text frame from the server means, decided without throwing:
 *
 * - `reply`: a well-formed success reply; `reqId` names the request it answers, if any.
 * - `error`: a reply that fails a request: a server error (a `DerivApiError`) or a reply that
 *   names a request but cannot be understood (`invalid_response`). `fatal` for `InvalidAppID`,
 *   after which every retry would fail the same way.
 * - `ignored`: not JSON, or no envelope and no readable `req_id`: nothing to settle.
 */
export type DecodedReply =
  | { kind: 'reply'; reqId: number | undefined; reply: ReplyEnvelope }
  | { kind: 'error'; reqId: number | undefined; error: Error; fatal: boolean }
  | { kind: 'ignored'; reason: 'malformed' };

// Deriv's error codes are identifiers (`InvalidToken`, `RateLimit`); anything else is not one.
const ERROR_CODE = /^\w{1,100}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Decodes one text frame into a {@link DecodedReply}. Pure and total: whatever the frame holds
 * (`"error": null`, an `error.code` that is an object, `echo_req` nested 10,000 deep, wrong types
 * in any envelope field), it returns and never throws, because it runs inside the socket's
 * message listener, where a throw would end a Node process.
 *
 * @param text - the frame as received.
 * @param scrub - removes secrets the client holds from server text (messages, details).
 * @returns what to do with the frame.
 */
export function decodeReply(text: string, scrub: Scrubber): DecodedReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'ignored', reason: 'malformed' };
  }
  if (!isRecord(parsed)) return { kind: 'ignored', reason: 'malformed' };
  const reqId = readReqId(parsed['req_id']);
  const msgType = parsed['msg_type'];
  if (typeof msgType !== 'string') return invalid(reqId, '`msg_type` is not a string');
  if (!('error' in parsed) || parsed['error'] === undefined)
    return { kind: 'reply', reqId, reply: parsed as ReplyEnvelope };
  const error = parsed['error'];
  if (!isRecord(error)) return invalid(reqId, '`error` is not an object');
  const { code, message } = error;
  if (typeof code !== 'string' || !ERROR_CODE.test(code))
    return invalid(reqId, '`error.code` is not an error code');
  if (typeof message !== 'string') return invalid(reqId, '`error.message` is not a string');
  try {
    const apiError = createDerivApiError({
      ...(parsed as unknown as DerivErrorEnvelope),
      error: { ...error, code, message: scrub.scrubText(message) },
      req_id: reqId,
    });
    scrubApiError(apiError, scrub);
    return { kind: 'error', reqId, error: apiError, fatal: code === 'InvalidAppID' };
  } catch {
    // Too deep to redact (`echo_req` or `details` nested thousands of levels), or otherwise odd.
    return invalid(reqId, 'the error could not be read');
  }
}

/** A reply that names a request but cannot be understood fails it; one that names none is dropped. */
function invalid(reqId: number | undefined, why: string): DecodedReply {
  return reqId === undefined
    ? { kind: 'ignored', reason: 'malformed' }
    : {
        kind: 'error',
        reqId,
        fatal: false,
        error: new DerivConnectionError(
          'invalid_response',
          `The reply to request ${reqId} could not be understood: ${why}.`,
          { details: { reqId } },
        ),
      };
}

function readReqId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Scrubs the fields of a `DerivApiError` built from server text (its message may quote a token). */
function scrubApiError(error: Error, scrub: Scrubber): void {
  const target = error as unknown as Record<string, unknown>;
  for (const key of ['message', 'serverMessage', 'stack', 'msgType'] as const) {
    const value = target[key];
    if (typeof value === 'string')
      Object.defineProperty(error, key, {
        value: scrub.scrubText(value),
        writable: true,
        configurable: true,
      });
  }
  for (const key of ['details', 'echoReq'] as const) {
    const value = target[key];
    if (value === undefined) continue;
    // JSON round trip: the literal scrub keeps the text valid JSON (`<not shown>` needs no escape).
    const text = JSON.stringify(value);
    const scrubbed = scrub.scrubLiterals(text);
    if (scrubbed !== text)
      Object.defineProperty(error, key, {
        value: JSON.parse(scrubbed) as unknown,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
}
