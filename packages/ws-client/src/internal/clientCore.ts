import { getCallName } from '@deriv-auth/core';
import type { DerivRequest, DerivResponse, SendOptions } from '../calls.js';
import { DerivConnectionError } from '../derivConnectionError.js';
import {
  computeBackoffDelay,
  type DerivClientEvent,
  type ResolvedClientOptions,
} from '../options.js';
import type { ConnectionSnapshot, ClientDiagnostics } from '../types.js';
import type { WebSocketConstructorLike } from '../webSocketLike.js';
import { HandshakeRunner } from './handshakeRunner.js';
import { KeepAlive } from './keepAlive.js';
import { ListenerSet } from './listenerSet.js';
import { RequestManager, type RequestEntry } from './requestManager.js';
import { SocketConnection, type SocketEnd, type SocketOwner } from './socketConnection.js';
import { decodeReply } from './decodeReply.js';
import { SecretRegistry } from './scrubSecrets.js';
import { createCountedTimers, type CancelTimer, type CountedTimers } from './timers.js';
import { timeoutOrError } from './timeoutLimits.js';

const IDLE_SNAPSHOT: ConnectionSnapshot = Object.freeze({ status: 'idle', attempt: 0 });

/** Names a request by its call (`ping`), or its first key for calls core does not know. */
function nameCall(request: object): string {
  return getCallName(request) ?? Object.keys(request)[0] ?? 'unknown';
}

/**
 * The transport: one socket at a time, reconnects with backoff, a gate that holds requests until
 * the socket is open and its handshake (authorize) done. Request bookkeeping lives in
 * {@link RequestManager}, the socket in {@link SocketConnection}, keep-alive in {@link KeepAlive},
 * handshakes in {@link HandshakeRunner}.
 */
export class ClientCore implements SocketOwner {
  readonly options: ResolvedClientOptions;
  readonly timers: CountedTimers;
  readonly requests: RequestManager;
  // Created on first subscribe: most clients of a server-side fleet never get a subscriber.
  #listeners: ListenerSet | undefined;
  /** Listeners attached to sockets, for diagnostics (kept up to date by {@link SocketConnection}). */
  socketListeners = 0;
  readonly #keepAlive: KeepAlive;
  // Created on first use: a client that never installs a handshake needs none.
  #handshakes: HandshakeRunner | undefined;
  #snapshot: ConnectionSnapshot = IDLE_SNAPSHOT;
  #socket: SocketConnection | undefined;
  #lastSocket: SocketConnection | undefined;
  #ready = false;
  #everOpened = false;
  #terminal = false;
  #cancelReconnect: CancelTimer | undefined;
  /**
   * Failed attempts since the connection was last stable (ready for `stableAfterMs`): the retry
   * budget. Not reset by a mere successful handshake, so a server that authorizes and then
   * closes cannot get the token re-sent forever.
   */
  #failures = 0;
  #cancelStable: CancelTimer | undefined;
  /** User callbacks (`onEvent`, `subscribe` listeners) that threw; swallowed and counted. */
  #listenerErrors = 0;
  /** Frames dropped because they could not be understood and named no request. */
  #droppedMessages = 0;
  /** Secrets this client has sent, scrubbed from any text from outside. */
  readonly secrets = new SecretRegistry();

  constructor(options: ResolvedClientOptions) {
    this.options = options;
    this.timers = createCountedTimers(options.clock);
    this.requests = new RequestManager(this.timers);
    this.#keepAlive = new KeepAlive(this, options);
  }

  /** The {@link HandshakeRunner}, created on first use. */
  get handshakes(): HandshakeRunner {
    return (this.#handshakes ??= new HandshakeRunner(this));
  }

  getSnapshot(): ConnectionSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    return (this.#listeners ??= new ListenerSet(() => {
      this.#listenerErrors += 1;
    })).add(listener);
  }

  /**
   * Reports `event` to `onEvent`. A throwing listener is isolated: the error is swallowed and
   * counted (`listenerErrors` in the diagnostics), so it can never make `send` throw, orphan a
   * request or stop the queue. Nothing is logged: the SDK writes no console lines.
   */
  emit(event: DerivClientEvent): void {
    const onEvent = this.options.onEvent;
    if (!onEvent) return;
    try {
      onEvent(event);
    } catch {
      this.#listenerErrors += 1;
    }
  }

  get socket(): SocketConnection | undefined {
    return this.#socket;
  }

  get isTerminal(): boolean {
    return this.#terminal;
  }

  diagnostics(): ClientDiagnostics {
    return {
      inflightRequests: this.requests.inflightCount,
      queuedRequests: this.requests.queuedCount,
      timers: this.timers.live,
      socketListeners: this.socketListeners,
      abortListeners: this.requests.abortListenerCount,
      subscribers: this.#listeners?.size ?? 0,
      listenerErrors: this.#listenerErrors,
      droppedMessages: this.#droppedMessages,
    };
  }

  setSnapshot(next: {
    status?: ConnectionSnapshot['status'];
    attempt?: number;
    lastError?: Error | undefined;
  }): void {
    const previous = this.#snapshot;
    const status = next.status ?? previous.status;
    const attempt = next.attempt ?? previous.attempt;
    const lastError = 'lastError' in next ? next.lastError : previous.lastError;
    if (
      previous.status === status &&
      previous.attempt === attempt &&
      previous.lastError === lastError
    )
      return;
    // Literal shapes, no `delete`: a deleted key would turn the snapshot into a dictionary-mode
    // object several times larger, held by every idle client.
    this.#snapshot = Object.freeze(
      lastError === undefined ? { status, attempt } : { status, attempt, lastError },
    );
    this.#listeners?.notify();
  }

  /** Sends `request` through the gate: now when ready, else queued (or rejected, by option). */
  request(request: DerivRequest, options: SendOptions | undefined): Promise<DerivResponse> {
    return this.#register(request, options, false);
  }

  /** Sends `request` at once on the open socket, ahead of the gate (handshakes, keep-alive). */
  sendNow(
    request: DerivRequest,
    options: SendOptions | undefined,
    onlyOn?: SocketConnection,
  ): Promise<DerivResponse> {
    return this.#register(request, options, true, onlyOn);
  }

  #register(
    request: DerivRequest,
    options: SendOptions | undefined,
    bypassGate: boolean,
    onlyOn?: SocketConnection,
  ): Promise<DerivResponse> {
    const call = nameCall(request);
    if (this.#terminal)
      return Promise.reject(
        new DerivConnectionError('closed', `Cannot send \`${call}\`: the client is closed.`, {
          cause: this.#snapshot.lastError,
        }),
      );
    const signal = options?.signal;
    if (signal?.aborted)
      return Promise.reject(
        new DerivConnectionError('aborted', `\`${call}\` was aborted before it was sent.`, {
          cause: signal.reason,
        }),
      );
    const timeoutMs =
      options?.timeoutMs === undefined
        ? this.options.requestTimeoutMs
        : timeoutOrError('timeoutMs', options.timeoutMs);
    if (typeof timeoutMs !== 'number') return Promise.reject(timeoutMs);
    this.secrets.noteRequest(request);
    const { entry, promise } = this.requests.register(call, request, { timeoutMs, signal });
    const socket = this.#socket;
    if (
      socket?.isOpen &&
      (this.#ready || bypassGate) &&
      (onlyOn === undefined || onlyOn === socket)
    )
      this.write(entry, socket);
    else if (bypassGate)
      this.requests.settle(
        entry,
        new DerivConnectionError(
          'connection_lost',
          `Cannot send \`${call}\`: the socket is not open.`,
        ),
      );
    else if (this.options.queueSize === false) {
      this.requests.settle(
        entry,
        new DerivConnectionError(
          'not_connected',
          `Cannot send \`${call}\`: the socket is not ready and queueing is off.`,
        ),
      );
      this.connect();
    } else if (this.requests.queuedCount >= this.options.queueSize) {
      this.requests.settle(
        entry,
        new DerivConnectionError(
          'queue_full',
          `Cannot send \`${call}\`: ${this.options.queueSize} requests are already waiting for the socket.`,
          { details: { maxSize: this.options.queueSize } },
        ),
      );
    } else {
      this.requests.enqueue(entry);
      this.connect();
    }
    return promise;
  }

  write(entry: RequestEntry, socket: SocketConnection): void {
    if (!socket.send(entry.frame)) {
      this.requests.settle(
        entry,
        new DerivConnectionError(
          'connection_lost',
          `Cannot send \`${entry.call}\`: the socket is not open.`,
        ),
      );
      return;
    }
    this.requests.markInflight(entry);
    this.#keepAlive.noteSent();
    if (this.options.onEvent)
      this.emit({ type: 'request', msgType: entry.call, reqId: entry.reqId });
  }

  /** Starts connecting when idle; does nothing while connecting, open, waiting to retry or closed. */
  connect(): void {
    if (this.#terminal || this.#socket || this.#cancelReconnect || this.#opening) return;
    this.#open();
  }

  #opening = false;

  #open(): void {
    this.#cancelReconnect = undefined;
    const WebSocketCtor =
      this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
    if (!WebSocketCtor) {
      void this.terminate(
        new DerivConnectionError(
          'no_websocket',
          'No WebSocket implementation: pass the `WebSocket` option (in Node: `import WebSocket from "ws"`).',
        ),
      );
      return;
    }
    const attempt = this.#snapshot.attempt;
    this.setSnapshot({ status: this.#everOpened || attempt > 0 ? 'reconnecting' : 'connecting' });
    this.emit({ type: 'connecting', attempt });
    const handshake = this.#handshakes?.current;
    if (handshake?.socketUrl) {
      this.#opening = true;
      const socketUrl = handshake.socketUrl;
      // A user callback: a synchronous throw becomes a rejection like any other failure.
      new Promise<string>((resolve) => {
        resolve(socketUrl({ url: this.options.url }));
      }).then(
        (url) => {
          this.#opening = false;
          if (!this.#terminal) this.#openSocket(WebSocketCtor, url);
        },
        (error: unknown) => {
          this.#opening = false;
          if (!this.#terminal)
            this.#afterLoss(
              new DerivConnectionError('handshake_failed', 'Could not get a URL for the socket.', {
                cause: this.secrets.scrubCause(error),
              }),
            );
        },
      );
    } else this.#openSocket(WebSocketCtor, this.options.url);
  }

  #openSocket(WebSocketCtor: WebSocketConstructorLike, url: string): void {
    let socket: SocketConnection;
    try {
      socket = new SocketConnection(WebSocketCtor, url, this, this.options.connectTimeoutMs);
    } catch (error) {
      this.#afterLoss(
        new DerivConnectionError('handshake_failed', 'The WebSocket could not be created.', {
          cause: this.secrets.scrubCause(error),
        }),
      );
      return;
    }
    this.#socket = socket;
    this.#lastSocket = socket;
  }

  /** {@link SocketOwner}: `socket` opened. */
  socketOpened(socket: SocketConnection): void {
    const reason = this.#everOpened ? 'reconnect' : 'connect';
    this.#everOpened = true;
    this.emit({ type: 'open' });
    this.#keepAlive.start();
    if (this.#handshakes) this.#handshakes.runOn(socket, reason);
    else this.markReady(socket); // no handshake ever installed: the socket is usable at once
  }

  /**
   * Opens the gate: status `open`, queued requests written in order. The retry budget resets
   * only once the socket has stayed up for `stableAfterMs`.
   */
  markReady(socket: SocketConnection): void {
    if (this.#socket !== socket || !socket.isOpen) return;
    this.#ready = true;
    this.setSnapshot({ status: 'open', attempt: 0, lastError: undefined });
    if (this.#failures > 0 && !this.#cancelStable && this.options.reconnect !== false)
      this.#cancelStable = this.timers.set(() => {
        this.#cancelStable = undefined;
        if (this.#socket === socket && this.#ready) this.#failures = 0;
      }, this.options.reconnect.stableAfterMs);
    this.emit({ type: 'ready' });
    for (const entry of this.requests.drainQueue()) this.write(entry, socket);
  }

  /** Closes the gate while a handshake runs on the open socket. */
  closeGate(): void {
    this.#ready = false;
  }

  /**
   * {@link SocketOwner}: a text frame arrived on the current socket. Never throws (it runs in the
   * socket's listener): {@link decodeReply} turns any frame into a reply, an error for the request
   * it names, or a dropped frame (counted in `droppedMessages`, reported as `ignored_message`).
   */
  socketMessage(text: string): void {
    this.#keepAlive.noteReceived();
    const decoded = decodeReply(text, this.secrets);
    if (decoded.kind === 'ignored') {
      this.#droppedMessages += 1;
      this.emit({ type: 'ignored_message', reason: decoded.reason });
      return;
    }
    if (decoded.kind === 'error' && decoded.fatal) {
      // InvalidAppID: the server closes the socket and every retry would fail the same way.
      void this.terminate(decoded.error);
      return;
    }
    const handled =
      decoded.kind === 'error'
        ? this.requests.settleById(decoded.reqId, decoded.error)
        : this.requests.settleById(decoded.reqId, undefined, decoded.reply);
    if (!handled) {
      this.#droppedMessages += 1;
      this.emit({
        type: 'ignored_message',
        reason: decoded.reqId === undefined ? 'no_req_id' : 'unknown_req_id',
      });
    }
  }

  /** {@link SocketOwner}: `socket` ended (once per socket). */
  socketEnded(socket: SocketConnection, end: SocketEnd): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.#ready = false;
    this.#keepAlive.stop();
    this.#cancelStable?.();
    this.#cancelStable = undefined;
    this.emit({ type: 'close', code: end.code, byClient: end.byClient });
    this.requests.rejectInflight(
      (entry) =>
        new DerivConnectionError(
          'connection_lost',
          `The connection was lost before \`${entry.call}\` was answered.`,
          {
            cause: end.error,
            details: { call: entry.call, reqId: entry.reqId, closeCode: end.code },
          },
        ),
    );
    if (this.#terminal || end.byClient) return;
    this.#afterLoss(end.error);
  }

  /**
   * Swaps the open socket for a new one at once (no backoff, not a failure): used when a new
   * handshake brings its own socket URL. In-flight requests reject with `connection_lost`.
   */
  replaceSocket(): void {
    const socket = this.#socket;
    if (!socket) {
      this.connect();
      return;
    }
    this.#socket = undefined;
    this.#ready = false;
    this.#keepAlive.stop();
    const error = new DerivConnectionError(
      'connection_lost',
      'The socket was replaced by one for another authorization.',
    );
    this.emit({ type: 'close', code: 1000, byClient: true });
    this.requests.rejectInflight(
      (entry) =>
        new DerivConnectionError(
          'connection_lost',
          `The socket was replaced before \`${entry.call}\` was answered.`,
          { cause: error },
        ),
    );
    void socket.close(1000, 'replaced', error, true);
    this.#open();
  }

  /** Drops the socket as dead (keep-alive or handshake timeout); reconnects like any loss. */
  dropSocket(error: DerivConnectionError): void {
    const socket = this.#socket;
    if (!socket) return;
    void socket.close(4000, 'no answer', error, false);
  }

  #afterLoss(error: DerivConnectionError): void {
    const reconnect = this.options.reconnect;
    if (reconnect === false) {
      void this.terminate(error);
      return;
    }
    this.#failures += 1;
    const attempt = this.#failures;
    // A connection failure is an error worth reporting, with its (scrubbed) cause.
    this.emit({ type: 'error', error });
    if (attempt > reconnect.maxAttempts) {
      void this.terminate(
        new DerivConnectionError(
          'reconnect_exhausted',
          `Gave up after ${reconnect.maxAttempts} reconnect attempts.`,
          { cause: error, details: { attempts: reconnect.maxAttempts } },
        ),
      );
      return;
    }
    const delayMs = computeBackoffDelay(attempt, reconnect);
    this.setSnapshot({ status: 'reconnecting', attempt, lastError: error });
    this.emit({ type: 'reconnect_scheduled', attempt, delayMs });
    this.#cancelReconnect = this.timers.set(() => {
      this.#open();
    }, delayMs);
  }

  /** Enters the terminal `closed` state: every request rejects, no socket, no timer. */
  terminate(error: Error | undefined): Promise<void> {
    if (this.#terminal) return this.#lastSocket?.closed ?? Promise.resolve();
    this.#terminal = true;
    this.#cancelReconnect?.();
    this.#cancelReconnect = undefined;
    this.#cancelStable?.();
    this.#cancelStable = undefined;
    this.#keepAlive.stop();
    const closed = new DerivConnectionError(
      'closed',
      'The client was closed.',
      error ? { cause: error } : {},
    );
    const reason = error ?? closed;
    if (error) this.emit({ type: 'error', error });
    this.setSnapshot({ status: 'closed', lastError: error });
    this.#handshakes?.abandon(reason);
    this.requests.rejectQueued(() => reason);
    this.requests.rejectInflight(() => reason);
    const socket = this.#socket;
    if (socket) void socket.close(1000, 'client closed', closed, true);
    return this.#lastSocket?.closed ?? Promise.resolve();
  }
}
