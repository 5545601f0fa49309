/**
 * Where the connection stands: `idle` before first use, `connecting` for the first socket,
 * `open` when requests go straight out, `reconnecting` after a loss (waiting or retrying), and
 * `closed` for good (after `close()`, a fatal error or the last failed attempt).
 *
 * @example
 * ```ts
 * const offline = client.getSnapshot().status === 'reconnecting';
 * ```
 * @see {@link ConnectionSnapshot}
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * The connection state a UI needs, immutable: a new object only when something changed, so it
 * suits `useSyncExternalStore` as is.
 *
 * @example
 * ```ts
 * const { status, attempt, lastError } = client.getSnapshot();
 * ```
 * @see {@link ConnectionStatus}
 */
export interface ConnectionSnapshot {
  readonly status: ConnectionStatus;
  /** Reconnect attempts since the socket was last ready; 0 when healthy. */
  readonly attempt: number;
  /** Why the last socket or attempt failed, or why the client closed; never contains a token. */
  readonly lastError?: Error;
}

/**
 * Counts of everything the client holds on to, for leak checks in tests and health pages: all zero
 * after `close()`, except `subscribers` and the two running totals (`listenerErrors`,
 * `droppedMessages`).
 *
 * @example
 * ```ts
 * await client.close();
 * console.assert(client.getDiagnostics().timers === 0);
 * ```
 * @see {@link DerivClient.getDiagnostics}
 */
export interface ClientDiagnostics {
  /** Requests written to the socket and not answered yet. */
  readonly inflightRequests: number;
  /** Requests waiting for the socket. */
  readonly queuedRequests: number;
  /** Live timers (request timeouts, backoff, keep-alive, connect deadline). */
  readonly timers: number;
  /** Listeners attached to WebSocket objects, closing ones included. */
  readonly socketListeners: number;
  /** Listeners attached to callers' `AbortSignal`s. */
  readonly abortListeners: number;
  /** `subscribe` listeners. */
  readonly subscribers: number;
  /**
   * User callbacks (`onEvent`, `subscribe` listeners) that threw. Their errors are swallowed so
   * that no request is orphaned; a non-zero count means a bug in one of your callbacks.
   */
  readonly listenerErrors: number;
  /** Reply frames dropped: not JSON, no envelope, or naming no waiting request. */
  readonly droppedMessages: number;
  /** Server subscriptions held by streams (one per distinct request, however many consumers). */
  readonly streams: number;
  /** Open stream consumers (`stream()` results not closed or ended). */
  readonly streamConsumers: number;
}
