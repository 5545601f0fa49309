import { isOtpUrl } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  createTestServer,
  startMock,
  readSession,
  requestOtp,
  sameOrigin,
  sendTo,
  setCookies,
  signIn,
} from './test/harness.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('login', () => {
  it('redirects to Deriv with PKCE S256, state and the configured client, and sets a short-lived HttpOnly cookie', async () => {
    const send = sendTo(createTestServer(mock));
    const response = await send('/auth/login?returnTo=/trade');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(mock.newApi.authorizeUrl);
    expect(location.searchParams.get('client_id')).toBe('serverTestClient');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('scope')).toBe('trade');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^deriv_login=[\w.-]+; Path=\/auth\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
  });

  it('passes sign-up and partner parameters through, one partner alias at most', async () => {
    const send = sendTo(createTestServer(mock));
    const response = await send(
      '/auth/login?prompt=registration&sidc=abc-123&utm_campaign=spring&utm_medium=affiliate&utm_source=site&t=partner1&ca=ignored&unknown=x',
    );
    const query = new URL(response.headers.get('location') ?? '').searchParams;
    expect(query.get('prompt')).toBe('registration');
    expect(query.get('sidc')).toBe('abc-123');
    expect(query.get('utm_campaign')).toBe('spring');
    expect(query.get('utm_medium')).toBe('affiliate');
    expect(query.get('utm_source')).toBe('site');
    expect(query.get('t')).toBe('partner1');
    expect(query.has('ca')).toBe(false);
    expect(query.has('unknown')).toBe(false);
  });

  it('sets Secure on cookies unless insecureCookiesForLocalhost is on', async () => {
    const server = createTestServer(mock, {
      insecureCookiesForLocalhost: false,
      appOrigin: 'https://app.example.com',
    });
    const response = await server.login(new Request('https://app.example.com/auth/login'));
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    expect(() => createTestServer(mock, { appOrigin: 'https://app.example.com' })).toThrow(
      /insecureCookiesForLocalhost/,
    );
  });
});

describe('callback, session, otp, logout', () => {
  it('signs in end to end and redirects to the validated return path', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie, location } = await signIn(send, { returnTo: '/trade?tab=1' });
    expect(location).toBe(`${APP_ORIGIN}/trade?tab=1`);
    expect(cookie).toMatch(/^deriv_session=[\w.-]+$/);
  });

  it('refuses an open redirect as the return path', async () => {
    const send = sendTo(createTestServer(mock));
    const { location } = await signIn(send, { returnTo: '//evil.example/steal' });
    expect(location).toBe(`${APP_ORIGIN}/`);
  });

  it('session: lists accounts with id, currency, demo or real, and scopes; never a token', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const response = await send('/auth/session', { headers: { cookie } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      signedIn: true,
      accounts: [
        { id: 'DOT90004580', currency: 'USD', type: 'real', status: 'active' },
        { id: 'DOT90004581', currency: 'USD', type: 'demo', status: 'active' },
      ],
      scopes: ['trade'],
    });
  });

  it('session: signed out without a cookie', async () => {
    const send = sendTo(createTestServer(mock));
    expect(await readSession(send, '')).toEqual({ signedIn: false, reason: 'no_session' });
  });

  it('otp: a fresh one-time socket URL for one of the session accounts, different each time', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const first = await requestOtp(send, cookie, 'DOT90004581');
    expect(first.status).toBe(200);
    const body = (await first.json()) as { url: string; accountId: string; type: string };
    expect(Object.keys(body).sort()).toEqual(['accountId', 'type', 'url']);
    expect(body).toMatchObject({ accountId: 'DOT90004581', type: 'demo' });
    expect(isOtpUrl(body.url)).toBe(true);
    expect(new URL(body.url).pathname).toBe('/trading/v1/options/ws/demo');
    const second = (await (await requestOtp(send, cookie, 'DOT90004581')).json()) as {
      url: string;
    };
    expect(second.url).not.toBe(body.url);
  });

  it('otp: refuses an account that is not the session user’s, a bad body, and no session', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const foreign = await requestOtp(send, cookie, 'DOT00000001');
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'unknown_account' } });
    const bad = await send('/auth/otp', {
      method: 'POST',
      headers: { ...sameOrigin, cookie },
      body: '{"accountId":7}',
    });
    expect(bad.status).toBe(400);
    const anonymous = await requestOtp(send, '', 'DOT90004581');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'signed_out' } });
  });

  it('otp: refuses an oversized body whose length is not declared (read only up to 1 KiB)', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const filler = `{"accountId":"DOT90004581","pad":"${'x'.repeat(64 * 1024)}"}`;
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(filler));
        controller.close();
      },
    });
    const response = await send('/auth/otp', {
      method: 'POST',
      headers: { ...sameOrigin, cookie },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
  });

  it('otp: Deriv failing answers 502 with a fixed message, and the session stands', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const clear = mock.inject({ type: 'otpServerError' }, { times: 1 });
    const failed = await requestOtp(send, cookie, 'DOT90004580');
    clear();
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({
      error: {
        code: 'upstream_unavailable',
        message: 'Deriv did not answer as expected; try again.',
      },
    });
    expect((await requestOtp(send, cookie, 'DOT90004580')).status).toBe(200);
  });

  it('logout: clears the cookie, and the old cookie opens no session afterwards', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const response = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie },
    });
    expect(await response.json()).toEqual({ signedIn: false, reason: 'signed_out' });
    expect(setCookies(response).get('deriv_session')).toBe('');
    expect(response.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    expect(await readSession(send, cookie)).toEqual({ signedIn: false, reason: 'session_expired' });
    expect((await requestOtp(send, cookie, 'DOT90004580')).status).toBe(401);
  });

  it('answers 404 off the routes and 405 with Allow for a wrong method', async () => {
    const send = sendTo(createTestServer(mock));
    expect((await send('/auth/nope')).status).toBe(404);
    expect((await send('/elsewhere/session')).status).toBe(404);
    const wrong = await send('/auth/otp');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('serves a configured prefix', async () => {
    const server = createTestServer(mock, { prefix: '/api/deriv/' });
    const response = await server.handle(new Request('http://localhost:5173/api/deriv/session'));
    expect(await response.json()).toEqual({ signedIn: false, reason: 'no_session' });
  });

  it('otp: Deriv rate limiting the token answers 429 rate_limited', async () => {
    const limited = await startMock({
      newApi: { restRateLimit: { maxRequests: 1, windowMs: 60_000 } },
    });
    try {
      const send = sendTo(createTestServer(limited));
      const { cookie } = await signIn(send); // the account list spends the one request
      const response = await requestOtp(send, cookie, 'DOT90004580');
      expect(response.status).toBe(429);
      expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});
