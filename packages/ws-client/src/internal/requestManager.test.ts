import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDerivConnectionError } from '../derivConnectionError.js';
import { manualClock } from '../test/manualClock.js';
import { RequestManager, type RequestEntry } from './requestManager.js';
import { createCountedTimers } from './timers.js';

describe('RequestManager', () => {
  it('numbers requests itself, overriding a caller req_id', async () => {
    const manager = new RequestManager(createCountedTimers(manualClock()));
    const { entry, promise } = manager.register('time', { time: 1, req_id: 99 }, { timeoutMs: 10 });
    expect(JSON.parse(entry.frame)).toEqual({ time: 1, req_id: 1 });
    manager.settle(entry, new Error('done'));
    await expect(promise).rejects.toThrow('done');
  });

  it('settles each request exactly once whatever happens, and keeps nothing afterwards', async () => {
    type Step =
      | { kind: 'register'; queued: boolean }
      | { kind: 'reply'; index: number; error: boolean }
      | { kind: 'abort'; index: number }
      | { kind: 'tick'; ms: number }
      | { kind: 'lose' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('register' as const), queued: fc.boolean() }),
      fc.record({ kind: fc.constant('reply' as const), index: fc.nat(20), error: fc.boolean() }),
      fc.record({ kind: fc.constant('abort' as const), index: fc.nat(20) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 60 }) }),
      fc.constant({ kind: 'lose' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const clock = manualClock();
        const timers = createCountedTimers(clock);
        const manager = new RequestManager(timers);
        const requests: {
          entry: RequestEntry;
          controller: AbortController;
          settledCount: number;
        }[] = [];
        for (const action of steps) {
          if (action.kind === 'register') {
            const controller = new AbortController();
            const { entry, promise } = manager.register(
              'time',
              { time: 1 },
              { timeoutMs: 50, signal: controller.signal },
            );
            const request = { entry, controller, settledCount: 0 };
            const count = (): void => {
              request.settledCount += 1;
            };
            promise.then(count, count);
            if (action.queued) manager.enqueue(entry);
            else manager.markInflight(entry);
            requests.push(request);
          } else if (action.kind === 'reply') {
            const request = requests[action.index];
            if (request)
              manager.handleReply(
                {
                  msg_type: 'time',
                  req_id: request.entry.reqId,
                  ...(action.error ? { error: { code: 'X', message: 'x' } } : {}),
                },
                () => new Error('server'),
              );
          } else if (action.kind === 'abort') requests[action.index]?.controller.abort();
          else if (action.kind === 'tick') clock.advance(action.ms);
          else manager.rejectInflight(() => new Error('lost'));
        }
        clock.advance(1_000); // every timeout fires
        await Promise.resolve();
        await Promise.resolve();
        expect(requests.every((request) => request.settledCount === 1)).toBe(true);
        expect([
          manager.inflightCount,
          manager.queuedCount,
          manager.abortListenerCount,
          timers.live,
        ]).toEqual([0, 0, 0, 0]);
      }),
    );
  });

  it('rejects with timeout naming the call and the limit', async () => {
    const clock = manualClock();
    const manager = new RequestManager(createCountedTimers(clock));
    const { entry, promise } = manager.register('balance', { balance: 1 }, { timeoutMs: 25 });
    manager.markInflight(entry);
    clock.advance(25);
    const error: unknown = await promise.catch((reason: unknown) => reason);
    expect(isDerivConnectionError(error) && error.message).toBe(
      'No reply to `balance` within 25 ms.',
    );
  });
});
