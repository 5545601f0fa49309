/**
 * The one store shape of this SDK, and of React's `useSyncExternalStore`: `getSnapshot()` returns
 * an immutable value, `subscribe(listener)` calls `listener` (no arguments) after it changes.
 */
export interface SnapshotSource<T> {
  /** The current value; the same object until it changes, so `Object.is` tells a change. */
  getSnapshot(): T;
  /** Calls `listener` after every change; the returned function stops it (idempotent). */
  subscribe(listener: () => void): () => void;
}

/** Options of {@link SnapshotStore}. */
export interface SnapshotStoreOptions {
  /**
   * Receives what a listener threw. The default rethrows it from a microtask, as an uncaught event
   * handler's error surfaces, so one failing listener neither stops the others nor the writer.
   */
  onListenerError?: ((error: unknown) => void) | undefined;
}

const rethrowLater = (error: unknown): void => {
  queueMicrotask(() => {
    throw error;
  });
};

/**
 * A value and its listeners. Owners keep the store private and expose only the
 * {@link SnapshotSource} half, so nobody outside can publish a value.
 *
 * @example
 * ```ts
 * const store = new SnapshotStore({ status: 'idle' });
 * const stop = store.subscribe(() => console.log(store.getSnapshot().status));
 * store.setSnapshot({ status: 'open' }); // logs "open"
 * stop();
 * ```
 */
export class SnapshotStore<T> implements SnapshotSource<T> {
  #snapshot: T;
  // Created on first subscribe: a server-side fleet of clients mostly has no subscriber at all.
  #listeners: Set<() => void> | undefined;
  readonly #onListenerError: (error: unknown) => void;

  constructor(initial: T, options: SnapshotStoreOptions = {}) {
    this.#snapshot = initial;
    this.#onListenerError = options.onListenerError ?? rethrowLater;
  }

  getSnapshot(): T {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    // Wrapped, so the same function subscribed twice gets two independent subscriptions.
    const entry = (): void => {
      listener();
    };
    (this.#listeners ??= new Set()).add(entry);
    return () => {
      const listeners = this.#listeners;
      // The last one gone: the empty Set (about 150 B) goes too, as with a store never subscribed.
      if (listeners?.delete(entry) && listeners.size === 0) this.#listeners = undefined;
    };
  }

  /** Publishes `next` and notifies every listener, unless it is the current value (`Object.is`). */
  setSnapshot(next: T): void {
    if (Object.is(next, this.#snapshot)) return;
    this.#snapshot = next;
    if (!this.#listeners || this.#listeners.size === 0) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  /** How many listeners are subscribed (diagnostics and leak tests). */
  get listenerCount(): number {
    return this.#listeners?.size ?? 0;
  }

  /** Removes every listener (the owner is closing). */
  clearListeners(): void {
    this.#listeners?.clear();
  }
}
