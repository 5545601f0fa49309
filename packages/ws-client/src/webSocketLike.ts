/**
 * The part of a WebSocket this SDK uses: the browser's `WebSocket` and the `ws` package both fit.
 *
 * @remarks
 * The client never imports a WebSocket implementation. Browsers use the global one; Node passes
 * `ws` (`import WebSocket from 'ws'`) as the `WebSocket` option. Keeping the surface this small lets
 * tests and other runtimes (React Native, Deno, Bun) plug in whatever they have.
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * const client = createDerivClient({ appId: 1089, WebSocket });
 * ```
 * @see https://websockets.spec.whatwg.org/#the-websocket-interface
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the WHATWG numbers). */
  readonly readyState: number;
  /** Sends one text frame. */
  send(data: string): void;
  /** Starts the closing handshake (or aborts the opening one). */
  close(code?: number, reason?: string): void;
  /** Adds a listener for `open`, `message`, `close` or `error`. */
  addEventListener(type: string, listener: (event: WebSocketEventLike) => void): void;
  /** Removes a listener added with {@link WebSocketLike.addEventListener}. */
  removeEventListener(type: string, listener: (event: WebSocketEventLike) => void): void;
}

/**
 * The fields the client reads from WebSocket events: `data` of `message`, `code` and `reason` of
 * `close`, `message` and `error` of `error`.
 *
 * @example
 * ```ts
 * const onMessage = (event: WebSocketEventLike) => console.log(typeof event.data);
 * ```
 * @see {@link WebSocketLike}
 */
export interface WebSocketEventLike {
  readonly type?: string;
  readonly data?: unknown;
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly error?: unknown;
}

/**
 * A WebSocket constructor: `globalThis.WebSocket` in browsers, the `ws` package's default export in
 * Node.
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * const ctor: WebSocketConstructorLike = WebSocket;
 * ```
 * @see {@link WebSocketLike}
 */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;
