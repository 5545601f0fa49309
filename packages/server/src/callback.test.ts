import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from './sessionStore.js';
import {
  APP_ORIGIN,
  createTestServer,
  readSession,
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

const failure = (response: Response) =>
  new URL(response.headers.get('location') ?? '').searchParams.get('auth_error');

describe('callback', () => {
  it('is one-time: a replayed callback with the same login cookie starts no session', async () => {
    const send = sendTo(createTestServer(mock));
    const { callbackPath, loginCookie } = await signIn(send);
    const replay = await send(callbackPath, { headers: { cookie: loginCookie } });
    expect(replay.status).toBe(302);
    expect(failure(replay)).toBe('login_expired');
    expect(setCookies(replay).has('deriv_session')).toBe(false);
    expect(setCookies(replay).get('deriv_login')).toBe('');
  });

  it('refuses a callback without the login cookie (another browser)', async () => {
    const send = sendTo(createTestServer(mock));
    const login = await send('/auth/login');
    const authorize = new URL(login.headers.get('location') ?? '');
    authorize.searchParams.set('user', 'john');
    authorize.searchParams.set('auto', '1');
    const back = new URL(
      (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const response = await send(`/auth/callback${back.search}`);
    expect(failure(response)).toBe('login_expired');
    expect(setCookies(response).has('deriv_session')).toBe(false);
  });

  it('refuses a state that is not this login’s (login CSRF)', async () => {
    const send = sendTo(createTestServer(mock));
    const victim = await send('/auth/login');
    const victimCookie = `deriv_login=${setCookies(victim).get('deriv_login') ?? ''}`;
    const attacker = await send('/auth/login');
    const authorize = new URL(attacker.headers.get('location') ?? '');
    authorize.searchParams.set('user', 'john');
    authorize.searchParams.set('auto', '1');
    const back = new URL(
      (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const response = await send(`/auth/callback${back.search}`, {
      headers: { cookie: victimCookie },
    });
    expect(failure(response)).toBe('login_failed');
    expect(setCookies(response).has('deriv_session')).toBe(false);
  });

  it('sends a denied login back to the app as access_denied, without Deriv’s description', async () => {
    const send = sendTo(createTestServer(mock));
    const login = await send('/auth/login');
    const cookie = `deriv_login=${setCookies(login).get('deriv_login') ?? ''}`;
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const response = await send(
      `/auth/callback?error=access_denied&error_description=User+cancelled&state=${state}`,
      { headers: { cookie } },
    );
    expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/?auth_error=access_denied`);
  });

  it('refuses a repeated parameter and a login cookie from an expired login', async () => {
    let time = Date.now();
    const send = sendTo(createTestServer(mock, { now: () => time }));
    const { callbackPath, loginCookie } = await (async () => {
      const login = await send('/auth/login');
      const authorize = new URL(login.headers.get('location') ?? '');
      authorize.searchParams.set('user', 'john');
      authorize.searchParams.set('auto', '1');
      const back = new URL(
        (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
      );
      return {
        callbackPath: `/auth/callback${back.search}`,
        loginCookie: `deriv_login=${setCookies(login).get('deriv_login') ?? ''}`,
      };
    })();
    const repeated = await send(`${callbackPath}&code=ory_ac_second`, {
      headers: { cookie: loginCookie },
    });
    expect(failure(repeated)).toBe('login_failed');
    time += 601_000;
    const late = await send(callbackPath, { headers: { cookie: loginCookie } });
    expect(failure(late)).toBe('login_expired');
  });

  it('sends the user back to login_failed when Deriv refuses the code (spent elsewhere)', async () => {
    const send = sendTo(createTestServer(mock));
    const first = await signIn(send);
    // Same code, a fresh server (its own one-time memory): Deriv refuses the spent code.
    const other = sendTo(createTestServer(mock));
    const response = await other(first.callbackPath, { headers: { cookie: first.loginCookie } });
    expect(failure(response)).toBe('login_failed');
  });

  it('signing in again in the same browser ends the previous session', async () => {
    const send = sendTo(createTestServer(mock, { store: createMemoryStore() }));
    const first = await signIn(send);
    const login = await send('/auth/login');
    const loginCookie = `deriv_login=${setCookies(login).get('deriv_login') ?? ''}`;
    const authorize = new URL(login.headers.get('location') ?? '');
    authorize.searchParams.set('user', 'john');
    authorize.searchParams.set('auto', '1');
    const back = new URL(
      (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const callback = await send(`/auth/callback${back.search}`, {
      headers: { cookie: `${loginCookie}; ${first.cookie}` },
    });
    const second = `deriv_session=${setCookies(callback).get('deriv_session') ?? ''}`;
    expect(await readSession(send, second)).toMatchObject({ signedIn: true });
    expect(await readSession(send, first.cookie)).toEqual({
      signedIn: false,
      reason: 'session_expired',
    });
  });
});
