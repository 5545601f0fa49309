import type { Clock } from '../options.js';

/** A cancel function for one scheduled callback. */
export type CancelTimer = () => void;

/**
 * Timers that know how many of them are alive, so tests can assert that nothing is left behind
 * after every settle, close or failure. A class, not a closure bag: one of these exists per
 * client, and prototype methods cost nothing per instance.
 */
export class CountedTimers {
  readonly #clock: Clock;
  #live = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Runs `callback` once after `ms`; the returned function cancels it (idempotent). */
  set(callback: () => void, ms: number): CancelTimer {
    let done = false;
    this.#live += 1;
    const handle = this.#clock.setTimeout(() => {
      if (done) return;
      done = true;
      this.#live -= 1;
      callback();
    }, ms);
    return () => {
      if (done) return;
      done = true;
      this.#live -= 1;
      this.#clock.clearTimeout(handle);
    };
  }

  /** The clock's time (wall-clock milliseconds, or a test clock's). */
  now(): number {
    return this.#clock.now();
  }

  /** Counts one timer kept elsewhere (the shared keep-alive ticker) until {@link CountedTimers.release}. */
  hold(): void {
    this.#live += 1;
  }

  /** Ends one {@link CountedTimers.hold}. */
  release(): void {
    this.#live -= 1;
  }

  /** Timers scheduled and neither fired nor cancelled. */
  get live(): number {
    return this.#live;
  }
}

/** Creates a {@link CountedTimers} over `clock`. */
export function createCountedTimers(clock: Clock): CountedTimers {
  return new CountedTimers(clock);
}
