import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient } from './test/testClient.js';

// Only the clock and the sweep interval are faked; sockets are real.
afterEach(() => {
  vi.useRealTimers();
});

describe('idle timeout', () => {
  it('keeps a socket that talks and closes it once it falls silent', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const server = await startMockServer({ idleTimeoutMs: 1_000 });
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    for (let step = 0; step < 5; step += 1) {
      vi.advanceTimersByTime(750);
      await client.call({ ping: 1 });
    }
    expect(server.connections()).toHaveLength(1);
    vi.advanceTimersByTime(1_250);
    expect((await client.closed).code).toBe(1000);
    await server.close();
  });

  it('never closes idle sockets with idleTimeoutMs: 0', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const server = await startMockServer({ idleTimeoutMs: 0 });
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    vi.advanceTimersByTime(3_600_000);
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
    client.close();
    await server.close();
  });
});
