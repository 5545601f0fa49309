/**
 * A set of `() => void` listeners, the shape `useSyncExternalStore` wants. One listener throwing
 * does not stop the others; the error surfaces asynchronously like an uncaught event handler's.
 */
export class ListenerSet {
  readonly #listeners = new Set<() => void>();

  /** Adds `listener`; the returned function removes it (idempotent). */
  add(listener: () => void): () => void {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry = (): void => {
      listener();
    };
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Calls every listener. */
  notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Number of listeners. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}
