import { SnapshotStore, isDerivAuthError } from '@deriv-auth/core';
import { DerivConnectionError } from '../derivConnectionError.js';
import type { DerivRequest, DerivResponse, SendOptions } from '../messageTypes.js';
import type { DerivClientEvent, ResolvedClientOptions } from '../options.js';
import type { ClientDiagnostics, ConnectionSnapshot } from '../types.js';
import {
  AuthorizationRunner,
  type AuthorizationHost,
  type AuthorizationStep,
} from './authorizationRunner.js';
import {
  IDLE_SNAPSHOT,
  nextConnectionSnapshot,
  type ConnectionSnapshotPatch,
} from './connectionSnapshot.js';
import { KeepAlive, type KeepAliveHost } from './keepAlive.js';
import { ReconnectManager, type ReconnectHost } from './reconnectManager.js';
import { routeReply, type ReplyRouterHost } from './replyRouter.js';
import {
  rejectInflightOnLoss,
  rejectInflightOnReplace,
  sendThroughGate,
  writeRequest,
  type GateHost,
} from './requestGate.js';
import { RequestManager } from './requestManager.js';
import { SecretRegistry } from './secretRegistry.js';
import type { SocketConnection, SocketEnd } from './socketConnection.js';
import { openNextSocket, type SocketOpenerHost } from './socketOpener.js';
import { StreamHub, type StreamHubHost } from './streams/streamHub.js';
import { createCountedTimers, type CountedTimers } from './timers.js';

/**
 * The transport behind a `DerivClient`: one socket at a time and the gate that holds requests
 * until it is open and authorized. Each job sits in its own file behind a narrow host interface
 * that this class implements: the socket in {@link SocketConnection}, requests in
 * {@link RequestManager} and `requestGate`, replies in `replyRouter`, retries in
 * {@link ReconnectManager}, keep-alive in {@link KeepAlive}, authorization in
 * {@link AuthorizationRunner}. Internal: the public client holds it in a private field.
 */
export class Transport
  implements
    SocketOpenerHost,
    GateHost,
    ReplyRouterHost,
    KeepAliveHost,
    ReconnectHost,
    AuthorizationHost,
    StreamHubHost
{
  // At most 15 fields, counting the brand V8 adds for private methods (the test
  // `objectShapes.test.ts` guards it). V8 sizes a class at its 7th construction from its live
  // instances; with none alive then (the first clients all closed and collected), later instances
  // keep their fields out of line, and one whose 16th out-of-line field is private turns into a
  // dictionary: ~650 B more per connection. So the gate's readiness is the socket's
  // (`SocketConnection.ready`), the timers are the request manager's, and counters share one object.
  readonly options: ResolvedClientOptions;
  readonly requests: RequestManager;
  /** Secrets this client has sent, scrubbed from any text from outside. */
  readonly secrets = new SecretRegistry();
  /** Counters for diagnostics; `socketListeners` is kept up to date by {@link SocketConnection}. */
  readonly counts = { socketListeners: 0, listenerErrors: 0, droppedMessages: 0 };
  readonly #store: SnapshotStore<ConnectionSnapshot>;
  readonly #keepAlive: KeepAlive;
  // Created at the first loss: a healthy client never needs one.
  #reconnect: ReconnectManager | undefined;
  // Created on first use: a client that never authorizes needs none.
  #authorization: AuthorizationRunner | undefined;
  // Created by the first stream.
  #streams: StreamHub | undefined;
  #socket: SocketConnection | undefined;
  #lastSocket: SocketConnection | undefined;
  #everOpened = false;
  #terminal = false;
  /**
   * While the next socket's URL is fetched: `fetching` (so `connect()` starts no second attempt),
   * or `cancelled` when a sign-out came meanwhile (the URL is then dropped, not opened).
   */
  #urlFetch: 'fetching' | 'cancelled' | undefined;

  constructor(options: ResolvedClientOptions) {
    this.options = options;
    this.requests = new RequestManager(createCountedTimers(options.clock));
    // No `onListenerError` closure held by every client: `subscribe` wraps each listener instead.
    this.#store = new SnapshotStore(IDLE_SNAPSHOT);
    this.#keepAlive = new KeepAlive(this, options);
  }

  /** The current snapshot. */
  getSnapshot(): ConnectionSnapshot {
    return this.#store.getSnapshot();
  }

  /**
   * Subscribes `listener` to snapshot changes. A listener that throws is isolated: the error is
   * swallowed and counted (`listenerErrors`), so it can never stop the other listeners.
   */
  subscribe(listener: () => void): () => void {
    return this.#store.subscribe(() => {
      try {
        listener();
      } catch {
        this.counts.listenerErrors += 1;
      }
    });
  }

  /** The {@link AuthorizationRunner}, created on first use. */
  get authorization(): AuthorizationRunner {
    return (this.#authorization ??= new AuthorizationRunner(this));
  }

  /** The {@link StreamHub}, created by the first stream. */
  get streams(): StreamHub {
    return (this.#streams ??= new StreamHub(this));
  }
  get streamHub(): StreamHub | undefined {
    return this.#streams;
  }
  get nextReqId(): number {
    return this.requests.nextReqId;
  }
  identityChanged(): void {
    this.#streams?.identityChanged();
  }

  get socket(): SocketConnection | undefined {
    return this.#socket;
  }
  get isTerminal(): boolean {
    return this.#terminal;
  }
  get isReady(): boolean {
    return this.#socket?.ready === true;
  }
  get timers(): CountedTimers {
    return this.requests.timers;
  }
  get lastError(): Error | undefined {
    return this.#store.getSnapshot().lastError;
  }
  get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs;
  }

  /** Counts a user callback that threw (a `subscribe` listener of the client or its session). */
  noteListenerError(): void {
    this.counts.listenerErrors += 1;
  }

  /**
   * Reports `event` to `onEvent`. A throwing listener is isolated: the error is swallowed and
   * counted (`listenerErrors`), so it can never make `send` throw, orphan a request or stop the
   * queue. Nothing is logged: the SDK writes no console lines.
   */
  emit(event: DerivClientEvent): void {
    const onEvent = this.options.onEvent;
    if (!onEvent) return;
    try {
      onEvent(event);
    } catch {
      this.counts.listenerErrors += 1;
    }
  }

  diagnostics(): ClientDiagnostics {
    return {
      inflightRequests: this.requests.inflightCount,
      queuedRequests: this.requests.queuedCount,
      timers: this.timers.live,
      socketListeners: this.counts.socketListeners,
      abortListeners: this.requests.abortListenerCount,
      subscribers: this.#store.listenerCount,
      listenerErrors: this.counts.listenerErrors,
      droppedMessages: this.counts.droppedMessages,
      streams: this.#streams?.size ?? 0,
      streamConsumers: this.#streams?.consumers ?? 0,
    };
  }

  setSnapshot(patch: ConnectionSnapshotPatch): void {
    this.#store.setSnapshot(nextConnectionSnapshot(this.#store.getSnapshot(), patch));
  }

  /** Sends `request` through the gate (see `sendThroughGate`). */
  request(request: DerivRequest, options: SendOptions | undefined): Promise<DerivResponse> {
    return sendThroughGate(this, request, options, false);
  }

  /** Sends `request` at once on the open socket, ahead of the gate (authorization, keep-alive). */
  sendNow(
    request: DerivRequest,
    options: SendOptions | undefined,
    onlyOn?: SocketConnection,
  ): Promise<DerivResponse> {
    return sendThroughGate(this, request, options, true, onlyOn);
  }

  noteSent(now?: number): void {
    this.#keepAlive.noteSent(now);
  }

  /** Starts connecting when idle; does nothing while connecting, open, waiting to retry or closed. */
  connect(): void {
    // A socket still being opened serves this request, even one a sign-out had cancelled.
    if (this.#urlFetch) this.#urlFetch = 'fetching';
    if (this.#terminal || this.#socket || this.#reconnect?.waiting || this.#urlFetch) return;
    this.reopen();
  }

  urlFetchStarted(): void {
    this.#urlFetch = 'fetching';
  }

  urlFetchEnded(): boolean {
    const wanted = this.#urlFetch === 'fetching';
    this.#urlFetch = undefined;
    return wanted;
  }

  /** Opens the next socket (see `openNextSocket`). */
  reopen(): void {
    this.#reconnect?.retryStarted();
    openNextSocket(this);
  }

  get everOpened(): boolean {
    return this.#everOpened;
  }
  get attempt(): number {
    return this.#store.getSnapshot().attempt;
  }
  get socketUrl(): AuthorizationStep['socketUrl'] {
    return this.#authorization?.current?.socketUrl;
  }

  socketCreated(socket: SocketConnection): void {
    this.#socket = socket;
    this.#lastSocket = socket;
  }

  openFailed(error: DerivConnectionError): void {
    this.#afterLoss(error);
  }

  /** {@link SocketOwner}: `socket` opened. */
  socketOpened(socket: SocketConnection): void {
    const reason = this.#everOpened ? 'reconnect' : 'connect';
    this.#everOpened = true;
    this.emit({ type: 'open' });
    this.#keepAlive.start();
    if (this.#authorization) this.#authorization.runOn(socket, reason);
    else this.openGate(socket); // never authorized: the socket is usable at once
  }

  /** Status `open`, queued requests written in order. */
  openGate(socket: SocketConnection): void {
    if (this.#socket !== socket || !socket.isOpen) return;
    socket.ready = true;
    this.setSnapshot({ status: 'open', attempt: 0, lastError: undefined });
    this.#reconnect?.ready(() => this.#socket === socket && socket.ready);
    this.emit({ type: 'ready' });
    // Streams lost with the last socket come back first, in the order they were opened.
    this.#streams?.ready();
    for (const entry of this.requests.drainQueue()) writeRequest(this, entry, socket);
  }

  closeGate(): void {
    if (this.#socket) this.#socket.ready = false;
  }

  /** {@link AuthorizationHost}: the authorization was refused on `socket`. */
  refused(error: unknown, socket: SocketConnection): void {
    // A custom authorizer's own error is outside text (it may quote a token or a one-time URL):
    // queued requests and the snapshot get a scrubbed copy; the SDK's own errors are clean already.
    const reported = isDerivAuthError(error) ? error : this.secrets.scrubCause(error);
    this.requests.rejectQueued(() => reported);
    this.openGate(socket);
    this.setSnapshot({ lastError: reported instanceof Error ? reported : undefined });
  }

  /** {@link SocketOwner}: a text frame arrived on the current socket. */
  socketMessage(text: string): void {
    this.#keepAlive.noteReceived();
    routeReply(this, text);
  }

  dropped(reason: Extract<DerivClientEvent, { type: 'ignored_message' }>['reason']): void {
    this.counts.droppedMessages += 1;
    this.emit({ type: 'ignored_message', reason });
  }

  /** {@link SocketOwner}: `socket` ended (once per socket). */
  socketEnded(socket: SocketConnection, end: SocketEnd): void {
    if (this.#socket !== socket) return;
    this.#detachSocket();
    this.#reconnect?.socketEnded();
    this.emit({ type: 'close', code: end.code, byClient: end.byClient });
    this.#streams?.lost();
    rejectInflightOnLoss(this.requests, end);
    if (this.#terminal || end.byClient) return;
    this.#afterLoss(end.error);
  }

  #afterLoss(error: DerivConnectionError): void {
    (this.#reconnect ??= new ReconnectManager(this, this.options.reconnect)).afterLoss(error);
  }

  #detachSocket(): void {
    this.#socket = undefined;
    this.#keepAlive.stop();
  }

  /**
   * Swaps the open socket for a new one at once (no backoff, not a failure): used when a new
   * authorization brings its own socket URL. In-flight requests reject with `connection_lost`.
   */
  replaceSocket(): void {
    const socket = this.#socket;
    if (!socket) {
      this.connect();
      return;
    }
    this.#detachSocket();
    this.emit({ type: 'close', code: 1000, byClient: true });
    this.#streams?.lost();
    const error = rejectInflightOnReplace(this.requests);
    void socket.close(1000, 'replaced', error, true);
    this.reopen();
  }

  /** {@link SocketOpenerHost}: no socket URL, for good; the authorization and the queue fail with `error`. */
  socketUrlRefused(error: Error): void {
    this.#authorization?.abandon(() => error);
    this.requests.rejectQueued(() => error);
    this.setSnapshot({ status: 'idle', attempt: 0, lastError: error });
  }

  /** Closes the open socket without reconnecting (a local logout); the next request opens one. */
  closeSocket(): void {
    const socket = this.#socket;
    if (!socket) {
      // Signed out while the next socket's URL was being fetched: that URL is not opened.
      if (this.#urlFetch) {
        this.#urlFetch = 'cancelled';
        this.setSnapshot({ status: 'idle', attempt: 0 });
      }
      return;
    }
    this.#detachSocket();
    this.emit({ type: 'close', code: 1000, byClient: true });
    const error = rejectInflightOnReplace(this.requests);
    void socket.close(1000, 'signed out', error, true);
    this.setSnapshot({ status: 'idle', attempt: 0 });
  }

  /** Drops the socket as dead (keep-alive or authorization timeout); reconnects like any loss. */
  dropSocket(error: DerivConnectionError): void {
    void this.#socket?.close(4000, 'no answer', error, false);
  }

  /** Enters the terminal `closed` state: every request rejects, no socket, no timer. */
  terminate(error: Error | undefined): Promise<void> {
    if (this.#terminal) return this.#lastSocket?.closed ?? Promise.resolve();
    this.#terminal = true;
    this.#reconnect?.stop();
    this.#keepAlive.stop();
    // Built only when something is rejected with it: closing an idle client builds no error.
    let closed: DerivConnectionError | undefined;
    const closedError = (): DerivConnectionError =>
      (closed ??= new DerivConnectionError(
        'closed',
        'The client was closed.',
        error ? { cause: error } : {},
      ));
    const reason = (): Error => error ?? closedError();
    if (error) this.emit({ type: 'error', error });
    this.setSnapshot({ status: 'closed', lastError: error });
    this.#authorization?.abandon(reason);
    this.#streams?.terminate(reason());
    this.requests.rejectQueued(reason);
    this.requests.rejectInflight(reason);
    const socket = this.#socket;
    if (socket) void socket.close(1000, 'client closed', closedError, true);
    return this.#lastSocket?.closed ?? Promise.resolve();
  }
}
