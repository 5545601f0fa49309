import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DERIV_CALL_TIMEOUT_MS } from './internal/derivApi.js';
import { createTestServer, requestOtp, sendTo, signIn, startMock } from './test/harness.js';

let mock: MockServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await mock?.close();
  mock = undefined;
});

describe('calls to Deriv’s REST API', () => {
  it('are cut at the deadline by a timer that a finished call clears (the platform’s setTimeout)', async () => {
    mock = await startMock();
    let hang = false;
    const started: AbortSignal[] = [];
    const server = createTestServer(mock, {
      fetch: (input, init) => {
        if (!hang) return fetch(input, init);
        const signal = init?.signal ?? undefined;
        if (signal) started.push(signal);
        // Deriv never answers: only the deadline's abort ends the call.
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            reject(new Error('aborted'));
          });
        });
      },
    });
    const send = sendTo(server);
    const { cookie } = await signIn(send);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(vi.getTimerCount()).toBe(0);
    hang = true;
    const pending = requestOtp(send, cookie, 'DOT90004580');
    await vi.waitFor(() => {
      expect(started).toHaveLength(1);
    });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(DERIV_CALL_TIMEOUT_MS);
    const response = await pending;
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });

    // A call that is answered leaves no timer behind.
    hang = false;
    expect((await requestOtp(send, cookie, 'DOT90004580')).status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });
});
