import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeHandler } from './toNodeHandler.js';
import {
  APP_ORIGIN,
  createTestServer,
  readSession,
  requestOtp,
  sendTo,
  signIn,
  startMock,
} from './test/harness.js';

let mock: MockServer;
let http: Server;
let baseUrl: string;
beforeAll(async () => {
  mock = await startMock();
  http = createServer(toNodeHandler(createTestServer(mock).handle, { maxBodyBytes: 2_048 }));
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.close();
  await mock.close();
});

describe('toNodeHandler over a real http.createServer', () => {
  it('serves login, callback, session, otp and logout', async () => {
    const send = sendTo(baseUrl);
    const { cookie, location } = await signIn(send);
    expect(location).toBe(`${APP_ORIGIN}/trade`);
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: true });
    const otp = await requestOtp(send, cookie, 'DOT90004580');
    expect(otp.status).toBe(200);
    expect(await otp.json()).toMatchObject({ accountId: 'DOT90004580', type: 'real' });
    const logout = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie },
    });
    expect(logout.status).toBe(200);
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: false });
  });

  it('keeps each Set-Cookie a header of its own', async () => {
    const send = sendTo(baseUrl);
    const { cookie, callbackSetCookies } = await signIn(send);
    // A callback answers two cookies: the login cookie cleared and the session set.
    expect(callbackSetCookies.map((header) => header.split('=')[0])).toEqual([
      'deriv_login',
      'deriv_session',
    ]);
    const login = await send('/auth/login');
    expect(login.headers.getSetCookie()).toHaveLength(1);
    const logout = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie },
    });
    expect(logout.headers.getSetCookie()).toHaveLength(1);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await fetch(`${baseUrl}/auth/otp`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: 'x'.repeat(4_096),
    });
    expect(response.status).toBe(413);
  });

  it('answers HEAD on a GET route without a body', async () => {
    const response = await fetch(`${baseUrl}/auth/session`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500 without detail when the handler throws', async () => {
    const failing = createServer(
      toNodeHandler(() => Promise.reject(new Error('secret detail'))),
    ).listen(0, '127.0.0.1');
    await once(failing, 'listening');
    const response = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/`);
    failing.close();
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal error');
  });
});
