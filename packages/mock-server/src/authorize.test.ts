import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;

const errorOf = (reply: Record<string, unknown>): { code: string; message: string } =>
  reply['error'] as { code: string; message: string };

beforeEach(async () => {
  server = await startMockServer({
    apps: [{ appId: 2000, redirectUri: 'https://other.example/cb' }],
  });
  client = await openClient(`${server.wsUrl}?app_id=1089`);
});

afterEach(async () => {
  client.close();
  await server.close();
});

describe('authorize', () => {
  it("authorizes john's real account with the seed's shape", async () => {
    const { accounts } = await server.login({ appId: 1089, user: 'john' });
    expect(accounts.map((account) => [account.account, account.currency])).toEqual([
      ['CR799393', 'USD'],
      ['VRTC1859315', 'USD'],
    ]);
    const reply = await client.call({ authorize: accounts[0]?.token });
    expect(reply['msg_type']).toBe('authorize');
    expect(reply['authorize']).toMatchObject({
      loginid: 'CR799393',
      currency: 'USD',
      is_virtual: 0,
      landing_company_name: 'svg',
      landing_company_fullname: 'Deriv (SVG) LLC',
      scopes: ['read', 'trade', 'trading_information', 'payments', 'admin'],
      account_list: [
        expect.objectContaining({ loginid: 'CR799393', is_virtual: 0 }),
        expect.objectContaining({ loginid: 'VRTC1859315', is_virtual: 1 }),
      ],
    });
  });

  it('rejects an unknown token with InvalidToken', async () => {
    const reply = await client.call({ authorize: 'a1-doesnotexist' });
    expect(errorOf(reply)).toEqual({ code: 'InvalidToken', message: 'The token is invalid.' });
  });

  it('rejects a token issued for another app id', async () => {
    const { accounts } = await server.login({ appId: 2000 });
    const reply = await client.call({ authorize: accounts[0]?.token });
    expect(errorOf(reply)).toEqual({
      code: 'InvalidToken',
      message: 'Token is not valid for current app ID.',
    });
  });

  it('rejects revoked tokens: the revoked user, revokeToken and revokeUser', async () => {
    const revoked = await server.login({ appId: 1089, user: 'revoked' });
    expect(errorOf(await client.call({ authorize: revoked.accounts[0]?.token })).code).toBe(
      'InvalidToken',
    );
    const john = await server.login({ appId: 1089 });
    server.revokeToken(john.accounts[0]?.token ?? '');
    expect(errorOf(await client.call({ authorize: john.accounts[0]?.token })).code).toBe(
      'InvalidToken',
    );
    server.revokeUser('john');
    expect(errorOf(await client.call({ authorize: john.accounts[1]?.token })).code).toBe(
      'InvalidToken',
    );
  });

  it('treats a token revoked mid-session as invalid on the next call that needs auth', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    server.revokeToken(accounts[0]?.token ?? '');
    expect(errorOf(await client.call({ balance: 1 }))).toEqual({
      code: 'InvalidToken',
      message: 'The token is invalid.',
    });
    expect(errorOf(await client.call({ balance: 1 })).code).toBe('AuthorizationRequired');
  });

  it('authorizes extra tokens and lets calls pick an account by loginid', async () => {
    const { accounts } = await server.login({ appId: 1089, user: 'multi' });
    expect(accounts.map((account) => account.account)).toEqual([
      'CR900010',
      'CR900011',
      'VRTC900013',
    ]);
    await client.call({
      authorize: accounts[0]?.token,
      tokens: accounts.slice(1).map((account) => account.token),
      add_to_login_history: 1,
    });
    expect(server.connections()[0]?.authorizedLoginids).toEqual([
      'CR900010',
      'CR900011',
      'VRTC900013',
    ]);
    const btc = await client.call({ balance: 1, loginid: 'CR900011' });
    expect(btc['balance']).toMatchObject({ loginid: 'CR900011', currency: 'BTC', balance: 0.015 });
  });

  it('switches the session on a second authorize', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const second = await client.call({ authorize: accounts[1]?.token });
    expect((second['authorize'] as { loginid: string }).loginid).toBe('VRTC1859315');
    expect(((await client.call({ balance: 1 }))['balance'] as { loginid: string }).loginid).toBe(
      'VRTC1859315',
    );
    expect(server.connections()[0]?.loginid).toBe('VRTC1859315');
  });

  it('reports an account without currency with currency ""', async () => {
    const { accounts, redirectUrl } = await server.login({ appId: 1089, user: 'nocurrency' });
    expect(new URL(redirectUrl).searchParams.get('cur1')).toBe('');
    const reply = await client.call({ authorize: accounts[0]?.token });
    expect((reply['authorize'] as { currency: string }).currency).toBe('');
  });
});

describe('authorize edge cases', () => {
  it('refuses extra tokens of another user and keeps the previous session', async () => {
    const john = await server.login({ appId: 1089 });
    const multi = await server.login({ appId: 1089, user: 'multi' });
    await client.call({ authorize: john.accounts[0]?.token });
    const mixed = await client.call({
      authorize: john.accounts[1]?.token,
      tokens: [multi.accounts[0]?.token],
    });
    expect(errorOf(mixed).code).toBe('InvalidToken');
    expect(server.connections()[0]?.loginid).toBe('CR799393');
  });

  it('answers logout without a session', async () => {
    expect(await client.call({ logout: 1 })).toMatchObject({ logout: 1 });
  });

  it('never gives the disabled account a token but lists it', async () => {
    const { accounts, redirectUrl } = await server.login({ appId: 1089, user: 'multi' });
    expect(redirectUrl).not.toContain('CR900012');
    const reply = await client.call({ authorize: accounts[0]?.token });
    const list = (
      reply['authorize'] as { account_list: { loginid: string; is_disabled: number }[] }
    ).account_list;
    expect(list.find((account) => account.loginid === 'CR900012')?.is_disabled).toBe(1);
  });
});

describe('auth and scopes', () => {
  it('answers AuthorizationRequired before authorize', async () => {
    for (const request of [
      { balance: 1 },
      { get_settings: 1 },
      { api_token: 1 },
      { buy: '1', price: 1 },
    ]) {
      expect(errorOf(await client.call(request))).toEqual({
        code: 'AuthorizationRequired',
        message: 'Please log in.',
      });
    }
  });

  it('answers PermissionDenied naming the missing scope for a readonly token', async () => {
    const { accounts } = await server.login({ appId: 1089, user: 'readonly' });
    await client.call({ authorize: accounts[0]?.token });
    expect(errorOf(await client.call({ buy: '1', price: 1 }))).toEqual({
      code: 'PermissionDenied',
      message: 'Permission denied, requires trade scope.',
    });
    expect(errorOf(await client.call({ api_token: 1 }))).toEqual({
      code: 'PermissionDenied',
      message: 'Permission denied, requires admin scope.',
    });
    expect(await client.call({ balance: 1 })).toHaveProperty('balance.balance', 42);
    expect(await client.call({ get_settings: 1 })).toHaveProperty(
      'get_settings.email',
      'rita@example.com',
    );
  });

  it('lets a full-scope token buy and manage API tokens', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const bought = await client.call({
      buy: '1',
      price: 10,
      parameters: {
        contract_type: 'CALL',
        currency: 'USD',
        symbol: 'R_100',
        amount: 10,
        basis: 'stake',
        duration: 5,
        duration_unit: 't',
      },
    });
    expect(bought['buy']).toMatchObject({ buy_price: 10, balance_after: 9990 });
    expect(
      await client.call({ api_token: 1, new_token: 'ci', new_token_scopes: ['read'] }),
    ).toHaveProperty('api_token.new_token', 1);
  });
});

describe('logout', () => {
  it('signs the session out and revokes its token', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    expect(await client.call({ logout: 1 })).toMatchObject({ logout: 1, msg_type: 'logout' });
    expect(errorOf(await client.call({ balance: 1 })).code).toBe('AuthorizationRequired');
    expect(errorOf(await client.call({ authorize: accounts[0]?.token })).code).toBe('InvalidToken');
  });

  it('signs out one account by loginid, keeping the active one', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token, tokens: [accounts[1]?.token] });
    await client.call({ logout: 1, loginid: 'VRTC1859315' });
    expect(server.connections()[0]?.authorizedLoginids).toEqual(['CR799393']);
    expect(await client.call({ balance: 1 })).toHaveProperty('balance.loginid', 'CR799393');
  });
});
