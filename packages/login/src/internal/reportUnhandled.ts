import { isDerivAuthError, redactSecrets } from '@deriv-auth/core';

/**
 * A promise that remembers whether anyone attached a handler (`then`, `catch`, `finally` and
 * `await` all go through `then`). Its own rejection is marked handled for the platform, so a
 * `void completeLogin()` neither crashes a Node process run with `--unhandled-rejections=strict`
 * nor prints the platform's raw "Uncaught (in promise)"; {@link observe} reports it instead, once
 * and redacted, when nobody handled it.
 */
class ObservedPromise<T> extends Promise<T> {
  observed = false;

  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    this.observed = true;
    return super.then(onFulfilled, onRejected);
  }
}

/**
 * Wraps `inner` in a promise that, if it rejects and neither gets a handler nor `isWatched()` by
 * the end of the task, logs one `console.error` line: name, code and redacted message, never the
 * cause or details. A login error nobody reads would otherwise vanish.
 */
export function observe<T>(inner: Promise<T>, isWatched: () => boolean): Promise<T> {
  const promise = new ObservedPromise<T>((resolve, reject) => {
    inner.then(resolve, reject);
  });
  // Marks the rejection handled for the platform without counting as an observer.
  void Promise.prototype.then.call(promise, undefined, (error: unknown) =>
    setTimeout(() => {
      if (promise.observed || isWatched()) return;
      console.error(
        '@deriv-auth/login: unhandled login failure',
        isDerivAuthError(error)
          ? `${error.name} ${error.code}: ${redactSecrets(error.message)}`
          : '',
      );
    }),
  );
  return promise;
}
