import { afterEach, describe, expect, it } from 'vitest';
import { defaultUsers } from './fixtures.js';
import { startMockServer } from './startMockServer.js';
import { otpUrlOf, postToken, rest } from './test/newApiFlow.js';
import { openClient } from './test/testClient.js';
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

describe('server.newApi helpers', () => {
  it('login returns a code bound to a fresh verifier, which the token endpoint accepts', async () => {
    const mock = await start();
    const { redirectUrl, code, codeVerifier } = mock.newApi.login({ user: 'multi', state: 's1' });
    const callback = new URL(redirectUrl);
    expect(callback.searchParams.get('code')).toBe(code);
    expect(callback.searchParams.get('state')).toBe('s1');
    expect(code).toMatch(/^ory_ac_/u);
    const answer = await postToken(mock, {
      grant_type: 'authorization_code',
      client_id: 'mockClient1089',
      code,
      redirect_uri: 'http://localhost:5173/redirect',
      code_verifier: codeVerifier ?? '',
    });
    expect(answer.status).toBe(200);
    expect(answer.body['scope']).toBe('trade payment account_manage application_read');
  });

  it('issueTokens returns tokens for the user and scopes asked', async () => {
    const mock = await start();
    const tokens = mock.newApi.issueTokens({ user: 'multi', scopes: ['trade'] });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'trade', expires_in: 3600 });
    const list = await rest(mock, '/trading/v1/options/accounts', { token: tokens.access_token });
    expect((list.body['data'] as unknown[]).length).toBe(4);
  });

  it('refuses an unknown client, an unregistered redirect URI, an unknown user and a bad challenge', async () => {
    const mock = await start();
    expect(() => mock.newApi.login({ clientId: 'nobody1' })).toThrow(/No OAuth client/u);
    expect(() => mock.newApi.login({ redirectUri: 'https://evil.example/cb' })).toThrow(
      /redirect URI/u,
    );
    expect(() => mock.newApi.issueTokens({ user: 'ghost' })).toThrow(/Unknown mock user/u);
    expect(() => mock.newApi.login({ codeChallenge: 'short' })).toThrow(/S256/u);
  });

  it('lists the New API URLs and clients on GET /', async () => {
    const mock = await start();
    const index = (await (await fetch(`${mock.httpUrl}/`)).json()) as Record<string, unknown>;
    expect(index['newApi']).toEqual({
      authorizeUrl: mock.newApi.authorizeUrl,
      tokenUrl: mock.newApi.tokenUrl,
      publicWsUrl: mock.newApi.publicWsUrl,
      clients: [expect.objectContaining({ clientId: 'mockClient1089' }) as unknown],
    });
  });

  it.each([
    [
      'a client id with a dash',
      { clients: [{ clientId: 'my-app', redirectUris: ['http://a/cb'] }] },
    ],
    ['a relative redirect URI', { clients: [{ clientId: 'app1', redirectUris: ['/cb'] }] }],
    ['no redirect URI', { clients: [{ clientId: 'app1', redirectUris: [] }] }],
    ['a negative lifetime', { otpTtlSeconds: -1 }],
    ['a zero rate limit', { restRateLimit: { maxRequests: 0, windowMs: 1 } }],
    ['no sockets allowed', { maxSocketsPerUser: 0 }],
  ])('startMockServer refuses %s with a RangeError', async (_name, newApi) => {
    await expect(startMockServer({ newApi })).rejects.toThrow(RangeError);
  });
});

describe('fixture users on both flows', () => {
  // `revoked`'s tokens are refused on the New API too (newApiRest.test.ts).
  it.each(defaultUsers.filter((user) => user.tokensRevoked !== true).map((user) => [user.id]))(
    '%s has the same accounts on the New API, by account_id and account_type',
    async (userId) => {
      const mock = await start();
      const user = defaultUsers.find((candidate) => candidate.id === userId);
      const token = mock.newApi.issueTokens({ user: userId }).access_token;
      const answer = await rest(mock, '/trading/v1/options/accounts', { token });
      const listed = answer.body['data'] as Record<string, unknown>[];
      expect(listed.map((account) => [account['currency'], account['account_type']])).toEqual(
        user?.accounts.map((account) => [
          account.currency,
          account.isVirtual === true ? 'demo' : 'real',
        ]),
      );
    },
  );

  it('shares balances: a buy on the legacy socket shows in the New API list and its socket', async () => {
    const mock = await start();
    const { accounts } = await mock.login({ appId: 1089, user: 'john' });
    const legacy = await openClient(`${mock.wsUrl}?app_id=1089`);
    await legacy.call({ authorize: accounts[0]?.token });
    await legacy.call({ buy: '1', price: 100 });
    legacy.close();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    const listed = (await rest(mock, '/trading/v1/options/accounts', { token })).body[
      'data'
    ] as Record<string, unknown>[];
    expect(listed[0]).toMatchObject({ account_id: 'DOT90004580', balance: 9_900 });
    const otp = await rest(mock, '/trading/v1/options/accounts/DOT90004580/otp', {
      token,
      method: 'POST',
    });
    const socket = await openClient(otpUrlOf(otp));
    expect(await socket.call({ balance: 1 })).toMatchObject({ balance: { balance: 9_900 } });
    socket.close();
  });
});
