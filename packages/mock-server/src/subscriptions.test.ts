import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;

beforeEach(async () => {
  server = await startMockServer();
  client = await openClient(`${server.wsUrl}?app_id=1089`);
  const { accounts } = await server.login({ appId: 1089 });
  await client.call({ authorize: accounts[0]?.token });
});

afterEach(async () => {
  client.close();
  await server.close();
});

const subscriptionId = (message: Record<string, unknown>): string =>
  (message['subscription'] as { id: string }).id;

describe('balance subscription', () => {
  it('streams balance changes with the subscription id and req_id', async () => {
    const first = await client.call({ balance: 1, subscribe: 1, req_id: 40 });
    const id = subscriptionId(first);
    expect(first['balance']).toMatchObject({
      balance: 10_000,
      currency: 'USD',
      loginid: 'CR799393',
      id,
    });
    await client.call({
      buy: '1',
      price: 100,
      parameters: { contract_type: 'PUT', currency: 'USD', symbol: 'R_50' },
    });
    const update = await client.next(
      (message) => message['msg_type'] === 'balance' && message !== first,
    );
    expect(update).toMatchObject({
      balance: { balance: 9900, id },
      subscription: { id },
      req_id: 40,
    });
  });

  it('answers AlreadySubscribed for a second stream on the same account', async () => {
    await client.call({ balance: 1, subscribe: 1 });
    const second = await client.call({ balance: 1, subscribe: 1 });
    expect(second['error']).toEqual({
      code: 'AlreadySubscribed',
      message: 'You are already subscribed to balance.',
    });
  });

  it('forget_all and forget cancel streams', async () => {
    const balance = subscriptionId(await client.call({ balance: 1, subscribe: 1 }));
    const status = subscriptionId(await client.call({ website_status: 1, subscribe: 1 }));
    expect((await client.call({ forget_all: ['balance'] }))['forget_all']).toEqual([balance]);
    expect((await client.call({ forget: status }))['forget']).toBe(1);
    expect((await client.call({ forget: status }))['forget']).toBe(0);
    await client.call({ buy: '1', price: 1 });
    await client.call({ ping: 1 });
    expect(client.messages.filter((message) => message['msg_type'] === 'balance')).toHaveLength(1);
  });
});

describe('real Deriv calls the mock does not implement', () => {
  it('still applies auth and scope rules from the official schemas, then says so', async () => {
    const anonymous = await openClient(`${server.wsUrl}?app_id=1089`);
    expect((await anonymous.call({ statement: 1 }))['error']).toMatchObject({
      code: 'AuthorizationRequired',
    });
    expect((await anonymous.call({ active_symbols: 'brief' }))['error']).toMatchObject({
      code: 'UnrecognisedRequest',
      message: 'The mock server does not implement active_symbols.',
    });
    anonymous.close();
    const { accounts } = await server.login({ appId: 1089, user: 'readonly' });
    await client.call({ authorize: accounts[0]?.token });
    expect((await client.call({ cashier: 'deposit' }))['error']).toEqual({
      code: 'PermissionDenied',
      message: 'Permission denied, requires payments scope.',
    });
  });
});

describe('balance of other accounts', () => {
  it('answers a named authorized account, and all of them with account: all', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token, tokens: [accounts[1]?.token] });
    expect(await client.call({ balance: 1, account: 'VRTC1859315' })).toHaveProperty(
      'balance.loginid',
      'VRTC1859315',
    );
    const all = await client.call({ balance: 1, account: 'all' });
    expect(Object.keys((all['balance'] as { accounts: object }).accounts)).toEqual([
      'CR799393',
      'VRTC1859315',
    ]);
    expect((await client.call({ balance: 1, account: 'CR900010' }))['error']).toMatchObject({
      code: 'AuthorizationRequired',
    });
  });
});

describe('get_settings', () => {
  it("answers the authorized user's settings", async () => {
    const reply = await client.call({ get_settings: 1 });
    expect(reply['get_settings']).toMatchObject({
      email: 'john@example.com',
      first_name: 'John',
      last_name: 'Doe',
    });
  });
});
