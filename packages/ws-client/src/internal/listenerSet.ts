/**
 * A set of `() => void` listeners, the shape `useSyncExternalStore` wants. One listener throwing
 * does not stop the others, and its error is swallowed and reported to `onError` (the client
 * counts it in its diagnostics): rethrowing it, even asynchronously, would end a Node process.
 */
export class ListenerSet {
  readonly #onError: ((error: unknown) => void) | undefined;

  constructor(onError?: (error: unknown) => void) {
    this.#onError = onError;
  }

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

  /** Calls every listener (a snapshot of the set: listeners added or removed meanwhile wait for the next call). */
  notify(): void {
    if (!this.#listeners || this.#listeners.size === 0) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        try {
          this.#onError?.(error);
        } catch {
          // The error handler is ours and does not throw; nothing may escape a notification.
        }
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
