import { parseOAuthRedirect } from '@deriv-auth/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { readLoginForm, submitLoginPage } from './test/loginForm.js';
import type { MockServer } from './types.js';

let server: MockServer;

beforeEach(async () => {
  server = await startMockServer({
    apps: [{ appId: 3000, redirectUri: 'https://app.example/cb?keep=1', name: 'Example <App>' }],
  });
});

afterEach(async () => {
  await server.close();
});

describe('OAuth login page', () => {
  it('serves an accessible page with every fixture user, the first one checked', async () => {
    const response = await fetch(`${server.oauthUrl}?app_id=3000&l=FR&state=s%22x&route=deposit`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Example &lt;App&gt;');
    expect(html).toMatch(/<fieldset><legend>/u);
    const { fields } = readLoginForm(html);
    expect(Object.fromEntries(fields)).toEqual({
      app_id: '3000',
      state: 's"x',
      route: 'deposit',
      l: 'FR',
      consent: expect.stringMatching(/^[\w-]{16,}$/u) as unknown,
      user: 'john',
    });
    for (const user of ['john', 'nocurrency', 'multi', 'readonly', 'revoked'])
      expect(html).toContain(`value="${user}"`);
  });

  it('redirects Authorize to the registered URL with accounts, tokens, currencies, state and route', async () => {
    const location = await submitLoginPage(
      `${server.oauthUrl}?app_id=3000&state=abc&route=cashier`,
      'authorize',
    );
    const url = new URL(location);
    expect(url.origin + url.pathname).toBe('https://app.example/cb');
    expect(url.searchParams.get('keep')).toBe('1');
    expect([...url.searchParams.keys()]).toEqual([
      'keep',
      'acct1',
      'token1',
      'cur1',
      'acct2',
      'token2',
      'cur2',
      'state',
      'route',
    ]);
    const parsed = parseOAuthRedirect(url, { expectedState: 'abc' });
    expect(parsed.accounts.map((account) => account.account)).toEqual(['CR799393', 'VRTC1859315']);
    expect(parsed.route).toBe('cashier');
  });

  it('issues fresh tokens per login', async () => {
    const first = new URL(await submitLoginPage(`${server.oauthUrl}?app_id=1089`, 'authorize'));
    const second = new URL(await submitLoginPage(`${server.oauthUrl}?app_id=1089`, 'authorize'));
    expect(first.searchParams.get('token1')).not.toBe(second.searchParams.get('token1'));
    expect(first.searchParams.get('token1')).toMatch(/^[\w-]{1,128}$/u);
  });

  it('logs in the user picked on the page', async () => {
    const location = await submitLoginPage(`${server.oauthUrl}?app_id=1089`, 'authorize', 'multi');
    expect(new URL(location).searchParams.get('acct2')).toBe('CR900011');
  });

  it('redirects Deny with error=access_denied and the state', async () => {
    const location = new URL(
      await submitLoginPage(`${server.oauthUrl}?app_id=1089&state=st`, 'deny'),
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st');
    expect(location.searchParams.has('token1')).toBe(false);
  });

  it.each([[''], ['?app_id=999'], ['?app_id=1x']])(
    'answers 400 without redirect for app id %j',
    async (query) => {
      const response = await fetch(`${server.oauthUrl}${query}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('role="alert"');
    },
  );

  it('login() returns the same redirect a browser would get', async () => {
    const { redirectUrl, accounts } = await server.login({
      appId: 1089,
      user: 'multi',
      state: 'z',
      route: 'r',
    });
    expect(parseOAuthRedirect(redirectUrl, { expectedState: 'z' }).accounts).toEqual(accounts);
    await expect(server.login({ appId: 5 })).rejects.toThrow('app_id 5');
    await expect(server.login({ appId: 1089, user: 'ghost' })).rejects.toThrow('ghost');
  });

  it('describes itself at / and answers 404 elsewhere', async () => {
    const index = (await (await fetch(server.httpUrl)).json()) as {
      wsUrl: string;
      users: string[];
    };
    expect(index.wsUrl).toBe(server.wsUrl);
    expect(index.users).toContain('readonly');
    expect((await fetch(`${server.httpUrl}/nope`)).status).toBe(404);
  });
});
