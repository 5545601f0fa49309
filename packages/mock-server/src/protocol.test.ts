import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;

beforeEach(async () => {
  server = await startMockServer();
  client = await openClient(`${server.wsUrl}?app_id=1089&l=EN&brand=deriv`);
});

afterEach(async () => {
  client.close();
  await server.close();
});

describe('Deriv JSON protocol', () => {
  it('answers ping with pong, echoing req_id and passthrough', async () => {
    const reply = await client.call({ ping: 1, req_id: 7, passthrough: { mine: true } });
    expect(reply).toEqual({
      echo_req: { ping: 1, req_id: 7, passthrough: { mine: true } },
      msg_type: 'ping',
      ping: 'pong',
      passthrough: { mine: true },
      req_id: 7,
    });
  });

  it('answers time with the server epoch', async () => {
    const before = Math.floor(Date.now() / 1000);
    const reply = await client.call({ time: 1 });
    expect(reply['msg_type']).toBe('time');
    expect(reply['time']).toBeGreaterThanOrEqual(before);
  });

  it('answers unknown calls with UnrecognisedRequest', async () => {
    const reply = await client.call({ no_such_call: 1 });
    expect(reply['msg_type']).toBe('error');
    expect(reply['error']).toEqual({
      code: 'UnrecognisedRequest',
      message: 'Unrecognised request.',
    });
  });

  it('answers a frame that is not JSON with BadRequest', async () => {
    client.socket.send('{not json');
    const reply = await client.next((message) => message['msg_type'] === 'error');
    expect((reply['error'] as { code: string }).code).toBe('BadRequest');
  });

  it.each([
    [{ ping: 2 }, 'ping', 'Not in enum list: 1.'],
    [{ ping: 1, extra: true }, 'extra', 'Properties not allowed: extra.'],
    [{ authorize: 'bad token!' }, 'authorize', 'String does not match ^[\\w\\-]{1,128}$.'],
    [
      { authorize: 'a1-x', tokens: Array.from({ length: 26 }, () => 'a1-y') },
      'tokens',
      'Too many items: 26/25.',
    ],
    [
      { balance: 1, account: 'nobody!' },
      'account',
      'String does not match ^(current|all|[A-Z]{2,4}[0-9]{1,10})$.',
    ],
    [{ forget_all: 'nonsense' }, 'forget_all', 'None of the oneOf rules match.'],
    [{ buy: '1' }, 'price', 'Missing property.'],
    [{ buy: '1', price: -1 }, 'price', '-1 < minimum(0).'],
  ])('rejects %j with InputValidationFailed on %s', async (request, field, detail) => {
    const reply = await client.call(request);
    const error = reply['error'] as {
      code: string;
      message: string;
      details: Record<string, string>;
    };
    expect(error.code).toBe('InputValidationFailed');
    expect(error.details[field]).toBe(detail);
    expect(error.message).toContain(field);
  });

  it('hides tokens in echo_req as <not shown>', async () => {
    const { accounts } = await server.login({ appId: 1089, user: 'john' });
    const tokens = accounts.map((account) => account.token);
    const reply = await client.call({ authorize: tokens[0], tokens: tokens.slice(1) });
    expect(reply['echo_req']).toMatchObject({ authorize: '<not shown>', tokens: '<not shown>' });
    expect(JSON.stringify(reply)).not.toContain(tokens[0]);
  });

  it('answers website_status with api_call_limits without auth', async () => {
    const reply = await client.call({ website_status: 1 });
    const status = reply['website_status'] as {
      api_call_limits: Record<string, unknown>;
      site_status: string;
    };
    expect(Object.keys(status.api_call_limits).sort()).toEqual([
      'max_proposal_subscription',
      'max_requestes_general',
      'max_requests_outcome',
      'max_requests_pricing',
    ]);
    expect(status.site_status).toBe('up');
  });
});

describe('connecting', () => {
  it.each([[''], ['?app_id=4242'], ['?app_id=abc']])(
    'sends InvalidAppID then closes for %s',
    async (query) => {
      const other = await openClient(`${server.wsUrl}${query}`);
      const message = await other.next(() => true);
      expect(message['error']).toEqual({
        code: 'InvalidAppID',
        message: 'Your app_id is invalid.',
      });
      expect((await other.closed).code).toBe(1008);
    },
  );

  it('closes idle sockets after idleTimeoutMs', async () => {
    const quick = await startMockServer({ idleTimeoutMs: 50 });
    const idle = await openClient(`${quick.wsUrl}?app_id=1089`);
    expect((await idle.closed).code).toBe(1000);
    await quick.close();
  });

  it('answers RateLimit past the configured budget but never limits ping', async () => {
    const limited = await startMockServer({ rateLimit: { maxRequests: 2, windowMs: 60_000 } });
    const socket = await openClient(`${limited.wsUrl}?app_id=1089`);
    await socket.call({ time: 1 });
    await socket.call({ time: 1 });
    const third = await socket.call({ time: 1 });
    expect((third['error'] as { code: string }).code).toBe('RateLimit');
    expect((await socket.call({ ping: 1 }))['ping']).toBe('pong');
    socket.close();
    await limited.close();
  });
});

describe('many connections', () => {
  it('keeps 100 concurrently authorized sessions apart', async () => {
    const logins = await Promise.all(
      ['john', 'multi', 'readonly', 'nocurrency'].map((user) =>
        server.login({ appId: 1089, user }),
      ),
    );
    const clients = await Promise.all(
      Array.from({ length: 100 }, () => openClient(`${server.wsUrl}?app_id=1089`)),
    );
    const expected = clients.map((_, index) => logins[index % logins.length]?.accounts[0]);
    await Promise.all(
      clients.map((each, index) => each.call({ authorize: expected[index]?.token })),
    );
    const balances = await Promise.all(clients.map((each) => each.call({ balance: 1 })));
    expect(balances.map((reply) => (reply['balance'] as { loginid: string }).loginid)).toEqual(
      expected.map((account) => account?.account),
    );
    expect(server.connections().filter((info) => info.loginid !== undefined)).toHaveLength(100);
    for (const each of clients) each.close();
  });
});

describe('handshake', () => {
  it('answers 404 to an upgrade on another path', async () => {
    await expect(
      openClient(`${server.httpUrl.replace('http', 'ws')}/websockets/v2?app_id=1089`),
    ).rejects.toThrow('404');
  });
});
