import type { Clock } from '../options.js';

const DUE = -2;

/** Something the ticker wakes at its `dueAt` (a client's keep-alive). */
export interface TickerEntry {
  /** Clock time at which {@link TickerEntry.onDue} should run; set by {@link KeepAliveTicker.schedule}. */
  dueAt: number;
  /**
   * Owned by the ticker: the position in its heap, -1 when not scheduled, -2 when due and about to
   * be called back (a {@link KeepAliveTicker.cancel} then still stops the call).
   */
  tickerIndex: number;
  /** Runs once `dueAt` has passed; the entry is already unscheduled. */
  onDue(): void;
}

/**
 * One timer for the keep-alive of every client on the same clock: a min-heap of due times and a
 * single clock timer armed for the earliest. A fleet of thousands of idle connections then holds
 * one timer instead of one each (a timer object and its closures cost about 0.5 kB per client).
 * Created on first use and disarmed as soon as no entry is scheduled, so an idle process holds no
 * timer and nothing exists before the first socket opens.
 */
export class KeepAliveTicker {
  readonly #clock: Clock;
  readonly #heap: TickerEntry[] = [];
  #handle: unknown;
  /** Due time the clock timer is armed for; +Infinity while disarmed (a handle may be anything). */
  #armedAt = Number.POSITIVE_INFINITY;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Schedules `entry` at `dueAt` (moving it when already scheduled). */
  schedule(entry: TickerEntry, dueAt: number): void {
    if (entry.tickerIndex >= 0) this.cancel(entry);
    entry.dueAt = dueAt;
    entry.tickerIndex = this.#heap.length;
    this.#heap.push(entry);
    this.#up(entry.tickerIndex);
    this.#arm();
  }

  /** Unschedules `entry` (or stops its pending call back); does nothing when it is not scheduled. */
  cancel(entry: TickerEntry): void {
    const index = entry.tickerIndex;
    entry.tickerIndex = -1;
    if (index < 0) return;
    entry.tickerIndex = -1;
    const last = this.#heap.pop() as TickerEntry;
    if (last !== entry) {
      this.#heap[index] = last;
      last.tickerIndex = index;
      this.#down(index);
      this.#up(last.tickerIndex);
    }
    if (this.#heap.length === 0) this.#disarm();
  }

  /** Entries scheduled. */
  get size(): number {
    return this.#heap.length;
  }

  #arm(): void {
    const next = this.#heap[0];
    if (!next) {
      this.#disarm();
      return;
    }
    if (this.#armedAt <= next.dueAt) return;
    this.#disarm();
    this.#armedAt = next.dueAt;
    this.#handle = this.#clock.setTimeout(
      () => {
        this.#fire();
      },
      Math.max(0, next.dueAt - this.#clock.now()),
    );
  }

  #disarm(): void {
    if (this.#armedAt !== Number.POSITIVE_INFINITY) this.#clock.clearTimeout(this.#handle);
    this.#handle = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
  }

  #fire(): void {
    this.#handle = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    const now = this.#clock.now();
    // Take every due entry first: their callbacks may schedule again (never re-run in this pass).
    const due: TickerEntry[] = [];
    for (let top = this.#heap[0]; top && top.dueAt <= now; top = this.#heap[0]) {
      this.cancel(top);
      top.tickerIndex = DUE;
      due.push(top);
    }
    for (const entry of due) {
      // Skipped when an earlier callback cancelled or rescheduled it meanwhile.
      if (entry.tickerIndex !== DUE) continue;
      entry.tickerIndex = -1;
      try {
        entry.onDue();
      } catch (error) {
        // One client's failure (a throwing `onEvent`) must not stall every other client's keep-alive.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    this.#arm();
  }

  #up(start: number): void {
    const heap = this.#heap;
    let index = start;
    const entry = heap[index] as TickerEntry;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as TickerEntry;
      if (parent.dueAt <= entry.dueAt) break;
      heap[index] = parent;
      parent.tickerIndex = index;
      index = parentIndex;
    }
    heap[index] = entry;
    entry.tickerIndex = index;
  }

  #down(start: number): void {
    const heap = this.#heap;
    const length = heap.length;
    let index = start;
    const entry = heap[index] as TickerEntry;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= length) break;
      const right = left + 1;
      const child =
        right < length && (heap[right] as TickerEntry).dueAt < (heap[left] as TickerEntry).dueAt
          ? right
          : left;
      const childEntry = heap[child] as TickerEntry;
      if (childEntry.dueAt >= entry.dueAt) break;
      heap[index] = childEntry;
      childEntry.tickerIndex = index;
      index = child;
    }
    heap[index] = entry;
    entry.tickerIndex = index;
  }
}

// Created on first use, one per clock (the default clock is shared by every client).
let tickers: WeakMap<Clock, KeepAliveTicker> | undefined;

/** The shared {@link KeepAliveTicker} of `clock`, created on first use. */
export function tickerFor(clock: Clock): KeepAliveTicker {
  tickers ??= new WeakMap();
  let ticker = tickers.get(clock);
  if (!ticker) {
    ticker = new KeepAliveTicker(clock);
    tickers.set(clock, ticker);
  }
  return ticker;
}
