import { authorizeWithToken, type AuthorizeInput } from './authorizeWithToken.js';
import type { AuthorizeResult } from './authorizeResult.js';
import type { AuthorizationStep } from './internal/authorizationRunner.js';
import { Transport } from './internal/transport.js';
import type { DerivRequest as GeneratedRequest, ExactDerivRequest } from '@deriv-auth/core';
import type { DerivCallMap, DerivResponseFor, SendOptions } from './messageTypes.js';
import { resolveClientOptions, type CreateDerivClientOptions } from './options.js';
import type { DerivStream, StreamOptions } from './streamTypes.js';
import type { ClientDiagnostics, ConnectionSnapshot } from './types.js';

/**
 * A Deriv API WebSocket client: one socket, requests that always settle, keep-alive, reconnects.
 *
 * @example
 * ```ts
 * const client = createDerivClient({ appId: 1089, WebSocket });
 * const me = await client.authorize(token);
 * ```
 */
export interface DerivClient {
  /**
   * Sends one request and resolves with its reply. It settles exactly once: the reply, a
   * `DerivApiError` (server error), or a {@link DerivConnectionError} (`timeout`, `aborted`,
   * `connection_lost`, `closed`, `queue_full`, `not_connected`, `invalid_response` for a reply
   * that cannot be read, `invalid_setting` for a `timeoutMs` that is not a positive number).
   *
   * Typed from Deriv's schemas (core's `DerivCalls`): a misspelled field or a value outside a
   * field's enum is a compile error, and the reply has the call's type. For a call the schemas do
   * not know yet, cast the request: `send({ new_call: 1 } as never)`.
   */
  send<const Request extends GeneratedRequest>(
    request: ExactDerivRequest<Request>,
    options?: SendOptions,
  ): Promise<DerivResponseFor<Request>>;
  /**
   * Subscribes to `request` (sent with `subscribe: 1`) and returns a {@link DerivStream}: iterate
   * it with `for await` or attach `listen`. Identical requests share one server subscription;
   * after a reconnect every stream is re-subscribed once the socket is authorized again, and its
   * consumers get a {@link DerivStreamGap} first. Not to be confused with `subscribe`, which
   * watches the connection snapshot.
   *
   * @throws {DerivConnectionError} `invalid_setting` for a `buffer.keep` that is not a positive integer.
   */
  stream<const Request extends GeneratedRequest>(
    request: ExactDerivRequest<Request>,
    options?: StreamOptions,
  ): DerivStream<DerivResponseFor<Request>>;
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
  /** Counts of live requests, timers and listeners, for leak checks. */
  getDiagnostics(): ClientDiagnostics;
}

/**
 * Creates a {@link DerivClient}. Nothing connects until the first request (or `connect()`), and
 * nothing global is read before then.
 *
 * @param options - see {@link CreateDerivClientOptions}; only `appId` is required.
 * @throws {TypeError} when `endpoint` is not a valid URL.
 * @throws {DerivConnectionError} `invalid_setting` for a duration that is `NaN`, zero or negative.
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
export function createDerivClient(options: CreateDerivClientOptions): DerivClient {
  return new DerivClientImpl(new Transport(resolveClientOptions(options)));
}

/** Reads the transport of a client made by {@link createDerivClient}; set by the class below. */
let readTransport: (client: object) => Transport | undefined;

/**
 * The transport of `client` when {@link createDerivClient} made it, else `undefined`. Internal (not
 * exported by the package): the session installs its authorization through it.
 */
export function transportOf(client: object): Transport | undefined {
  return readTransport(client);
}

/**
 * The public face of a {@link Transport}: only the {@link DerivClient} methods, on the prototype
 * (a fleet of thousands of clients pays for them once), and the transport in a private field, so
 * nothing of the insides (`setSnapshot`, `sendNow`, socket callbacks) is reachable by a user.
 */
class DerivClientImpl implements DerivClient {
  readonly #transport: Transport;

  static {
    readTransport = (client) => (#transport in client ? client.#transport : undefined);
  }

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  send<const Request extends GeneratedRequest>(
    request: ExactDerivRequest<Request>,
    options?: SendOptions,
  ): Promise<DerivResponseFor<Request>> {
    return this.#transport.request(request, options) as Promise<DerivResponseFor<Request>>;
  }

  stream<const Request extends GeneratedRequest>(
    request: ExactDerivRequest<Request>,
    options?: StreamOptions,
  ): DerivStream<DerivResponseFor<Request>> {
    const transport = this.#transport;
    return transport.streams.open(request, options, (subscribe) =>
      transport.request(subscribe, undefined),
    ) as DerivStream<DerivResponseFor<Request>>;
  }

  authorize(input: string | AuthorizeInput): Promise<AuthorizeResult> {
    const step: AuthorizationStep = { run: ({ send }) => authorizeWithToken(send, input) };
    return this.#transport.authorization.set(step) as Promise<AuthorizeResult>;
  }

  logout(options?: { loginid?: string | undefined }): Promise<DerivCallMap['logout']['response']> {
    const loginid = options?.loginid;
    // Sent first, through the gate: while reconnecting or authorizing, it goes out once the socket
    // is authorized again, so the token is revoked rather than left valid on the server.
    const reply = this.send(
      loginid === undefined ? { logout: 1 as const } : { logout: 1 as const, loginid },
    );
    // A full logout: afterwards the next socket must not be authorized again behind the user's back.
    if (loginid === undefined) {
      const forget = (): Promise<unknown> => this.#transport.authorization.set(undefined);
      void reply.then(forget, forget);
    }
    return reply;
  }

  ping(options?: SendOptions): Promise<DerivCallMap['ping']['response']> {
    return this.send({ ping: 1 as const }, options);
  }

  connect(): void {
    this.#transport.connect();
  }

  close(): Promise<void> {
    return this.#transport.terminate(undefined);
  }

  getSnapshot(): ConnectionSnapshot {
    return this.#transport.getSnapshot();
  }

  subscribe(listener: () => void): () => void {
    return this.#transport.subscribe(listener);
  }

  getDiagnostics(): ClientDiagnostics {
    return this.#transport.diagnostics();
  }
}
