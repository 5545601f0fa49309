import { DerivAuthError, isDerivAuthError } from '@deriv-auth/core';

/**
 * Every {@link DerivConnectionErrorCode}, for exhaustive checks and tests.
 *
 * - `timeout`: no reply within the request's time limit.
 * - `aborted`: the caller's `AbortSignal` fired, or a newer authorization replaced this one.
 * - `connection_lost`: the socket closed while the request was in flight; the server may or may
 *   not have processed it.
 * - `closed`: the client was closed (by `close()` or after a fatal condition) and sends nothing.
 * - `queue_full`: too many requests were waiting for the socket.
 * - `not_connected`: the socket is not ready and queueing is disabled.
 * - `connect_failed`: the WebSocket could not be opened (refused, stalled, unreachable, or no
 *   socket URL could be obtained).
 * - `reconnect_exhausted`: every allowed reconnect attempt failed.
 * - `no_websocket`: no WebSocket constructor was passed and none exists globally.
 * - `invalid_response`: a reply did not have the shape its call promises, or could not be read at
 *   all (a malformed error envelope): the request it names rejects with this code.
 * - `invalid_setting`: an option or a per-call setting is out of range (a timeout that is `NaN`,
 *   zero or negative, a stream buffer that keeps fewer than one item); thrown by `createDerivClient`
 *   or `stream`, or the rejection of the call.
 * - `stream_overflow`: a stream with the `'error'` buffer policy had more unread items than it
 *   may hold; the stream ended.
 */
export const DERIV_CONNECTION_ERROR_CODES = [
  'timeout',
  'aborted',
  'connection_lost',
  'closed',
  'queue_full',
  'not_connected',
  'connect_failed',
  'reconnect_exhausted',
  'no_websocket',
  'invalid_response',
  'invalid_setting',
  'stream_overflow',
] as const;

/** Why a request or the connection failed on the client side (see {@link DERIV_CONNECTION_ERROR_CODES}). */
export type DerivConnectionErrorCode = (typeof DERIV_CONNECTION_ERROR_CODES)[number];

/**
 * A client-side failure of the transport: timeout, abort, lost or closed socket, full queue.
 *
 * @remarks
 * Messages name the call and the limit that was hit, never a request body or a token.
 *
 * @example
 * ```ts
 * try { await client.ping() } catch (error) {
 *   if (isDerivConnectionError(error) && error.code === 'timeout') console.log('try again');
 * }
 * ```
 */
export class DerivConnectionError extends DerivAuthError<DerivConnectionErrorCode> {
  override name = 'DerivConnectionError';
}

/**
 * Tells whether `value` is a {@link DerivConnectionError}, even one thrown by a second installed
 * copy of this package.
 *
 * @param value - anything caught.
 * @example
 * ```ts
 * const offline = isDerivConnectionError(error) && error.code === 'connection_lost';
 * ```
 */
export function isDerivConnectionError(value: unknown): value is DerivConnectionError {
  return isNamedDerivError(value, 'DerivConnectionError');
}

/** True for an SDK error (any copy) with the given class name. */
export function isNamedDerivError(value: unknown, name: string): boolean {
  return isDerivAuthError(value) && value.name === name;
}
