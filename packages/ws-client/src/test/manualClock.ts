import type { Clock } from '../options.js';

/** A {@link Clock} whose timers fire only when the test advances it. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` and runs every timer now due (a timer cleared meanwhile does not run). */
  advance(ms: number): void;
  /** How many timers are scheduled and not yet run or cleared. */
  readonly pending: number;
}

/** Creates a {@link ManualClock} starting at time 0. */
export function manualClock(): ManualClock {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now && timers.delete(id)) timer.callback();
      }
    },
    get pending() {
      return timers.size;
    },
  };
}
