import { parseOAuthRedirect } from '@deriv-auth/core';
import DerivAPIBasic from '@deriv/deriv-api/dist/DerivAPIBasic.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startMockServer } from './startMockServer.js';
import { submitLoginPage } from './test/loginForm.js';
import type { MockServer } from './types.js';

// Deriv's own client library, written by nobody here, must accept the mock as a Deriv server.
let server: MockServer;
let api: DerivAPIBasic | undefined;

beforeEach(async () => {
  server = await startMockServer();
});

afterEach(async () => {
  await api?.disconnect();
  await server.close();
});

describe('@deriv/deriv-api against the mock server', () => {
  it('logs in through the OAuth page and authorizes', async () => {
    const location = await submitLoginPage(
      `${server.oauthUrl}?app_id=1089&l=EN&state=interop`,
      'authorize',
    );
    const { accounts } = parseOAuthRedirect(location, { expectedState: 'interop' });
    const connection = new WebSocket(`${server.wsUrl}?app_id=1089&l=EN&brand=deriv`);
    api = new DerivAPIBasic({ connection });

    const authorized = await api.authorize(accounts[0]?.token ?? '');
    expect(authorized.msg_type).toBe('authorize');
    expect(authorized['authorize']).toMatchObject({ loginid: 'CR799393', currency: 'USD' });
    expect(authorized.echo_req['authorize']).toBe('<not shown>');

    expect((await api.ping())['ping']).toBe('pong');
    expect(await api.balance()).toHaveProperty('balance.balance', 10_000);
    expect(server.connections()[0]?.loginid).toBe('CR799393');
  });

  it('receives Deriv errors as rejections carrying the error envelope', async () => {
    const connection = new WebSocket(`${server.wsUrl}?app_id=1089&l=EN&brand=deriv`);
    api = new DerivAPIBasic({ connection });
    const failure: unknown = await api
      .authorize('a1-not-a-real-token')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      error: { code: 'InvalidToken', message: 'The token is invalid.' },
    });
    const denied: unknown = await api.balance().catch((error: unknown) => error);
    expect(denied).toMatchObject({ error: { code: 'AuthorizationRequired' } });
  });

  it('follows a balance subscription and its updates', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    const connection = new WebSocket(`${server.wsUrl}?app_id=1089`);
    api = new DerivAPIBasic({ connection });
    await api.authorize(accounts[0]?.token ?? '');
    const first = await api.balance({ balance: 1, subscribe: 1 });
    expect(first['subscription']).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/u) as unknown,
    });
    const bought = await api.send({
      buy: '1',
      price: 25,
      parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
    });
    expect(bought).toHaveProperty('buy.balance_after', 9975);
    expect(await api.send({ forget_all: 'balance' })).toHaveProperty('forget_all', [
      (first['subscription'] as { id: string }).id,
    ]);
  });
});
