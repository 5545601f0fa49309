import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import type { DerivClientEvent } from './options.js';
import { NOTHING_LEFT, closeAndCount, connectClient, login, defined } from './test/harness.js';
import { startMockServer } from '@deriv-auth/mock-server';

let server: MockServer;
let client: DerivClient;

// Fake clock for timers and Date, shared by the client and the in-process server (whose idle
// close uses setTimeout); socket I/O stays real, so each step lets a few event-loop turns pass.
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});

afterEach(async () => {
  vi.useRealTimers();
  expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  await server.close();
});

async function letIoHappen(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function runFakeMinutes(minutes: number): Promise<void> {
  for (let second = 0; second < minutes * 60; second += 1) {
    await vi.advanceTimersByTimeAsync(1_000);
    await letIoHappen();
  }
}

describe('keep-alive over a long fake-clock run', () => {
  it("keeps one socket open for 10 minutes despite the server's 2-minute idle close", async () => {
    server = await startMockServer({ idleTimeoutMs: 120_000 });
    const [account] = await login(server);
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    const authorized = client.authorize(defined(account).token);
    await letIoHappen();
    await vi.advanceTimersByTimeAsync(0);
    await letIoHappen();
    await authorized;
    const connection = server.connections()[0]?.id;
    await runFakeMinutes(10);
    expect(events.filter((event) => event.type === 'close')).toEqual([]);
    expect(server.connections().map((info) => info.id)).toEqual([connection]);
    expect(server.log().filter((entry) => entry.call === 'ping').length).toBeGreaterThanOrEqual(18);
    expect(client.getSnapshot().status).toBe('open');
  });

  it('without keep-alive the same run gets the idle close (the check above can fail)', async () => {
    server = await startMockServer({ idleTimeoutMs: 120_000 });
    const events: DerivClientEvent[] = [];
    client = connectClient(server, {
      keepAlive: false,
      reconnect: false,
      onEvent: (event) => events.push(event),
    });
    const pinged = client.ping();
    await letIoHappen();
    await pinged;
    await runFakeMinutes(3);
    expect(events.filter((event) => event.type === 'close')).toHaveLength(1);
    expect(client.getSnapshot().status).toBe('closed');
  });
});
