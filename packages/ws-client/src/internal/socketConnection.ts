import { DerivConnectionError } from '../derivConnectionError.js';
import type {
  WebSocketConstructorLike,
  WebSocketEventLike,
  WebSocketLike,
} from '../webSocketLike.js';
import type { SecretRegistry } from './secretRegistry.js';
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
  /**
   * Why, as an error fit for `cause` (no token inside). Built on first read: most ends (a
   * client closing an idle socket) reject nothing, and an error's stack trace is the dearest
   * part of a close.
   */
  readonly error: DerivConnectionError;
}

/** A socket end's error, or how to build it when someone reads it. */
export type EndError = DerivConnectionError | (() => DerivConnectionError);

/**
 * What a {@link SocketConnection} reports to (the client core): callbacks as methods of one owner,
 * so a socket costs no handler object and no closures. `socketEnded` runs exactly once.
 */
export interface SocketOwner {
  readonly timers: CountedTimers;
  /** Scrubs the client's secrets from close reasons and error causes. */
  readonly secrets: SecretRegistry;
  /** `socketListeners`: listeners currently attached to sockets, for diagnostics. */
  readonly counts: { socketListeners: number };
  socketOpened(connection: SocketConnection): void;
  socketMessage(text: string): void;
  socketEnded(connection: SocketConnection, end: SocketEnd): void;
}

const OPEN = 1;

/** Where an EventEmitter socket finds its {@link SocketConnection} (listeners get it as `this`). */
const CONNECTION = Symbol('derivSocketConnection');
type OwnedSocket = WebSocketLike & EmitterSocket & { [CONNECTION]?: SocketConnection | undefined };

// Shared listeners for Node's `ws` (an EventEmitter calls them with the socket as `this`): one set
// for every socket instead of four closures each.
function onEmitterOpen(this: OwnedSocket): void {
  this[CONNECTION]?.handleOpen();
}
function onEmitterMessage(this: OwnedSocket, data: unknown): void {
  // `toString()` straight away (a Buffer decodes as UTF-8): `String(data)` takes the slower generic
  // conversion first. `ws` never emits null or undefined data.
  this[CONNECTION]?.handleMessage(
    typeof data === 'string' ? data : (data as { toString(): string }).toString(),
  );
}
function onEmitterError(this: OwnedSocket, error: unknown): void {
  this[CONNECTION]?.handleError({ error, message: error instanceof Error ? error.message : '' });
}
function onEmitterClose(this: OwnedSocket, code: unknown, reason: unknown): void {
  // The reason stays a Buffer here: it is decoded only if the end's error is ever built.
  this[CONNECTION]?.handleClose({ code: typeof code === 'number' ? code : 1006, reason });
}
// Stays on a detached EventEmitter socket for its whole life: `ws` throws (and a Node process exits)
// when it emits `error` with no listener, and a closing socket may still receive a bad frame.
function ignoreLateError(): void {
  // The socket is gone for us; its late error concerns nobody.
}
// `message` is added once the socket is open, and `open` then removed: `ws` keeps its listeners in a
// dictionary-mode object that grows from about 160 B to 256 B when it holds a fourth event name.
const EMITTER_LISTENERS = [
  ['open', onEmitterOpen],
  ['error', onEmitterError],
  ['close', onEmitterClose],
  ['message', onEmitterMessage],
] as unknown as readonly [string, (...args: never[]) => void][];
/** The listeners a socket holds before it opens (`message` not yet): as many as after. */
const LISTENERS_BEFORE_OPEN = EMITTER_LISTENERS.slice(0, 3);
/** How many listeners a `ws` socket holds at any time (three: `open` or `message`, `error`, `close`). */
const EMITTER_LISTENER_COUNT = LISTENERS_BEFORE_OPEN.length;

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
  readonly #owner: SocketOwner;
  /** Listeners of an EventTarget socket; `undefined` for an EventEmitter (shared listeners). */
  readonly #listeners: [string, (event: WebSocketEventLike) => void][] | undefined;
  #cancelConnectTimer: CancelTimer | undefined;
  #cancelGraceTimer: CancelTimer | undefined;
  #opened = false;
  #ended = false;
  #detached = false;
  // Created only when someone waits for it (close()): most sockets never need one.
  #closed: Promise<void> | undefined;
  #resolveClosed: (() => void) | undefined;
  /**
   * Open, authorized (or needing no authorization) and serving the queue: the gate the transport
   * opens on this socket. A new socket starts with its gate shut.
   */
  ready = false;

  constructor(
    WebSocket: WebSocketConstructorLike,
    url: string,
    owner: SocketOwner,
    connectTimeoutMs: number,
  ) {
    this.#owner = owner;
    this.#socket = new WebSocket(url);
    const socket = this.#socket as WebSocketLike & Partial<EmitterSocket>;
    if (typeof socket.on === 'function' && typeof socket.off === 'function') {
      // Node's `ws` is also an EventEmitter: its native events skip the per-message MessageEvent
      // and the listener wrappers of its EventTarget layer (less heap per socket, faster replies).
      (socket as OwnedSocket)[CONNECTION] = this;
      this.#listeners = undefined;
      // `message` waits for `open` (see EMITTER_LISTENERS).
      for (const [type, listener] of LISTENERS_BEFORE_OPEN) socket.on(type, listener);
    } else {
      this.#listeners = [
        [
          'open',
          () => {
            this.handleOpen();
          },
        ],
        [
          'message',
          (event) => {
            this.handleMessage(event.data);
          },
        ],
        [
          'error',
          (event) => {
            this.handleError(event);
          },
        ],
        [
          'close',
          (event) => {
            this.handleClose(event);
          },
        ],
      ];
      for (const [type, listener] of this.#listeners) socket.addEventListener(type, listener);
    }
    owner.counts.socketListeners += this.#listeners
      ? this.#listeners.length
      : EMITTER_LISTENER_COUNT;
    this.#cancelConnectTimer = owner.timers.set(() => {
      this.#end(
        1006,
        false,
        () =>
          new DerivConnectionError(
            'connect_failed',
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
  close(code: number, reason: string, error: EndError, byClient: boolean): Promise<void> {
    if (!this.#ended) {
      this.#end(code, byClient, error);
      this.#closeSocket(code, reason);
    }
    return this.closed;
  }

  #closeSocket(code: number, reason: string): void {
    this.#cancelGraceTimer ??= this.#owner.timers.set(() => {
      // No close event in time: end the socket for good (`ws` has `terminate()`), then detach.
      try {
        (this.#socket as { terminate?: () => void }).terminate?.();
      } catch {
        // Already gone.
      }
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

  /** The socket's `open` event. @internal */
  handleOpen(): void {
    if (this.#ended) return;
    this.#opened = true;
    if (!this.#listeners) {
      const socket = this.#socket as OwnedSocket;
      socket.off('open', onEmitterOpen);
      socket.on('message', onEmitterMessage);
    }
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = undefined;
    this.#owner.socketOpened(this);
  }

  /** A `message` event's data. @internal */
  handleMessage(data: unknown): void {
    if (this.#ended) return;
    const text = typeof data === 'string' ? data : decode(data);
    this.#owner.socketMessage(text);
  }

  /** The socket's `error` event. @internal */
  handleError(event: WebSocketEventLike): void {
    const secrets = this.#owner.secrets;
    const message =
      typeof event.message === 'string' && event.message !== ''
        ? `: ${secrets.scrubText(event.message)}`
        : '';
    const code = this.#opened ? 'connection_lost' : 'connect_failed';
    this.#end(1006, false, () => {
      const cause = secrets.scrubCause(event.error);
      return new DerivConnectionError(
        code,
        `The WebSocket failed${message}.`,
        cause === undefined ? {} : { cause },
      );
    });
    this.#closeSocket(1000, '');
  }

  /** The socket's `close` event (`reason` a string, or a `ws` Buffer). @internal */
  handleClose(event: { readonly code?: number; readonly reason?: unknown }): void {
    const code = typeof event.code === 'number' ? event.code : 1006;
    const errorCode = this.#opened ? 'connection_lost' : 'connect_failed';
    const secrets = this.#owner.secrets;
    // Decoded and scrubbed only when the error is read: a socket we closed ourselves has already
    // ended, and this error is then never built.
    this.#end(code, false, () => {
      const raw = event.reason;
      const text = raw instanceof Uint8Array ? new TextDecoder().decode(raw) : raw;
      // The reason is server text (it may quote a token: `4001 "revoked a1-..."`): scrubbed, then
      // bounded (cut first, half a token would no longer match the scrubber).
      const reason =
        typeof text === 'string' && text !== ''
          ? ` (${secrets.scrubText(text).slice(0, 123)})`
          : '';
      return new DerivConnectionError(
        errorCode,
        `The WebSocket closed with code ${code}${reason}.`,
        { details: { closeCode: code } },
      );
    });
    this.#detach();
  }

  #end(code: number, byClient: boolean, error: EndError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = undefined;
    let built = typeof error === 'function' ? undefined : error;
    this.#owner.socketEnded(this, {
      code,
      byClient,
      opened: this.#opened,
      get error() {
        built ??= (error as () => DerivConnectionError)();
        return built;
      },
    });
  }

  #detach(): void {
    if (this.#detached) return;
    this.#detached = true;
    this.#cancelGraceTimer?.();
    this.#cancelGraceTimer = undefined;
    const listeners = this.#listeners;
    if (listeners) {
      for (const [type, listener] of listeners) this.#socket.removeEventListener(type, listener);
    } else {
      const socket = this.#socket as OwnedSocket;
      for (const [type, listener] of EMITTER_LISTENERS) socket.off(type, listener);
      socket.on('error', ignoreLateError);
      socket[CONNECTION] = undefined;
    }
    this.#owner.counts.socketListeners -= listeners ? listeners.length : EMITTER_LISTENER_COUNT;
    this.#resolveClosed?.();
  }
}

function decode(data: unknown): string {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
    return new TextDecoder().decode(data);
  return String(data);
}
