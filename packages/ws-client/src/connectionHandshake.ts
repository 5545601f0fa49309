import type { DerivRequest, DerivResponseFor, SendOptions } from './calls.js';

/**
 * What a {@link ConnectionHandshake} gets to work with on a freshly opened (or already open) socket.
 *
 * @example
 * ```ts
 * const handshake: ConnectionHandshake = { run: ({ send }) => send({ authorize: token }) };
 * ```
 * @see {@link ConnectionHandshake}
 */
export interface HandshakeContext {
  /** Sends on this socket at once, ahead of the queued requests, which wait for the handshake. */
  send: <Request extends DerivRequest>(
    request: Request,
    options?: SendOptions,
  ) => Promise<DerivResponseFor<Request>>;
  /** `connect`: first socket; `reconnect`: a socket after a loss; `replace`: a new handshake on an open socket. */
  reason: 'connect' | 'reconnect' | 'replace';
}

/**
 * The step that makes a socket usable for a user: it runs on every new socket before any queued
 * request goes out, and once on the open socket when installed. Sending `authorize` is one such
 * step; Deriv's new API, which opens sockets from a one-time URL, is another (`socketUrl`).
 *
 * @remarks
 * A failure that is a server error (for example `InvalidToken`) removes the handshake, rejects the
 * queued requests with that error and leaves the socket open but unauthorized: the client does not
 * reconnect in a loop. A lost connection or a timeout instead counts as a connection failure and
 * the handshake runs again on the next socket.
 *
 * @example
 * ```ts
 * client.setHandshake({
 *   socketUrl: async () => (await fetchOneTimeUrl()).url,
 *   run: async () => undefined,
 * });
 * ```
 * @see {@link DerivClient.setHandshake}
 */
export interface ConnectionHandshake<Result = unknown> {
  /** URL for the next socket instead of the client's endpoint (for one-time URLs). */
  socketUrl?: ((context: { url: string }) => string | Promise<string>) | undefined;
  /** Makes the socket usable; its result resolves `setHandshake`. */
  run: (context: HandshakeContext) => Promise<Result>;
}
