import {
  authorizeWithToken,
  type AuthorizeInput,
  type AuthorizeResult,
} from './authorizeWithToken.js';
import type { DerivCallMap, DerivRequest, DerivResponseFor, SendOptions } from './calls.js';
import type { ConnectionHandshake } from './connectionHandshake.js';
import { ClientCore } from './internal/clientCore.js';
import { resolveClientOptions, type DerivClientOptions } from './options.js';
import type { ClientDiagnostics, ConnectionSnapshot } from './types.js';

/**
 * A Deriv API WebSocket client: one socket, requests that always settle, keep-alive, reconnects.
 *
 * @example
 * ```ts
 * const client = createDerivClient({ appId: 1089, WebSocket });
 * const { authorize } = { authorize: await client.authorize(token) };
 * ```
 * @see {@link createDerivClient}
 */
export interface DerivClient {
  /**
   * Sends one request and resolves with its reply. It settles exactly once: the reply, a
   * `DerivApiError` (server error), or a {@link DerivConnectionError} (`timeout`, `aborted`,
   * `connection_lost`, `closed`, `queue_full`, `not_connected`, `invalid_response` for a reply
   * that cannot be read, `invalid_option` for a `timeoutMs` that is not a positive number).
   */
  send<Request extends DerivRequest>(
    request: Request,
    options?: SendOptions,
  ): Promise<DerivResponseFor<Request>>;
  /** Authorizes the socket with a token and re-authorizes after every reconnect, before any queued request. */
  authorize(input: string | AuthorizeInput): Promise<AuthorizeResult>;
  /**
   * Logs out (one account with `loginid`, else all). The request waits for the socket to be
   * authorized (during a reconnect or an authorize in flight), so the server revokes the token;
   * without `loginid`, reconnects stop re-authorizing once it settled.
   */
  logout(options?: { loginid?: string | undefined }): Promise<DerivCallMap['logout']['response']>;
  /** Sends `ping`. */
  ping(options?: SendOptions): Promise<DerivCallMap['ping']['response']>;
  /** Opens the socket now instead of on the first request. */
  connect(): void;
  /** Closes for good: pending requests reject with `closed`; resolves once the socket is closed. */
  close(): Promise<void>;
  /** The current {@link ConnectionSnapshot}; the same object until something changes. */
  getSnapshot(): ConnectionSnapshot;
  /** Calls `listener` after each snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Installs the step that makes every new socket usable (see {@link ConnectionHandshake}) and
   * runs it on the open socket; `undefined` removes it. Resolves with its first result.
   */
  setHandshake<Result>(
    handshake: ConnectionHandshake<Result> | undefined,
  ): Promise<Result | undefined>;
  /** Counts of live requests, timers and listeners, for leak checks. */
  getDiagnostics(): ClientDiagnostics;
}

/**
 * Creates a {@link DerivClient}. Nothing connects until the first request (or `connect()`), and
 * nothing global is read before then.
 *
 * @param options - see {@link DerivClientOptions}; only `appId` is required.
 * @returns the client.
 * @throws {TypeError} when `endpoint` is not a valid URL.
 * @example
 * ```ts
 * import WebSocket from 'ws'; // Node only; browsers omit the option
 * const client = createDerivClient({ appId: 1089, WebSocket });
 * const me = await client.authorize(token);
 * console.log(me.loginid, await client.send({ balance: 1 }));
 * await client.close();
 * ```
 * @see https://developers.deriv.com/docs/websockets
 */
export function createDerivClient(options: DerivClientOptions): DerivClient {
  return new DerivClientImpl(resolveClientOptions(options));
}

/**
 * The client is the transport core plus the public methods, on the prototype: a fleet of
 * thousands of clients (a server fanning out users) pays for the methods once, not per client.
 */
class DerivClientImpl extends ClientCore implements DerivClient {
  send<Request extends DerivRequest>(
    request: Request,
    options?: SendOptions,
  ): Promise<DerivResponseFor<Request>> {
    return this.request(request, options) as Promise<DerivResponseFor<Request>>;
  }

  authorize(input: string | AuthorizeInput): Promise<AuthorizeResult> {
    return this.handshakes.set({
      run: ({ send }) => authorizeWithToken(send, input),
    }) as Promise<AuthorizeResult>;
  }

  logout(options?: { loginid?: string | undefined }): Promise<DerivCallMap['logout']['response']> {
    const loginid = options?.loginid;
    // Sent first, through the gate: while reconnecting or authorizing, it goes out once the socket
    // is authorized again, so the token is revoked rather than left valid on the server.
    const reply = this.send(
      loginid === undefined ? { logout: 1 as const } : { logout: 1 as const, loginid },
    );
    // A full logout: afterwards the next socket must not be authorized again behind the user's back.
    if (loginid === undefined)
      void reply.then(
        () => this.handshakes.set(undefined),
        () => this.handshakes.set(undefined),
      );
    return reply;
  }

  ping(options?: SendOptions): Promise<DerivCallMap['ping']['response']> {
    return this.send({ ping: 1 as const }, options);
  }

  close(): Promise<void> {
    return this.terminate(undefined);
  }

  setHandshake<Result>(
    handshake: ConnectionHandshake<Result> | undefined,
  ): Promise<Result | undefined> {
    return this.handshakes.set(handshake) as Promise<Result | undefined>;
  }

  getDiagnostics(): ClientDiagnostics {
    return this.diagnostics();
  }
}
