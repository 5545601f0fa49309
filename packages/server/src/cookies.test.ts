import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  OTHER_SECRET,
  readSession,
  SECRET,
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

const kidOf = (cookie: string) =>
  (
    JSON.parse(Buffer.from(cookie.split('=')[1]?.split('.')[0] ?? '', 'base64url').toString()) as {
      kid: string;
    }
  ).kid;

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to the prefix, and lives as long as the session', async () => {
    const send = sendTo(createTestServer(mock, { sessionLifetimeSeconds: 3_000 }));
    const login = await send('/auth/login');
    expect(login.headers.getSetCookie()[0]).toContain('HttpOnly; SameSite=Lax');
    const { cookie } = await signIn(send);
    expect(cookie.length).toBeLessThan(4_096);
    const response = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', cookie },
    });
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^deriv_session=; Path=\/auth; Max-Age=0; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT$/,
    );
  });

  it('a tampered cookie opens nothing and is cleared', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    for (const position of [20, cookie.length - 5, Math.floor(cookie.length / 2)]) {
      const flipped = cookie[position] === 'A' ? 'B' : 'A';
      const tampered = cookie.slice(0, position) + flipped + cookie.slice(position + 1);
      const response = await send('/auth/session', { headers: { cookie: tampered } });
      expect(await response.json()).toEqual({ signedIn: false, reason: 'session_expired' });
      expect(setCookies(response).get('deriv_session')).toBe('');
    }
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: true });
  });

  it('a login cookie is never accepted as a session cookie (sealed for another purpose)', async () => {
    const send = sendTo(createTestServer(mock));
    const login = await send('/auth/login');
    const value = setCookies(login).get('deriv_login') ?? '';
    expect(await readSession(send, `deriv_session=${value}`)).toEqual({
      signedIn: false,
      reason: 'session_expired',
    });
  });

  it('ends at the absolute lifetime, even when used all along', async () => {
    let time = Date.now();
    const send = sendTo(
      createTestServer(mock, {
        now: () => time,
        sessionLifetimeSeconds: 600,
        idleLifetimeSeconds: 300,
      }),
    );
    let { cookie } = await signIn(send);
    for (let step = 0; step < 4; step += 1) {
      time += 120_000;
      const response = await send('/auth/session', { headers: { cookie } });
      expect(await response.json()).toMatchObject({ signedIn: true });
      const next = setCookies(response).get('deriv_session');
      if (next) cookie = `deriv_session=${next}`;
    }
    time += 121_000;
    expect(await readSession(send, cookie)).toEqual({ signedIn: false, reason: 'session_expired' });
  });

  it('ends after the idle lifetime without use', async () => {
    let time = Date.now();
    const send = sendTo(createTestServer(mock, { now: () => time, idleLifetimeSeconds: 300 }));
    const { cookie } = await signIn(send);
    time += 299_000;
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: true });
    // The idle clock counts from the last use the cookie recorded: the original cookie's.
    time += 2_000;
    expect(await readSession(send, cookie)).toEqual({ signedIn: false, reason: 'session_expired' });
  });
});

describe('key rotation', () => {
  it('opens cookies sealed with an older secret and seals new ones with the newest', async () => {
    let time = Date.now();
    const old = sendTo(createTestServer(mock, { secrets: [SECRET], now: () => time }));
    const { cookie } = await signIn(old);
    const rotated = sendTo(
      createTestServer(mock, { secrets: [OTHER_SECRET, SECRET], now: () => time }),
    );
    time += 61_000;
    const response = await rotated('/auth/session', { headers: { cookie } });
    expect(await response.json()).toMatchObject({ signedIn: true });
    const resealed = `deriv_session=${setCookies(response).get('deriv_session') ?? ''}`;
    expect(kidOf(resealed)).not.toBe(kidOf(cookie));
    const newOnly = sendTo(createTestServer(mock, { secrets: [OTHER_SECRET], now: () => time }));
    expect(await readSession(newOnly, resealed)).toMatchObject({ signedIn: true });
    expect(await readSession(newOnly, cookie)).toEqual({
      signedIn: false,
      reason: 'session_expired',
    });
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(() => createTestServer(mock, { secrets: ['short'] })).toThrow(/at least 32 characters/);
    expect(() => createTestServer(mock, { secrets: [] })).toThrow(/secrets/);
  });

  it('refuses a cookie path that is not a plain path covering the routes', () => {
    for (const path of ['/auth; Domain=evil.example', '/other', 'auth'])
      expect(() => createTestServer(mock, { cookies: { path } })).toThrow(/cookies\.path/);
    expect(() => createTestServer(mock, { cookies: { path: '/' } })).not.toThrow();
  });
});
