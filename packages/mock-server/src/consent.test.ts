import { request } from 'node:http';
import { parseOAuthRedirect } from '@deriv-auth/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { readLoginForm, submitLoginPage } from './test/loginForm.js';
import type { MockServer, MockServerOptions } from './types.js';

let server: MockServer | undefined;

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  server = await startMockServer(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A raw HTTP request, so `Host`, `Origin` and `Sec-Fetch-Site` are exactly what a test says. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, location: response.headers.location, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The fields of a freshly rendered consent form, with `decision` set. */
async function formFields(mock: MockServer, decision: 'authorize' | 'deny'): Promise<string> {
  const page = await fetch(`${mock.oauthUrl}?app_id=1089&state=s`);
  const { fields } = readLoginForm(await page.text());
  fields.set('decision', decision);
  return fields.toString();
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('consent is given on the page, by default', () => {
  it.each(['1', 'deny'])('refuses GET ...&auto=%s with 403 and no redirect', async (auto) => {
    const mock = await start();
    const response = await send(`${mock.oauthUrl}?app_id=1089&auto=${auto}`);
    expect(response.status).toBe(403);
    expect(response.location).toBeUndefined();
    expect(response.body).toContain('autoApprove');
  });

  it('approves GET ...&auto=1 in one request with oauth.autoApprove', async () => {
    const mock = await start({ oauth: { autoApprove: true } });
    const response = await send(`${mock.oauthUrl}?app_id=1089&user=nocurrency&auto=1&state=q`);
    expect(response.status).toBe(302);
    const parsed = parseOAuthRedirect(response.location ?? '', { expectedState: 'q' });
    expect(parsed.accounts).toEqual([
      { account: 'CR900001', token: expect.any(String) as unknown, currency: '' },
    ]);
    const denied = await send(`${mock.oauthUrl}?app_id=1089&auto=deny`);
    expect(new URL(denied.location ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('accepts its own form posted from its own origin', async () => {
    const mock = await start();
    const body = await formFields(mock, 'authorize');
    const response = await send(mock.oauthUrl, {
      method: 'POST',
      headers: { ...FORM, origin: mock.httpUrl, 'sec-fetch-site': 'same-origin' },
      body,
    });
    expect(response.status).toBe(302);
    expect(new URL(response.location ?? '').searchParams.get('token1')).toMatch(/^a1-/u);
  });

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['another port of the same host', { origin: 'http://127.0.0.1:1' }],
    ['an opaque origin', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a form post from %s with 403', async (_name, headers) => {
    const mock = await start({ oauth: { autoApprove: true } });
    const body = await formFields(mock, 'authorize');
    const response = await send(mock.oauthUrl, {
      method: 'POST',
      headers: { ...FORM, ...headers },
      body,
    });
    expect(response.status).toBe(403);
    expect(response.location).toBeUndefined();
    expect(response.body).toContain('role="alert"');
  });

  it('refuses a post without a form token, with a made-up one, or with one already spent', async () => {
    const mock = await start();
    const post = (body: string): ReturnType<typeof send> =>
      send(mock.oauthUrl, { method: 'POST', headers: FORM, body });
    expect((await post('app_id=1089&decision=authorize&user=john')).status).toBe(403);
    expect((await post('app_id=1089&decision=authorize&consent=made-up')).status).toBe(403);
    const body = await formFields(mock, 'deny');
    expect((await post(body)).status).toBe(302);
    expect((await post(body)).status).toBe(403);
  });

  it.each([
    ['the legacy page', (mock: MockServer) => mock.oauthUrl],
    ['the New API page', (mock: MockServer) => `${mock.httpUrl}/oauth2/auth`],
  ])('answers a form too large for %s with 413 and keeps serving', async (_page, target) => {
    const mock = await start();
    const response = await send(target(mock), {
      method: 'POST',
      headers: FORM,
      body: `consent=${'x'.repeat(20_000)}`,
    });
    expect(response.status).toBe(413);
    expect(response.body).toContain('too large');
    expect((await fetch(`${mock.oauthUrl}?app_id=1089`)).status).toBe(200);
  });

  it('still logs in through the page as a browser would', async () => {
    const mock = await start();
    const location = await submitLoginPage(`${mock.oauthUrl}?app_id=1089`, 'authorize', 'multi');
    expect(new URL(location).searchParams.get('acct2')).toBe('CR900011');
  });
});

describe('Host must name this server', () => {
  it.each(['evil.example', 'evil.example:80', '127.0.0.2', 'localhost.evil.example'])(
    'answers Host %j with 400 on every route',
    async (host) => {
      const mock = await start({ oauth: { autoApprove: true } });
      for (const path of [
        '/',
        '/oauth2/authorize?app_id=1089',
        '/oauth2/authorize?app_id=1089&auto=1',
      ]) {
        const response = await send(`${mock.httpUrl}${path}`, { headers: { host } });
        expect(response.status).toBe(400);
        expect(response.location).toBeUndefined();
      }
    },
  );

  it.each(['localhost', '127.0.0.1', 'LOCALHOST'])('accepts the loopback name %s', async (name) => {
    const mock = await start();
    const response = await send(`${mock.httpUrl}/`, { headers: { host: `${name}:${mock.port}` } });
    expect(response.status).toBe(200);
  });

  it('accepts a name given in oauth.allowedHosts, whatever the port', async () => {
    const mock = await start({ oauth: { allowedHosts: ['mock.test'] } });
    const response = await send(`${mock.httpUrl}/`, { headers: { host: 'mock.test:9000' } });
    expect(response.status).toBe(200);
  });
});
