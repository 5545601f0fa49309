import type { ConnectionHandshake, HandshakeContext } from '../connectionHandshake.js';
import { DerivConnectionError, isDerivConnectionError } from '../derivConnectionError.js';
import type { ClientCore } from './clientCore.js';
import type { SocketConnection } from './socketConnection.js';

interface HandshakeRecord {
  readonly handshake: ConnectionHandshake;
  waiters: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[];
  /** The socket this handshake last completed on; it reruns on any other. */
  doneOn: SocketConnection | undefined;
  /** Cancels the deadline of the first result (see {@link HandshakeRunner.set}). */
  cancelDeadline: (() => void) | undefined;
}

/**
 * Runs the installed {@link ConnectionHandshake} on each new socket, and once on the open socket
 * when a new one is installed (an account switch), while the client's gate holds every other
 * request. Only the newest handshake counts: an older run that finishes late (its reply arriving
 * after a switch) is ignored, so a stale account never becomes the active one.
 */
export class HandshakeRunner {
  readonly #core: ClientCore;
  #record: HandshakeRecord | undefined;
  #running = false;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  get current(): ConnectionHandshake | undefined {
    return this.#record?.handshake;
  }

  /**
   * Installs `handshake` (or none) and resolves with its first successful result. The promise has
   * the request deadline (`requestTimeoutMs`): when the socket cannot be opened or authorized in
   * time, it rejects with `timeout` (the connection's last error as `cause`) instead of waiting
   * through every reconnect. The handshake stays installed and still runs when a socket opens.
   */
  set(handshake: ConnectionHandshake | undefined): Promise<unknown> {
    const previous = this.#record;
    if (previous)
      this.#settle(
        previous,
        new DerivConnectionError('aborted', 'A newer authorization replaced this one.'),
      );
    if (!handshake) {
      this.#record = undefined;
      return Promise.resolve(undefined);
    }
    const record: HandshakeRecord = {
      handshake,
      waiters: [],
      doneOn: undefined,
      cancelDeadline: undefined,
    };
    this.#record = record;
    const promise = new Promise((resolve, reject) => {
      record.waiters.push({ resolve, reject });
    });
    const timeoutMs = this.#core.options.requestTimeoutMs;
    record.cancelDeadline = this.#core.timers.set(() => {
      record.cancelDeadline = undefined;
      const lastError = this.#core.getSnapshot().lastError;
      this.#settle(
        record,
        new DerivConnectionError(
          'timeout',
          `The connection was not ready and authorized within ${timeoutMs} ms.`,
          { details: { timeoutMs }, ...(lastError === undefined ? {} : { cause: lastError }) },
        ),
      );
    }, timeoutMs);
    if (this.#core.isTerminal) {
      this.#settle(
        record,
        new DerivConnectionError('closed', 'Cannot authorize: the client is closed.'),
      );
      return promise;
    }
    const socket = this.#core.socket;
    // A handshake with its own socket URL (one-time URLs) needs a new socket, not the open one.
    if (socket?.isOpen && handshake.socketUrl) this.#core.replaceSocket();
    else if (socket?.isOpen) this.runOn(socket, 'replace');
    else this.#core.connect();
    return promise;
  }

  /** Runs the handshake on `socket` unless one is already running (which then picks up the newest). */
  runOn(socket: SocketConnection, reason: HandshakeContext['reason']): void {
    this.#core.closeGate();
    if (this.#running) return;
    this.#running = true;
    void this.#loop(socket, reason).finally(() => {
      this.#running = false;
    });
  }

  async #loop(
    firstSocket: SocketConnection,
    firstReason: HandshakeContext['reason'],
  ): Promise<void> {
    for (;;) {
      // Always the current socket: if the one we started on died mid-run, go on with its successor.
      const socket = this.#core.socket;
      if (!socket?.isOpen) return;
      const record = this.#record;
      if (!record || record.doneOn === socket) {
        this.#core.markReady(socket);
        return;
      }
      const context: HandshakeContext = {
        // Bound to this socket: a stale run can never write to a later socket.
        send: (request, options) => this.#core.sendNow(request, options, socket) as never,
        reason: socket === firstSocket ? firstReason : 'reconnect',
      };
      let result: unknown;
      try {
        result = await record.handshake.run(context);
      } catch (error) {
        if (this.#core.socket !== socket || this.#record !== record) continue; // lost or replaced
        if (isDerivConnectionError(error) && error.code === 'timeout') {
          this.#core.dropSocket(
            new DerivConnectionError(
              'connection_lost',
              'The handshake got no answer; reconnecting.',
              { cause: error },
            ),
          );
          return;
        }
        if (
          isDerivConnectionError(error) &&
          (error.code === 'connection_lost' || error.code === 'closed')
        )
          return;
        // A refusal (InvalidToken, account mismatch...): stop here, no retry loop.
        this.#record = undefined;
        this.#settle(record, error);
        this.#core.requests.rejectQueued(() => error);
        this.#core.markReady(socket);
        this.#core.setSnapshot({ lastError: error instanceof Error ? error : undefined });
        return;
      }
      if (this.#record !== record || this.#core.socket !== socket) continue;
      record.doneOn = socket;
      record.cancelDeadline?.();
      record.cancelDeadline = undefined;
      const waiters = record.waiters;
      record.waiters = [];
      for (const waiter of waiters) waiter.resolve(result);
    }
  }

  /** Rejects whoever waits for the current handshake and forgets it (client closed). */
  abandon(error: unknown): void {
    const record = this.#record;
    this.#record = undefined;
    if (record) this.#settle(record, error);
  }

  #settle(record: HandshakeRecord, error: unknown): void {
    record.cancelDeadline?.();
    record.cancelDeadline = undefined;
    const waiters = record.waiters;
    record.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
