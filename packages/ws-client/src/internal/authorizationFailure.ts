import { isDerivConnectionError } from '../derivConnectionError.js';

/**
 * What a failed authorization means for the connection, decided in this one place for the
 * transport (which drops, waits or gives up) and the session (which ends or keeps its state):
 *
 * - `no_answer`: the authorization timed out; the socket is presumed dead and is dropped, and the
 *   authorization runs again on the next socket.
 * - `connection_lost`: the socket went away meanwhile; the next socket runs it again.
 * - `refused`: anything else (a server error such as `InvalidToken`, a reply that cannot be read,
 *   an account mismatch): no retry would help, so the authorization is removed and the queued
 *   requests reject with this error. The socket stays open but unauthorized: no reconnect loop.
 */
export type AuthorizationFailure = 'no_answer' | 'connection_lost' | 'refused';

/** Classifies what an authorization threw (see {@link AuthorizationFailure}). */
export function classifyAuthorizationFailure(error: unknown): AuthorizationFailure {
  if (!isDerivConnectionError(error)) return 'refused';
  if (error.code === 'timeout') return 'no_answer';
  if (error.code === 'connection_lost' || error.code === 'closed') return 'connection_lost';
  return 'refused';
}
