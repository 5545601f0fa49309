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

/**
 * One component's view of one stream, as TanStack Query's observers are: a store for
 * `useSyncExternalStore` that opens its stream with the first listener and closes it with the
 * last. Opening in `subscribe` (an effect), never in render, keeps server rendering and discarded
 * renders free of sockets; StrictMode's close-then-open lands on ws-client's shared subscription,
 * which a consumer coming back at once keeps instead of forgetting.
 */
export class StreamObserver<Message> {
  readonly #open: (() => DerivStream<Message>) | undefined;
  readonly #listeners = new Set<() => void>();
  readonly initial: UseStreamResult<Message>;
  #state: UseStreamResult<Message>;
  #stream: DerivStream<Message> | undefined;

  /** @param open - Opens the stream; `undefined` for an idle observer. */
  constructor(open: (() => DerivStream<Message>) | undefined) {
    this.#open = open;
    this.initial = open ? PENDING : IDLE;
    this.#state = this.initial;
  }

  readonly getSnapshot = (): UseStreamResult<Message> => this.#state;

  readonly subscribe = (onChange: () => void): (() => void) => {
    this.#listeners.add(onChange);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(onChange);
      if (this.#listeners.size === 0) this.#stop();
    };
  };

  #start(): void {
    if (!this.#open) return;
    if (this.#state.status === 'error') this.#state = PENDING; // a fresh try after a remount
    try {
      const stream = this.#open();
      this.#stream = stream;
      // The newest reply of a shared subscription arrives synchronously here.
      stream.listen(
        (item) => {
          if (this.#stream !== stream) return;
          if (isGap(item)) {
            const state = this.#state;
            if (state.status !== 'idle' && !state.gap) this.#set({ ...state, gap: true });
          } else this.#set({ status: 'live', latest: item, error: undefined, gap: false });
        },
        (error) => {
          if (this.#stream === stream) this.#fail(error);
        },
      );
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  #stop(): void {
    const stream = this.#stream;
    this.#stream = undefined;
    // Never rejects; the last consumer's `forget` goes out from ws-client.
    void stream?.close();
  }

  #fail(error: Error): void {
    const { latest, gap } = this.#state;
    this.#set({ status: 'error', latest, error, gap });
  }

  #set(next: UseStreamResult<Message>): void {
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}
