import { DerivConnectionError } from '../derivConnectionError.js';
import type { DerivRequest, DerivResponse, SendOptions } from '../messageTypes.js';
import { classifyAuthorizationFailure } from './authorizationFailure.js';
import type { SocketConnection } from './socketConnection.js';
import type { CountedTimers } from './timers.js';

/** Why an authorization runs: first socket, a socket after a loss, or a new one on an open socket. */
export type AuthorizationReason = 'connect' | 'reconnect' | 'replace';

/**
 * The step that makes a socket act as a user, as the transport sees it. The public extension point
 * is the session's `Authorizer`; the client's `authorize(token)` and the session build one of these.
 */
export interface AuthorizationStep {
  /** URL for the next socket instead of the client's endpoint (one-time socket URLs). */
  socketUrl?: ((context: { url: string }) => string | Promise<string>) | undefined;
  /** Authorizes the socket through `send` (bound to it); its result resolves the waiters. */
  run: (context: {
    send: (request: DerivRequest, options?: SendOptions) => Promise<DerivResponse>;
    reason: AuthorizationReason;
  }) => Promise<unknown>;
}

/** What the {@link AuthorizationRunner} needs of the transport, and nothing more. */
export interface AuthorizationHost {
  readonly timers: CountedTimers;
  readonly requestTimeoutMs: number;
  readonly socket: SocketConnection | undefined;
  readonly isTerminal: boolean;
  readonly lastError: Error | undefined;
  connect(): void;
  /** Opens a new socket for an authorization that brings its own URL. */
  replaceSocket(): void;
  /** Holds every request but the authorization's own until {@link AuthorizationHost.openGate}. */
  closeGate(): void;
  openGate(socket: SocketConnection): void;
  dropSocket(error: DerivConnectionError): void;
  /** A new authorization (or none) is installed: streams bound to the old account end. */
  identityChanged(): void;
  sendNow(
    request: DerivRequest,
    options: SendOptions | undefined,
    onlyOn: SocketConnection,
  ): Promise<DerivResponse>;
  /**
   * A refusal on `socket`: the queued requests reject with `error`, the gate opens (the socket
   * stays up, unauthorized) and `error` becomes the snapshot's `lastError`.
   */
  refused(error: unknown, socket: SocketConnection): void;
}

interface AuthorizationRecord {
  readonly step: AuthorizationStep;
  waiters: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[];
  /** The socket this authorization last completed on; it reruns on any other. */
  doneOn: SocketConnection | undefined;
  /** Cancels the deadline of the first result (see {@link AuthorizationRunner.set}). */
  cancelDeadline: (() => void) | undefined;
}

/**
 * Runs the installed {@link AuthorizationStep} on each new socket, and once on the open socket
 * when a new one is installed (an account switch), while the transport's gate holds every other
 * request. Only the newest authorization counts: an older run that finishes late (its reply
 * arriving after a switch) is ignored, so a stale account never becomes the active one.
 */
export class AuthorizationRunner {
  readonly #host: AuthorizationHost;
  #record: AuthorizationRecord | undefined;
  #running = false;

  constructor(host: AuthorizationHost) {
    this.#host = host;
  }

  get current(): AuthorizationStep | undefined {
    return this.#record?.step;
  }

  /**
   * Installs `step` (or none) and resolves with its first successful result. The promise has the
   * request deadline (`requestTimeoutMs`): when the socket cannot be opened or authorized in time,
   * it rejects with `timeout` (the connection's last error as `cause`) instead of waiting through
   * every reconnect. The step stays installed and still runs when a socket opens.
   */
  set(step: AuthorizationStep | undefined): Promise<unknown> {
    const host = this.#host;
    host.identityChanged();
    const previous = this.#record;
    if (previous)
      this.#settle(
        previous,
        new DerivConnectionError('aborted', 'A newer authorization replaced this one.'),
      );
    if (!step) {
      this.#record = undefined;
      return Promise.resolve(undefined);
    }
    const record: AuthorizationRecord = {
      step,
      waiters: [],
      doneOn: undefined,
      cancelDeadline: undefined,
    };
    this.#record = record;
    const promise = new Promise((resolve, reject) => {
      record.waiters.push({ resolve, reject });
    });
    const timeoutMs = host.requestTimeoutMs;
    record.cancelDeadline = host.timers.set(() => {
      record.cancelDeadline = undefined;
      const lastError = host.lastError;
      this.#settle(
        record,
        new DerivConnectionError(
          'timeout',
          `The connection was not ready and authorized within ${timeoutMs} ms.`,
          { details: { timeoutMs }, ...(lastError === undefined ? {} : { cause: lastError }) },
        ),
      );
    }, timeoutMs);
    if (host.isTerminal) {
      this.#settle(
        record,
        new DerivConnectionError('closed', 'Cannot authorize: the client is closed.'),
      );
      return promise;
    }
    const socket = host.socket;
    // An authorization with its own socket URL (one-time URLs) needs a new socket, not the open one.
    if (socket?.isOpen && step.socketUrl) host.replaceSocket();
    else if (socket?.isOpen) this.runOn(socket, 'replace');
    else host.connect();
    return promise;
  }

  /** Runs the authorization on `socket` unless one is already running (which then picks up the newest). */
  runOn(socket: SocketConnection, reason: AuthorizationReason): void {
    this.#host.closeGate();
    if (this.#running) return;
    this.#running = true;
    void this.#loop(socket, reason).finally(() => {
      this.#running = false;
    });
  }

  async #loop(firstSocket: SocketConnection, firstReason: AuthorizationReason): Promise<void> {
    const host = this.#host;
    for (;;) {
      // Always the current socket: if the one we started on died mid-run, go on with its successor.
      const socket = host.socket;
      if (!socket?.isOpen) return;
      const record = this.#record;
      if (!record || record.doneOn === socket) {
        host.openGate(socket);
        return;
      }
      let result: unknown;
      try {
        result = await record.step.run({
          // Bound to this socket: a stale run can never write to a later socket.
          send: (request, options) => host.sendNow(request, options, socket),
          reason: socket === firstSocket ? firstReason : 'reconnect',
        });
      } catch (error) {
        if (host.socket !== socket || this.#record !== record) continue; // lost or replaced
        const failure = classifyAuthorizationFailure(error);
        if (failure === 'no_answer')
          host.dropSocket(
            new DerivConnectionError(
              'connection_lost',
              'The authorization got no answer; reconnecting.',
              { cause: error },
            ),
          );
        if (failure !== 'refused') return;
        this.#record = undefined;
        this.#settle(record, error);
        host.refused(error, socket);
        return;
      }
      if (this.#record !== record || host.socket !== socket) continue;
      record.doneOn = socket;
      record.cancelDeadline?.();
      record.cancelDeadline = undefined;
      const waiters = record.waiters;
      record.waiters = [];
      for (const waiter of waiters) waiter.resolve(result);
    }
  }

  /**
   * Rejects whoever waits for the current authorization and forgets it (client closed). The
   * reason is built only when someone waits.
   */
  abandon(reason: () => unknown): void {
    const record = this.#record;
    this.#record = undefined;
    if (record) this.#settle(record, record.waiters.length > 0 ? reason() : undefined);
  }

  #settle(record: AuthorizationRecord, error: unknown): void {
    record.cancelDeadline?.();
    record.cancelDeadline = undefined;
    const waiters = record.waiters;
    record.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
