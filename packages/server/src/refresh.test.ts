import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from './sessionStore.js';
import {
  countingFetch,
  createTestServer,
  observed,
  readSession,
  requestOtp,
  sendTo,
  setCookies,
  signIn,
  startMock,
} from './test/harness.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const HOUR = 3_600_000;

describe.each([
  ['the sealed cookie', () => undefined],
  ['a memory store', () => createMemoryStore()],
])('refresh with sessions in %s', (_where, makeStore) => {
  it('refreshes before expiry, once for 20 concurrent requests', async () => {
    let time = Date.now();
    const counter = countingFetch();
    const send = sendTo(
      createTestServer(mock, { now: () => time, fetch: counter.fetch, store: makeStore() }),
    );
    const { cookie } = await signIn(send);
    time += HOUR - 30_000; // inside the minute before expiry
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        requestOtp(send, cookie, index % 2 ? 'DOT90004580' : 'DOT90004581'),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(counter.refreshes()).toBe(1);
    // A browser that still sends the old cookie is served by that one refresh too (the mock
    // rotates refresh tokens: a second refresh with the spent one would be refused).
    expect((await requestOtp(send, cookie, 'DOT90004580')).status).toBe(200);
    expect(counter.refreshes()).toBe(1);
  });

  it('does not refresh while the token is far from expiry', async () => {
    const counter = countingFetch();
    const send = sendTo(createTestServer(mock, { fetch: counter.fetch, store: makeStore() }));
    const { cookie } = await signIn(send);
    await Promise.all([requestOtp(send, cookie, 'DOT90004580'), readSession(send, cookie)]);
    expect(counter.refreshes()).toBe(0);
  });

  it('refreshes once and retries when Deriv says the token expired early', async () => {
    const counter = countingFetch();
    const send = sendTo(createTestServer(mock, { fetch: counter.fetch, store: makeStore() }));
    const { cookie } = await signIn(send);
    const clear = mock.inject({ type: 'accessTokenExpired' });
    try {
      const answers = await Promise.all(
        [1, 2, 3].map(() => requestOtp(send, cookie, 'DOT90004580')),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(counter.refreshes()).toBe(1);
    } finally {
      clear();
    }
  });

  it('a refused refresh ends the session: session says signed out in its own words', async () => {
    let time = Date.now();
    const send = sendTo(createTestServer(mock, { now: () => time, store: makeStore() }));
    const { cookie } = await signIn(send);
    const clear = mock.inject({ type: 'refuseRefresh' });
    try {
      time += HOUR;
      const response = await send('/auth/session', { headers: { cookie } });
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ signedIn: false, reason: 'session_expired' });
      expect(text).not.toMatch(/invalid_grant|refresh/i);
      expect(setCookies(response).get('deriv_session')).toBe('');
      const otp = await requestOtp(send, cookie, 'DOT90004580');
      expect(otp.status).toBe(401);
      expect(await otp.json()).toEqual({
        error: { code: 'signed_out', message: 'Sign in again.' },
      });
    } finally {
      clear();
    }
    // Even with refresh working again, the ended session stays ended.
    expect(await readSession(send, cookie)).toEqual({ signedIn: false, reason: 'session_expired' });
    expect(observed.join('\n')).not.toMatch(/invalid_grant/);
  });
});

describe('refresh with sessions in the sealed cookie', () => {
  it('a request still carrying the pre-refresh cookie gets the refreshed cookie back', async () => {
    let time = Date.now();
    const counter = countingFetch();
    const send = sendTo(createTestServer(mock, { now: () => time, fetch: counter.fetch }));
    const { cookie } = await signIn(send);
    time += HOUR - 30_000;
    const refreshed = await requestOtp(send, cookie, 'DOT90004580');
    const fresh = setCookies(refreshed).get('deriv_session');
    expect(fresh).toBeTruthy();
    // Within the minute, no idle write would send a cookie: only the outdated one explains it.
    const late = await requestOtp(send, cookie, 'DOT90004580');
    expect(late.status).toBe(200);
    expect(setCookies(late).get('deriv_session')).toBeTruthy();
    expect(counter.refreshes()).toBe(1);
  });
});
