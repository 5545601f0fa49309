import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  createTestServer,
  readSession,
  sendTo,
  signIn,
  startMock,
} from './test/harness.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('CSRF on POST routes', () => {
  const body = JSON.stringify({ accountId: 'DOT90004580' });

  it.each([
    ['another Origin', { origin: 'https://evil.example' }],
    ['the app origin on another port', { origin: 'http://localhost:5174' }],
    ['Origin null', { origin: 'null' }],
    ['no Origin, Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
    ['neither header', {}],
  ])(
    'otp refuses %s with 403 cross_site_request',
    async (_name, headers: Record<string, string>) => {
      const send = sendTo(createTestServer(mock));
      const { cookie } = await signIn(send);
      const response = await send('/auth/otp', {
        method: 'POST',
        headers: { ...headers, cookie, 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'cross_site_request' } });
    },
  );

  it('otp accepts Sec-Fetch-Site same-origin without Origin', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const response = await send('/auth/otp', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', cookie, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
  });

  it('otp requires a JSON content type (a form post cannot skip the CORS preflight)', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const response = await send('/auth/otp', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie, 'content-type': 'text/plain' },
      body,
    });
    expect(response.status).toBe(400);
  });

  it('a cross-site logout is refused and the session survives', async () => {
    const send = sendTo(createTestServer(mock));
    const { cookie } = await signIn(send);
    const response = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie },
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: true });
  });
});
