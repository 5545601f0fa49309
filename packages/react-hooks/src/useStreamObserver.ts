import type { DerivStream, DerivStreamGap } from '@deriv-auth/ws-client';

/**
 * What {@link useStream} returns, by `status`:
 *
 * - `idle`: no request (`null`, `undefined` or `enabled: false`); nothing is subscribed.
 * - `pending`: subscribed, no reply yet.
 * - `live`: `latest` is the newest reply.
 * - `error`: the stream ended with `error` (a refused subscription, `account_switched`, a closed
 *   client); `latest` keeps the last reply, if any.
 *
 * `gap` is `true` after the connection dropped and until the re-subscribed stream delivers again:
 * `latest` may be stale meanwhile (show it dimmed rather than hide it).
 */
export type UseStreamResult<Message> =
  | {
      readonly status: 'idle';
      readonly latest: undefined;
      readonly error: undefined;
      readonly gap: false;
    }
  | {
      readonly status: 'pending';
      readonly latest: undefined;
      readonly error: undefined;
      readonly gap: boolean;
    }
  | {
      readonly status: 'live';
      readonly latest: Message;
      readonly error: undefined;
      readonly gap: boolean;
    }
  | {
      readonly status: 'error';
      readonly latest: Message | undefined;
      readonly error: Error;
      readonly gap: boolean;
    };

/** The status of a {@link UseStreamResult}. */
export type UseStreamStatus = UseStreamResult<unknown>['status'];

const IDLE: UseStreamResult<never> = Object.freeze({
  status: 'idle',
  latest: undefined,
  error: undefined,
  gap: false,
});
const PENDING: UseStreamResult<never> = Object.freeze({
  status: 'pending',
  latest: undefined,
  error: undefined,
  gap: false,
});

const isGap = (item: unknown): item is DerivStreamGap =>
  (item as { msg_type?: unknown }).msg_type === 'stream_gap';

/** A store for `useSyncExternalStore` over one stream; see {@link createStreamObserver}. */
export interface StreamObserver<Message> {
  readonly subscribe: (onChange: () => void) => () => void;
  readonly getSnapshot: () => UseStreamResult<Message>;
  /** What the server renders and hydration starts from: `pending`, or `idle` without a request. */
  readonly initial: UseStreamResult<Message>;
}

/**
 * One component's view of one stream, as TanStack Query's observers are: a store that opens its
 * stream with the first listener and closes it with the last. Opening in `subscribe` (an effect),
 * never in render, keeps server rendering and discarded renders free of sockets; StrictMode's
 * close-then-open lands on ws-client's shared subscription, which a consumer coming back at once
 * keeps instead of forgetting. (Closures rather than a class: the names minify.)
 *
 * @param open - Opens the stream; `undefined` for an idle observer.
 */
export function createStreamObserver<Message>(
  open: (() => DerivStream<Message>) | undefined,
): StreamObserver<Message> {
  const listeners = new Set<() => void>();
  const initial: UseStreamResult<Message> = open ? PENDING : IDLE;
  let state = initial;
  let current: DerivStream<Message> | undefined;

  const set = (next: UseStreamResult<Message>): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  const fail = (error: Error): void => {
    set({ status: 'error', latest: state.latest, error, gap: state.gap });
  };
  const start = (): void => {
    if (!open) return;
    if (state.status === 'error') state = PENDING; // a fresh try after a remount
    try {
      const stream = open();
      current = stream;
      // The newest reply of a shared subscription arrives synchronously here.
      stream.listen(
        (item) => {
          if (current !== stream) return;
          if (!isGap(item)) set({ status: 'live', latest: item, error: undefined, gap: false });
          else if (state.status !== 'idle' && !state.gap) set({ ...state, gap: true });
        },
        (error) => {
          if (current === stream) fail(error);
        },
      );
    } catch (error) {
      fail(error as Error);
    }
  };

  return {
    initial,
    getSnapshot: () => state,
    subscribe: (onChange) => {
      listeners.add(onChange);
      if (listeners.size === 1) start();
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) {
          const stream = current;
          current = undefined;
          // Never rejects; the last consumer's `forget` goes out from ws-client.
          void stream?.close();
        }
      };
    },
  };
}
