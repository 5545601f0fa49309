import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../options.js';
import { manualClock } from '../test/manualClock.js';
import { KeepAliveTicker, tickerFor, type TickerEntry } from './keepAliveTicker.js';

function entry(name: number, fired: number[][], clock: Clock): TickerEntry {
  return {
    dueAt: 0,
    tickerIndex: -1,
    onDue() {
      fired.push([name, clock.now()]);
    },
  };
}

describe('KeepAliveTicker', () => {
  it('calls each entry once at its due time, with one clock timer at most', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dueAt: fc.nat(500),
            cancelled: fc.boolean(),
            moveTo: fc.option(fc.nat(500)),
          }),
          { maxLength: 40 },
        ),
        (plans) => {
          const clock = manualClock();
          const ticker = new KeepAliveTicker(clock);
          const fired: number[][] = [];
          const entries = plans.map((_, index) => entry(index, fired, clock));
          plans.forEach((plan, index) => {
            ticker.schedule(entries[index] as TickerEntry, plan.dueAt);
          });
          plans.forEach((plan, index) => {
            const target = entries[index] as TickerEntry;
            if (plan.cancelled) ticker.cancel(target);
            else if (plan.moveTo !== null) ticker.schedule(target, plan.moveTo);
          });
          expect(clock.pending).toBeLessThanOrEqual(1);
          for (let step = 0; step < 510; step += 10) clock.advance(10);
          const expected = plans.flatMap((plan, index) =>
            plan.cancelled ? [] : [[index, plan.moveTo ?? plan.dueAt]],
          );
          expect([...fired].sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
            // The clock moves in 10 ms steps from 0: an entry fires at the first step at or after it is due.
            expected.map(([index, dueAt]) => [
              index,
              Math.max(10, Math.ceil((dueAt as number) / 10) * 10),
            ]),
          );
          expect(ticker.size).toBe(0);
          expect(clock.pending).toBe(0);
          expect(entries.every((each) => each.tickerIndex === -1)).toBe(true);
        },
      ),
    );
  });

  it('an entry cancelled by an earlier callback of the same pass is not called', () => {
    const clock = manualClock();
    const ticker = new KeepAliveTicker(clock);
    const fired: number[][] = [];
    const second = entry(2, fired, clock);
    const first: TickerEntry = {
      dueAt: 0,
      tickerIndex: -1,
      onDue() {
        fired.push([1, clock.now()]);
        ticker.cancel(second);
      },
    };
    ticker.schedule(first, 5);
    ticker.schedule(second, 5);
    clock.advance(5);
    expect(fired).toEqual([[1, 5]]);
    expect(clock.pending).toBe(0);
  });

  it('an entry that throws does not stop the others, and the error still surfaces', async () => {
    const clock = manualClock();
    const ticker = new KeepAliveTicker(clock);
    const fired: number[][] = [];
    const failure = new Error('listener failed');
    const thrower: TickerEntry = {
      dueAt: 0,
      tickerIndex: -1,
      onDue() {
        throw failure;
      },
    };
    const later = entry(2, fired, clock);
    ticker.schedule(thrower, 5);
    ticker.schedule(entry(1, fired, clock), 5);
    ticker.schedule(later, 20);
    const surfaced = new Promise((resolve) => {
      process.once('uncaughtException', resolve);
    });
    clock.advance(5);
    expect(await surfaced).toBe(failure);
    clock.advance(15);
    expect(fired).toEqual([
      [1, 5],
      [2, 20],
    ]);
    expect(clock.pending).toBe(0);
  });

  it('is shared per clock and created on first use', () => {
    const clock = manualClock();
    expect(tickerFor(clock)).toBe(tickerFor(clock));
    expect(tickerFor(manualClock())).not.toBe(tickerFor(clock));
  });
});
