import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDerivConnectionError } from '../derivConnectionError.js';
import { manualClock } from '../test/manualClock.js';
import {
  RequestManager,
  SWEEP_SLACK_MS,
  encodeFrame,
  type RequestEntry,
} from './requestManager.js';
import { createCountedTimers } from './timers.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };

describe('deadline sweep (one timer for every request of a client)', () => {
  it('times out every request no earlier than its deadline and at most the slack after, with one timer', async () => {
    // A run steps a manual clock 1 ms at a time through ~420 ms: capped so that the file stays
    // well under a minute at FC_NUM_RUNS=100000.
    const runs = Math.min(numRuns, 3_000);
    const request = fc.record({
      at: fc.integer({ min: 0, max: 100 }),
      timeoutMs: fc.integer({ min: 1, max: 300 }),
      queued: fc.boolean(),
      answeredAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (specs) => {
        const clock = manualClock();
        const timers = createCountedTimers(clock);
        const manager = new RequestManager(timers);
        interface Tracked {
          entry: RequestEntry;
          spec: (typeof specs)[number];
          settledAt?: number;
          outcome?: unknown;
        }
        const live: Tracked[] = [];
        let mostTimers = 0;
        for (let now = 0; now <= 100 + 300 + SWEEP_SLACK_MS + 5; now += 1) {
          if (now > 0) clock.advance(1);
          for (const item of live)
            if (item.settledAt === undefined && item.entry.state === 'settled')
              item.settledAt = now;
          for (const spec of specs) {
            if (spec.at !== now) continue;
            const { entry, promise } = manager.register('time', { time: 1 }, spec);
            const item: Tracked = { entry, spec };
            promise.then(
              () => (item.outcome = 'reply'),
              (error: unknown) => (item.outcome = error),
            );
            if (spec.queued) manager.enqueue(entry);
            else manager.markInflight(entry);
            live.push(item);
          }
          for (const { entry, spec } of live)
            if (
              !spec.queued &&
              spec.answeredAfter !== undefined &&
              now === spec.at + spec.answeredAfter
            )
              manager.settleById(entry.reqId, undefined, { msg_type: 'time', req_id: entry.reqId });
          mostTimers = Math.max(mostTimers, clock.pending);
        }
        await Promise.resolve();
        expect(mostTimers).toBeLessThanOrEqual(1);
        for (const { spec, settledAt, outcome } of live) {
          const deadline = spec.at + spec.timeoutMs;
          const answeredAt =
            spec.queued || spec.answeredAfter === undefined
              ? undefined
              : spec.at + spec.answeredAfter;
          if (isDerivConnectionError(outcome) && outcome.code === 'timeout') {
            // Never early, never later than the slack, never after a reply that came in time.
            expect(settledAt).toBeGreaterThanOrEqual(deadline);
            expect(settledAt).toBeLessThanOrEqual(deadline + SWEEP_SLACK_MS);
            expect(answeredAt === undefined || answeredAt >= deadline).toBe(true);
          } else {
            // A reply wins only if it came before the timeout fired.
            expect(outcome).toBe('reply');
            expect(answeredAt).toBeDefined();
            expect(answeredAt).toBeLessThanOrEqual(deadline + SWEEP_SLACK_MS);
          }
        }
        // Nothing pending: no timer left behind.
        expect([timers.live, clock.pending]).toEqual([0, 0]);
      }),
      { numRuns: runs, ...seed },
    );
  });

  it('a wall clock stepped back does not stretch a deadline already armed', async () => {
    let offset = 0;
    const clock = manualClock();
    const stepped = { ...clock, now: () => clock.now() + offset };
    const manager = new RequestManager(createCountedTimers(stepped));
    const { entry, promise } = manager.register('ping', { ping: 1 }, { timeoutMs: 100 });
    manager.markInflight(entry);
    offset = -60_000; // the wall clock went back a minute
    clock.advance(100);
    const error: unknown = await promise.catch((reason: unknown) => reason);
    expect(isDerivConnectionError(error) && error.code).toBe('timeout');
  });
});

describe('encodeFrame', () => {
  it('writes exactly what JSON.stringify({ ...request, req_id }) writes', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('req_id', '0', '12', 'toJSON', '__proto__'));
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 6 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (request, reqId) => {
          expect(encodeFrame(request, reqId)).toBe(JSON.stringify({ ...request, req_id: reqId }));
        },
      ),
      // JSON value generation dominates: capped so the file stays well under a minute in CI.
      { numRuns: Math.min(numRuns, 20_000), ...seed },
    );
  });

  it('keeps a request with its own toJSON or req_id on the safe path', () => {
    const withJson = { ping: 1, toJSON: () => ({ shown: true }) };
    expect(encodeFrame(withJson, 3)).toBe(JSON.stringify({ ...withJson, req_id: 3 }));
    expect(JSON.parse(encodeFrame({ time: 1, req_id: 99 }, 4))).toEqual({ time: 1, req_id: 4 });
    expect(encodeFrame({}, 5)).toBe('{"req_id":5}');
  });
});
