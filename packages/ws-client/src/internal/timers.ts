import type { Clock } from '../options.js';

/** A cancel function for one scheduled callback. */
export type CancelTimer = () => void;

/**
 * Timers that know how many of them are alive, so tests can assert that nothing is left behind
 * after every settle, close or failure.
 */
export interface CountedTimers {
  /** Runs `callback` once after `ms`; the returned function cancels it (idempotent). */
  set(callback: () => void, ms: number): CancelTimer;
  /** Timers scheduled and neither fired nor cancelled. */
  readonly live: number;
}

/** Creates a {@link CountedTimers} over `clock`. */
export function createCountedTimers(clock: Clock): CountedTimers {
  let live = 0;
  return {
    set(callback, ms) {
      let done = false;
      live += 1;
      const handle = clock.setTimeout(() => {
        if (done) return;
        done = true;
        live -= 1;
        callback();
      }, ms);
      return () => {
        if (done) return;
        done = true;
        live -= 1;
        clock.clearTimeout(handle);
      };
    },
    get live() {
      return live;
    },
  };
}
