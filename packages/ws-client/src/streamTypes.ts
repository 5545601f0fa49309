/**
 * What a consumer of a stream receives when the connection dropped: updates may have been missed
 * between the loss and the stream's re-subscription (which follows the re-authorization). Its
 * `msg_type` sets it apart from every Deriv message in a `switch (item.msg_type)`.
 *
 * @example
 * ```ts
 * for await (const item of client.stream({ ticks: 'R_100' })) {
 *   if (item.msg_type === 'stream_gap') showStale();
 *   else showPrice(item.tick?.quote);
 * }
 * ```
 * @see {@link DerivStream}
 */
export interface DerivStreamGap {
  /** Sets the marker apart from Deriv's replies, whose `msg_type` names their call. */
  readonly msg_type: 'stream_gap';
  /** The socket was lost; the stream is re-subscribed once the new socket is authorized. */
  readonly reason: 'connection_lost';
}

/**
 * What a stream keeps for an iterating consumer that has not read yet (listeners get every item at
 * once and need no buffer):
 *
 * - `'latest'` (default): only the newest item, right for prices and balances.
 * - `{ keep: N }`: the newest N items, older ones dropped.
 * - `'error'`: every item up to {@link STREAM_BUFFER_LIMIT}; beyond it the stream ends with
 *   `DerivConnectionError` `stream_overflow` (for streams where no update may be lost, such as
 *   `transaction`).
 *
 * @example
 * ```ts
 * client.stream({ transaction: 1 }, { buffer: 'error' });
 * ```
 */
export type StreamBufferPolicy = 'latest' | { readonly keep: number } | 'error';

/** How many unread items a stream with the `'error'` buffer policy holds before it fails. */
export const STREAM_BUFFER_LIMIT = 1_000;

/**
 * Options of `stream`.
 *
 * @example
 * ```ts
 * const stream = client.stream({ ticks: 'R_100' }, { buffer: { keep: 10 } });
 * ```
 */
export interface StreamOptions {
  /** See {@link StreamBufferPolicy}; default `'latest'`. */
  buffer?: StreamBufferPolicy | undefined;
}

/**
 * One consumer of a Deriv subscription (a request sent with `subscribe: 1`). Identical requests
 * share one server subscription; `forget` goes out when the last consumer closes.
 *
 * @remarks
 * Items are the call's replies and a {@link DerivStreamGap} after a lost connection. The stream
 * ends with an error when the server refuses the subscription (`DerivApiError`), when the client
 * closes (`DerivConnectionError` `closed`), when an unread buffer overflows (`stream_overflow`),
 * and, for a call bound to an account (anything that needs authorization: `balance`,
 * `proposal_open_contract`, `transaction`, `portfolio`...), on an account switch or logout
 * (`DerivSessionError` `account_switched`). Market streams (`ticks`) survive switches.
 *
 * @example
 * ```ts
 * const ticks = client.stream({ ticks: 'R_100' });
 * const stop = ticks.listen((item) => console.log(item), (error) => console.error(error));
 * // later
 * stop();
 * await ticks.close();
 * ```
 */
export interface DerivStream<Message> extends AsyncIterable<Message | DerivStreamGap> {
  /** Deriv's subscription id once the server confirmed it; `undefined` before and while reconnecting. */
  readonly id: string | undefined;
  /**
   * Calls `onMessage` for every later item (and the newest one already received), `onError` once
   * if the stream ends with an error. A throwing callback is isolated and counted
   * (`listenerErrors`). Returns the function that detaches both.
   */
  listen(
    onMessage: (item: Message | DerivStreamGap) => void,
    onError?: (error: Error) => void,
  ): () => void;
  /**
   * Leaves the stream; the last consumer sends `forget` with the subscription id. Resolves when
   * the server confirmed it (at once when no server subscription is live, e.g. while reconnecting).
   * Never rejects.
   */
  close(): Promise<void>;
}
