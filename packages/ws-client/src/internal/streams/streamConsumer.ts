import { DerivConnectionError } from '../../derivConnectionError.js';
import {
  STREAM_BUFFER_LIMIT,
  type DerivStream,
  type DerivStreamGap,
  type StreamBufferPolicy,
} from '../../streamTypes.js';

type Listener = [onMessage: (item: unknown) => void, onError: ((error: Error) => void) | undefined];

/** What a consumer needs of its shared subscription. */
export interface ConsumerHost {
  readonly id: string | undefined;
  /** The newest message of the subscription, replayed to a new listener or iterator. */
  readonly last: unknown;
  /** The consumer leaves; resolves when a `forget` it caused was confirmed. */
  leave(consumer: StreamConsumer): Promise<void>;
  /** A listener threw (counted as `listenerErrors`). */
  listenerThrew(): void;
}

/** The buffer size a policy allows; `'error'` allows the limit and fails past it. */
function bufferSize(policy: StreamBufferPolicy | undefined): number {
  if (policy === undefined || policy === 'latest') return 1;
  const keep = policy === 'error' ? STREAM_BUFFER_LIMIT : policy.keep;
  if (!Number.isSafeInteger(keep) || keep < 1)
    throw new DerivConnectionError('invalid_setting', 'buffer.keep must be a positive integer.');
  return keep;
}

/**
 * One consumer of a shared subscription: its listeners, and, once it is iterated, a bounded buffer
 * of unread items. It never holds more than its policy allows, so a slow reader cannot grow memory.
 */
export class StreamConsumer implements DerivStream<unknown> {
  readonly #host: ConsumerHost;
  readonly #size: number;
  readonly #failOnOverflow: boolean;
  #listeners: Listener[] = [];
  /** The only listener's `onMessage` (the usual case): a tick calls it without the array in between. */
  #one: ((item: unknown) => void) | undefined;
  #buffer: unknown[] | undefined;
  #waiting:
    | { resolve: (result: IteratorResult<unknown>) => void; reject: (e: unknown) => void }
    | undefined;
  #error: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(host: ConsumerHost, policy: StreamBufferPolicy | undefined) {
    this.#host = host;
    this.#size = bufferSize(policy);
    this.#failOnOverflow = policy === 'error';
  }

  get id(): string | undefined {
    return this.#host.id;
  }

  /** Calls `callback`, counting (and swallowing) a throw: a consumer's bug never stops the others. */
  #call(callback: () => void): void {
    try {
      callback();
    } catch {
      this.#host.listenerThrew();
    }
  }

  #relist(listeners: Listener[]): void {
    this.#listeners = listeners;
    this.#one = listeners.length === 1 ? (listeners[0] as Listener)[0] : undefined;
  }

  /** Hands `item` to the listeners and to the iterator (or its buffer). */
  push(item: unknown): void {
    if (this.#closing) return;
    // The hot path of every tick: no closure per listener (cf. #call), a plain indexed loop.
    const one = this.#one;
    if (one)
      try {
        one(item);
      } catch {
        this.#host.listenerThrew();
      }
    else
      for (let index = 0, listeners = this.#listeners; index < listeners.length; index += 1)
        try {
          (listeners[index] as Listener)[0](item);
        } catch {
          this.#host.listenerThrew();
        }
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting.resolve({ value: item, done: false });
    else if (this.#buffer && this.#buffer.push(item) > this.#size) {
      if (this.#failOnOverflow)
        this.fail(
          new DerivConnectionError(
            'stream_overflow',
            `Over ${STREAM_BUFFER_LIMIT} unread stream items.`,
          ),
        );
      else this.#buffer.shift();
    }
  }

  /** Ends the consumer with `error`: listeners' `onError`, then the iterator throws it. */
  fail(error: Error): void {
    if (this.#closing) return;
    for (const [, onError] of this.#listeners)
      this.#call(() => {
        onError?.(error);
      });
    const waiting = this.#waiting;
    this.#waiting = undefined;
    // A waiting iterator throws it now; otherwise its next read does.
    if (waiting) waiting.reject(error);
    else this.#error = error;
    void this.close();
  }

  listen(onMessage: (item: unknown) => void, onError?: (error: Error) => void): () => void {
    const listener: Listener = [onMessage, onError];
    if (this.#closing) return () => undefined;
    this.#relist([...this.#listeners, listener]);
    const last = this.#host.last;
    if (last !== undefined)
      this.#call(() => {
        onMessage(last);
      });
    return () => {
      this.#relist(this.#listeners.filter((candidate) => candidate !== listener));
    };
  }

  close(): Promise<void> {
    if (!this.#closing) {
      this.#relist([]);
      this.#buffer = undefined;
      this.#waiting?.resolve({ value: undefined, done: true });
      this.#waiting = undefined;
      this.#closing = this.#host.leave(this);
    }
    return this.#closing;
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    const last = this.#host.last;
    this.#buffer ??= last === undefined ? [] : [last];
    return {
      next: () => {
        if (this.#buffer?.length)
          return Promise.resolve({ value: this.#buffer.shift(), done: false });
        const error = this.#error;
        this.#error = undefined; // thrown once; then the iterator is done
        return error
          ? Promise.reject(error)
          : this.#closing
            ? Promise.resolve({ value: undefined, done: true })
            : new Promise((resolve, reject) => {
                this.#waiting = { resolve, reject };
              });
      },
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }
}

/** The one gap marker object (immutable, shared by every stream). */
export const STREAM_GAP: DerivStreamGap = Object.freeze({
  msg_type: 'stream_gap',
  reason: 'connection_lost',
});
