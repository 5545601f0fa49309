import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from './redis.js';
import {
  APP_ORIGIN,
  countingFetch,
  createTestServer,
  issuedTokens,
  readSession,
  requestOtp,
  sendTo,
  signIn,
  startMock,
} from './test/harness.js';
import { startRedis, type RedisClient, type RunningRedis } from './test/redisServer.js';

let mock: MockServer;
let redis: RunningRedis;
beforeAll(async () => {
  [mock, redis] = await Promise.all([startMock(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([mock.close(), redis.stop()]);
});

const HOUR = 3_600_000;

/** Two server instances, each with its own Redis connection and counter, on one clock. */
async function twoInstances() {
  let time = Date.now();
  const instances = await Promise.all(
    [0, 1].map(async () => {
      const counter = countingFetch();
      const client = await redis.connect();
      const server = createTestServer(mock, {
        now: () => time,
        fetch: counter.fetch,
        store: createRedisStore(client, { keyPrefix: 'test:' }),
      });
      return { send: sendTo(server), counter, client };
    }),
  );
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
  return { a, b, advance: (ms: number) => (time += ms) };
}

describe('createRedisStore against a real redis-server', () => {
  it('add is set-if-absent, with expiry', async () => {
    const store = createRedisStore(await redis.connect(), { keyPrefix: 'unit:' });
    expect(await store.add('k', 'one', 200)).toBe(true);
    expect(await store.add('k', 'two', 200)).toBe(false);
    expect(await store.get('k')).toBe('one');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'three', 10_000);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });
});

describe('two server instances sharing sessions on Redis', () => {
  it('a session started on one is served by the other', async () => {
    const { a, b } = await twoInstances();
    const { cookie } = await signIn(a.send);
    expect(await readSession(b.send, cookie)).toMatchObject({ signedIn: true });
    expect((await requestOtp(b.send, cookie, 'DOT90004581')).status).toBe(200);
  });

  it('coalesces one refresh for 20 concurrent requests spread over both instances', async () => {
    const { a, b, advance } = await twoInstances();
    const { cookie } = await signIn(a.send);
    advance(HOUR - 30_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        requestOtp(index % 2 ? a.send : b.send, cookie, 'DOT90004580'),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(a.counter.refreshes() + b.counter.refreshes()).toBe(1);
    // Both read the refreshed tokens from Redis afterwards: no more refreshes.
    await Promise.all([
      requestOtp(a.send, cookie, 'DOT90004580'),
      requestOtp(b.send, cookie, 'DOT90004581'),
    ]);
    expect(a.counter.refreshes() + b.counter.refreshes()).toBe(1);
  });

  it('a logout on one instance is seen on the other', async () => {
    const { a, b } = await twoInstances();
    const { cookie } = await signIn(a.send);
    expect(await readSession(b.send, cookie)).toMatchObject({ signedIn: true });
    const logout = await a.send('/auth/logout', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie },
    });
    expect(logout.status).toBe(200);
    expect(await readSession(b.send, cookie)).toEqual({
      signedIn: false,
      reason: 'session_expired',
    });
    expect((await requestOtp(b.send, cookie, 'DOT90004580')).status).toBe(401);
  });

  it('a refresh refused on one instance ends the session on both', async () => {
    const { a, b, advance } = await twoInstances();
    const { cookie } = await signIn(a.send);
    const clear = mock.inject({ type: 'refuseRefresh' });
    try {
      advance(HOUR);
      expect(await readSession(b.send, cookie)).toEqual({
        signedIn: false,
        reason: 'session_expired',
      });
    } finally {
      clear();
    }
    expect(await readSession(a.send, cookie)).toEqual({
      signedIn: false,
      reason: 'session_expired',
    });
  });

  it('a callback is one-time across instances', async () => {
    const { a, b } = await twoInstances();
    const { callbackPath, loginCookie } = await signIn(a.send);
    const replay = await b.send(callbackPath, { headers: { cookie: loginCookie } });
    expect(new URL(replay.headers.get('location') ?? '').searchParams.get('auth_error')).toBe(
      'login_expired',
    );
  });

  it('Redis holds no readable token', async () => {
    const { a } = await twoInstances();
    await signIn(a.send);
    const client: RedisClient = a.client;
    const keys = await client.keys('test:*');
    expect(keys.some((key) => key.startsWith('test:session:'))).toBe(true);
    const values = await Promise.all(keys.map((key) => client.get(key)));
    for (const value of values)
      for (const token of issuedTokens) expect(value ?? '').not.toContain(token);
  });
});
