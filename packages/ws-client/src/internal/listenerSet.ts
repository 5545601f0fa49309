/**
 * A set of `() => void` listeners, the shape `useSyncExternalStore` wants. One listener throwing
 * does not stop the others; the error surfaces asynchronously like an uncaught event handler's.
 */
export class ListenerSet {
  // Created on first use: most clients of a server-side fleet never get a subscriber.
  #listeners: Set<() => void> | undefined;

  /** Adds `listener`; the returned function removes it (idempotent). */
  add(listener: () => void): () => void {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry = (): void => {
      listener();
    };
    (this.#listeners ??= new Set()).add(entry);
    return () => {
      this.#listeners?.delete(entry);
    };
  }

  /** Calls every listener. */
  notify(): void {
    if (!this.#listeners || this.#listeners.size === 0) return;
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
    return this.#listeners?.size ?? 0;
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners?.clear();
  }
}
