import { DerivConnectionError } from '../derivConnectionError.js';
import type {
  WebSocketConstructorLike,
  WebSocketEventLike,
  WebSocketLike,
} from '../webSocketLike.js';
import type { CancelTimer, CountedTimers } from './timers.js';

/** The EventEmitter face of Node's `ws` sockets (duck-typed: nothing imports `ws`). */
interface EmitterSocket {
  on(type: string, listener: (...args: never[]) => void): unknown;
  off(type: string, listener: (...args: never[]) => void): unknown;
}

/** How a socket ended. */
export interface SocketEnd {
  /** WebSocket close code; 1006 when the connection broke without a close frame. */
  code: number;
  /** Whether our own `close()` ended it. */
  byClient: boolean;
  /** Whether the socket had opened before it ended. */
  opened: boolean;
  /** Why, as an error fit for `cause` (no token inside). */
  error: DerivConnectionError;
}

/** Callbacks of one {@link SocketConnection}; `onEnd` runs exactly once. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onEnd(end: SocketEnd): void;
}

const OPEN = 1;

/** Grace period for the `close` event after our own `close()`, after which listeners go anyway. */
const CLOSE_GRACE_MS = 3_000;

/**
 * One WebSocket, from construction to its `close` event: it reports open, text messages and one
 * end, enforces the opening deadline, and removes every listener it added once the socket is
 * closed (the `error` and `close` listeners stay until then, because `ws` throws on an `error`
 * nobody listens to).
 */
export class SocketConnection {
  readonly #socket: WebSocketLike;
  readonly #handlers: SocketHandlers;
  readonly #timers: CountedTimers;
  readonly #listeners: [string, (...args: never[]) => void][];
  #emitter = false;
  #cancelConnectTimer: CancelTimer | undefined;
  #cancelGraceTimer: CancelTimer | undefined;
  #opened = false;
  #ended = false;
  #detached = false;
  // Created only when someone waits for it (close()): most sockets never need one.
  #closed: Promise<void> | undefined;
  #resolveClosed: (() => void) | undefined;
  readonly #counters: { socketListeners: number };

  constructor(
    WebSocket: WebSocketConstructorLike,
    url: string,
    handlers: SocketHandlers,
    timers: CountedTimers,
    counters: { socketListeners: number },
    connectTimeoutMs: number,
  ) {
    this.#handlers = handlers;
    this.#counters = counters;
    this.#timers = timers;
    this.#socket = new WebSocket(url);
    const socket = this.#socket as WebSocketLike & Partial<EmitterSocket>;
    if (typeof socket.on === 'function' && typeof socket.off === 'function') {
      // Node's `ws` is also an EventEmitter: its native events skip the per-message MessageEvent
      // and the listener wrappers of its EventTarget layer (less heap per socket, faster replies).
      this.#emitter = true;
      this.#listeners = [
        [
          'open',
          () => {
            this.#onOpen();
          },
        ],
        [
          'message',
          (data: unknown) => {
            this.#onMessage(typeof data === 'string' ? data : String(data));
          },
        ],
        [
          'error',
          (error: unknown) => {
            this.#onError({ error, message: error instanceof Error ? error.message : '' });
          },
        ],
        [
          'close',
          (code: unknown, reason: unknown) => {
            this.#onClose({
              code: typeof code === 'number' ? code : 1006,
              reason: reason instanceof Uint8Array ? new TextDecoder().decode(reason) : '',
            });
          },
        ],
      ] as [string, (...args: never[]) => void][];
      for (const [type, listener] of this.#listeners) socket.on(type, listener);
    } else {
      this.#listeners = [
        [
          'open',
          () => {
            this.#onOpen();
          },
        ],
        [
          'message',
          (event: WebSocketEventLike) => {
            this.#onMessage(event.data);
          },
        ],
        [
          'error',
          (event: WebSocketEventLike) => {
            this.#onError(event);
          },
        ],
        [
          'close',
          (event: WebSocketEventLike) => {
            this.#onClose(event);
          },
        ],
      ] as [string, (...args: never[]) => void][];
      for (const [type, listener] of this.#listeners)
        socket.addEventListener(type, listener as (event: WebSocketEventLike) => void);
    }
    this.#counters.socketListeners += this.#listeners.length;
    this.#cancelConnectTimer = timers.set(() => {
      this.#end(
        1006,
        false,
        new DerivConnectionError(
          'handshake_failed',
          `The WebSocket did not open within ${connectTimeoutMs} ms.`,
          { details: { timeoutMs: connectTimeoutMs } },
        ),
      );
      this.#closeSocket(4000, 'connect timeout');
    }, connectTimeoutMs);
  }

  /** Resolves once the socket is closed and every listener is removed. */
  get closed(): Promise<void> {
    if (this.#detached) return Promise.resolve();
    return (this.#closed ??= new Promise((resolve) => {
      this.#resolveClosed = resolve;
    }));
  }

  /** Whether the socket is open and accepts frames. */
  get isOpen(): boolean {
    return !this.#ended && this.#socket.readyState === OPEN;
  }

  /** Writes one text frame; returns `false` when the socket is not open. */
  send(frame: string): boolean {
    if (!this.isOpen) return false;
    this.#socket.send(frame);
    return true;
  }

  /**
   * Closes the socket on our initiative. `onEnd` runs now (with `byClient: true`) so that callers
   * settle synchronously; {@link SocketConnection.closed} resolves when the `close` event came.
   */
  close(
    code: number,
    reason: string,
    error: DerivConnectionError,
    byClient: boolean,
  ): Promise<void> {
    if (!this.#ended) {
      this.#end(code, byClient, error);
      this.#closeSocket(code, reason);
    }
    return this.closed;
  }

  #closeSocket(code: number, reason: string): void {
    this.#cancelGraceTimer ??= this.#timers.set(() => {
      this.#detach();
    }, CLOSE_GRACE_MS);
    try {
      // Only 1000 and 3000-4999 are valid from a client; a socket still connecting gets no code.
      if (this.#socket.readyState === OPEN)
        this.#socket.close(code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000, reason);
      else this.#socket.close();
    } catch {
      this.#detach();
    }
  }

  #onOpen(): void {
    if (this.#ended) return;
    this.#opened = true;
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = undefined;
    this.#handlers.onOpen();
  }

  #onMessage(data: unknown): void {
    if (this.#ended) return;
    const text = typeof data === 'string' ? data : decode(data);
    this.#handlers.onMessage(text);
  }

  #onError(event: WebSocketEventLike): void {
    const message =
      typeof event.message === 'string' && event.message !== '' ? `: ${event.message}` : '';
    const code = this.#opened ? 'connection_lost' : 'handshake_failed';
    this.#end(
      1006,
      false,
      new DerivConnectionError(code, `The WebSocket failed${message}.`, { cause: event.error }),
    );
    this.#closeSocket(1000, '');
  }

  #onClose(event: WebSocketEventLike): void {
    const code = typeof event.code === 'number' ? event.code : 1006;
    const reason =
      typeof event.reason === 'string' && event.reason !== '' ? ` (${event.reason})` : '';
    const errorCode = this.#opened ? 'connection_lost' : 'handshake_failed';
    this.#end(
      code,
      false,
      new DerivConnectionError(errorCode, `The WebSocket closed with code ${code}${reason}.`, {
        details: { closeCode: code },
      }),
    );
    this.#detach();
  }

  #end(code: number, byClient: boolean, error: DerivConnectionError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = undefined;
    this.#handlers.onEnd({ code, byClient, opened: this.#opened, error });
  }

  #detach(): void {
    if (this.#detached) return;
    this.#detached = true;
    this.#cancelGraceTimer?.();
    this.#cancelGraceTimer = undefined;
    const socket = this.#socket as WebSocketLike & Partial<EmitterSocket>;
    for (const [type, listener] of this.#listeners) {
      if (this.#emitter) socket.off?.(type, listener);
      else socket.removeEventListener(type, listener as (event: WebSocketEventLike) => void);
    }
    this.#counters.socketListeners -= this.#listeners.length;
    this.#resolveClosed?.();
  }
}

function decode(data: unknown): string {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
    return new TextDecoder().decode(data);
  return String(data);
}
