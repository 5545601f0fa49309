import { isDerivAuthError, redactSecrets } from '@deriv-auth/core';

/**
 * A promise that remembers whether anyone attached a handler (`then`, `catch`, `finally` and
 * `await` all go through `then`). Its own rejection is marked handled for the platform, so a
 * `void completeLogin()` neither crashes a Node process run with `--unhandled-rejections=strict`
 * nor prints the platform's raw "Uncaught (in promise)"; {@link reportIfUnobserved} reports it
 * instead, once and redacted.
 */
export class ObservedPromise<T> extends Promise<T> {
  observed = false;

  // Promises derived with `then` are plain ones: only handlers on this very promise count.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  static from<T>(inner: Promise<T>): ObservedPromise<T> {
    const observed = new ObservedPromise<T>((resolve, reject) => {
      inner.then(resolve, reject);
    });
    // Marks the rejection handled without counting as an observer.
    void Promise.prototype.then.call(observed, undefined, () => undefined);
    return observed;
  }

  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    this.observed = true;
    return super.then(onFulfilled, onRejected);
  }
}

/** One line, no token: the error's name, code and redacted message (never its cause or details). */
export function describeForConsole(error: unknown): string {
  if (isDerivAuthError(error))
    return `${error.name} ${error.code}: ${redactSecrets(error.message)}`;
  return 'unexpected failure';
}

/**
 * After the current task, logs `error` with `console.error` unless `isObserved()` says someone
 * handles it (a handler on the returned promise, a watcher of the callback state). A login error
 * nobody reads would otherwise vanish: the page just shows the login button again.
 */
export function reportIfUnobserved(error: unknown, isObserved: () => boolean): void {
  setTimeout(() => {
    if (isObserved()) return;
    console.error(
      `[@deriv-auth/react-hooks] completeLogin failed and nothing handled it (catch its promise, or read useOAuthCallback / getOAuthCallbackState): ${describeForConsole(error)}`,
    );
  }, 0);
}
