import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { MockServer } from '@deriv-auth/mock-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let http: ServerType;
let baseUrl: string;
beforeAll(async () => {
  mock = await startMock();
  const auth = createTestServer(mock);
  const app = new Hono();
  app.all('/auth/*', (c) => auth.handle(c.req.raw));
  app.get('/', (c) => c.text('app'));
  await new Promise<void>((resolve) => {
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.close();
  await mock.close();
});

describe('mounted in Hono, served by @hono/node-server', () => {
  it('signs in, reads the session, gets an OTP URL and logs out', async () => {
    const send = sendTo(baseUrl);
    const { cookie } = await signIn(send);
    expect(await readSession(send, cookie)).toMatchObject({
      signedIn: true,
      accounts: [{ id: 'DOT90004580' }, { id: 'DOT90004581' }],
    });
    expect((await requestOtp(send, cookie, 'DOT90004581')).status).toBe(200);
    const logout = await send('/auth/logout', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, cookie },
    });
    expect(logout.status).toBe(200);
    expect(await readSession(send, cookie)).toMatchObject({ signedIn: false });
  });

  it('leaves the app’s other routes to the app', async () => {
    expect(await (await fetch(`${baseUrl}/`)).text()).toBe('app');
  });
});
