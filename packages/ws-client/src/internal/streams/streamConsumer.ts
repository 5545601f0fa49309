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

/** The buffer size a policy allows, or `undefined` for `'error'` (fails past the limit). */
function bufferSize(policy: StreamBufferPolicy | undefined): number | undefined {
  if (policy === undefined || policy === 'latest') return 1;
  if (policy === 'error') return undefined;
  const keep = policy.keep;
  if (!Number.isSafeInteger(keep) || keep < 1)
    throw new DerivConnectionError('invalid_option', 'buffer.keep must be a positive integer.', {
      details: { keep },
    });
  return keep;
}

/**
 * One consumer of a shared subscription: its listeners, and, once it is iterated, a bounded buffer
 * of unread items. It never holds more than its policy allows, so a slow reader cannot grow memory.
 */
export class StreamConsumer implements DerivStream<unknown> {
  readonly #host: ConsumerHost;
  readonly #size: number | undefined;
  #listeners: Listener[] = [];
  #buffer: unknown[] | undefined;
  #waiting:
    | { resolve: (result: IteratorResult<unknown>) => void; reject: (e: unknown) => void }
    | undefined;
  #error: Error | undefined;
  #ended = false;
  #closing: Promise<void> | undefined;

  constructor(host: ConsumerHost, policy: StreamBufferPolicy | undefined) {
    this.#host = host;
    this.#size = bufferSize(policy);
  }

  get id(): string | undefined {
    return this.#host.id;
  }

  /** Hands `item` to the listeners and to the iterator (or its buffer). */
  push(item: unknown): void {
    if (this.#ended) return;
    for (const [onMessage] of this.#listeners) {
      try {
        onMessage(item);
      } catch {
        this.#host.listenerThrew();
      }
    }
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting.resolve({ value: item, done: false });
      return;
    }
    const buffer = this.#buffer;
    if (!buffer) return; // not iterated: listeners only
    buffer.push(item);
    const size = this.#size;
    if (size === undefined) {
      if (buffer.length > STREAM_BUFFER_LIMIT)
        this.fail(
          new DerivConnectionError(
            'stream_overflow',
            `More than ${STREAM_BUFFER_LIMIT} stream items were left unread.`,
            { details: { limit: STREAM_BUFFER_LIMIT } },
          ),
        );
    } else if (buffer.length > size) buffer.shift();
  }

  /** Ends the consumer with `error`: listeners' `onError`, then the iterator throws it. */
  fail(error: Error): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    this.#buffer = undefined;
    for (const [, onError] of this.#listeners) {
      try {
        onError?.(error);
      } catch {
        this.#host.listenerThrew();
      }
    }
    this.#listeners = [];
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(error);
    // Leaves the subscription (nothing to do when the hub ended it).
    this.#closing = this.#host.leave(this);
  }

  listen(onMessage: (item: unknown) => void, onError?: (error: Error) => void): () => void {
    const listener: Listener = [onMessage, onError];
    if (this.#ended) {
      const error = this.#error;
      if (error && onError)
        queueMicrotask(() => {
          onError(error);
        });
      return () => undefined;
    }
    this.#listeners.push(listener);
    const last = this.#host.last;
    if (last !== undefined) {
      try {
        onMessage(last);
      } catch {
        this.#host.listenerThrew();
      }
    }
    return () => {
      this.#listeners = this.#listeners.filter((candidate) => candidate !== listener);
    };
  }

  close(): Promise<void> {
    if (!this.#closing) {
      this.#ended = true;
      this.#listeners = [];
      this.#buffer = undefined;
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting?.resolve({ value: undefined, done: true });
      this.#closing = this.#host.leave(this);
    }
    return this.#closing;
  }

  /** The number of listeners attached, for diagnostics. */
  get listenerCount(): number {
    return this.#listeners.length;
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    this.#buffer ??= this.#host.last === undefined ? [] : [this.#host.last];
    return {
      next: () => {
        const buffer = this.#buffer;
        if (buffer?.length) return Promise.resolve({ value: buffer.shift(), done: false });
        if (this.#error) {
          const error = this.#error;
          this.#error = undefined; // thrown once; then the iterator is done
          return Promise.reject(error);
        }
        if (this.#ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
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
