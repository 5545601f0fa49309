import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { otpUrlOf, rest } from './test/newApiFlow.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer, MockServerOptions } from './types.js';

let server: MockServer | undefined;
const clients: TestClient[] = [];

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  server = await startMockServer(options);
  return server;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

/** A fresh one-time socket URL for `accountId`, through the REST endpoint. */
async function otpUrl(mock: MockServer, accountId: string, user = 'john'): Promise<string> {
  const token = mock.newApi.issueTokens({ user }).access_token;
  const answer = await rest(mock, `/trading/v1/options/accounts/${accountId}/otp`, {
    token,
    method: 'POST',
  });
  expect(answer.status).toBe(200);
  return otpUrlOf(answer);
}

async function open(url: string): Promise<TestClient> {
  const client = await openClient(url);
  clients.push(client);
  return client;
}

/** The HTTP answer to an upgrade the server refuses: status and body text. */
function refusedUpgrade(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.close();
      reject(new Error('The upgrade was accepted.'));
    });
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, text });
      });
    });
  });
}

describe('OTP sockets (/trading/v1/options/ws/demo|real?otp=)', () => {
  it('opens a socket scoped to the account: balance answers for it, by account_id', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004580'));
    const reply = await client.call({ balance: 1 });
    expect(reply).toMatchObject({
      balance: { balance: 10_000, currency: 'USD', loginid: 'DOT90004580' },
      msg_type: 'balance',
    });
    expect(mock.connections()).toEqual([
      expect.objectContaining({ endpoint: 'real', accountId: 'DOT90004580', appId: 0 }),
    ]);
  });

  it('streams balance updates for the connected account', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004581'));
    const first = await client.call({ balance: 1, subscribe: 1 });
    const id = (first['subscription'] as { id: string }).id;
    const bought = await client.call({
      buy: '1',
      price: 25,
      parameters: {
        contract_type: 'CALL',
        currency: 'USD',
        underlying_symbol: 'R_100',
        amount: 25,
        basis: 'stake',
      },
    });
    expect(bought['error']).toBeUndefined();
    const update = await client.next(
      (message) => message['msg_type'] === 'balance' && message !== first,
    );
    expect(update).toMatchObject({
      balance: { balance: 9_975, loginid: 'DOT90004581', id },
      subscription: { id },
    });
  });

  it('spends the OTP: the same URL is refused with 401 the second time', async () => {
    const mock = await start();
    const url = await otpUrl(mock, 'DOT90004580');
    await open(url);
    expect(await refusedUpgrade(url)).toEqual({
      status: 401,
      text: 'Invalid or expired OTP token',
    });
  });

  it.each([
    ['no otp', '', 400, 'OTP parameter is required'],
    ['an empty otp', '?otp=', 400, 'OTP parameter is required'],
    ['an unknown otp', '?otp=abc123xyz789', 401, 'Invalid or expired OTP token'],
  ])('refuses the upgrade with %s', async (_name, query, status, text) => {
    const mock = await start();
    const base = mock.newApi.publicWsUrl.replace('/public', '/demo');
    expect(await refusedUpgrade(`${base}${query}`)).toEqual({ status, text });
  });

  it('refuses an expired OTP (otpTtlSeconds: 0) and a demo OTP on /ws/real', async () => {
    const expiring = await start({ newApi: { otpTtlSeconds: 0 } });
    expect((await refusedUpgrade(await otpUrl(expiring, 'DOT90004580'))).status).toBe(401);
    await expiring.close();
    const mock = await start();
    const demoUrl = await otpUrl(mock, 'DOT90004581');
    expect((await refusedUpgrade(demoUrl.replace('/ws/demo', '/ws/real'))).status).toBe(401);
  });

  it('refuses authorize and logout, and any loginid field', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004580'));
    const token = mock.newApi.issueTokens().access_token;
    const authorize = await client.call({ authorize: token });
    expect(authorize).toMatchObject({
      error: { code: 'UnrecognisedRequest' },
      msg_type: 'authorize',
    });
    expect(JSON.stringify(authorize)).not.toContain(token);
    expect(await client.call({ logout: 1 })).toMatchObject({
      error: { code: 'UnrecognisedRequest' },
    });
    expect(await client.call({ balance: 1, loginid: 'CR799393' })).toMatchObject({
      error: { code: 'InputValidationFailed', details: { loginid: expect.any(String) as unknown } },
    });
    expect(await client.call({ balance: 1, account: 'DOT90004581' })).toMatchObject({
      error: { code: 'PermissionDenied' },
    });
    expect(await client.call({ balance: 1, account: 'DOT90004580' })).toMatchObject({
      balance: { loginid: 'DOT90004580' },
    });
    // Still connected and authorized for its account after the refusals.
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
  });

  it('takes underlying_symbol in proposal, and refuses symbol', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004580'));
    const reply = await client.call({
      proposal: 1,
      amount: 10,
      basis: 'stake',
      contract_type: 'CALL',
      currency: 'USD',
      underlying_symbol: 'R_100',
    });
    expect(reply).toMatchObject({
      msg_type: 'proposal',
      proposal: { ask_price: 10, spot: expect.any(Number) as unknown },
    });
    expect(
      await client.call({ proposal: 1, contract_type: 'CALL', currency: 'USD', symbol: 'R_100' }),
    ).toMatchObject({
      error: { code: 'InputValidationFailed', details: { symbol: expect.any(String) as unknown } },
    });
  });

  it('answers calls Deriv lists but the mock does not implement, and refuses legacy-only calls', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004580'));
    expect(await client.call({ portfolio: 1 })).toMatchObject({
      error: {
        code: 'UnrecognisedRequest',
        message: expect.stringContaining('does not implement') as unknown,
      },
    });
    expect(await client.call({ get_settings: 1 })).toMatchObject({
      error: { code: 'UnrecognisedRequest', message: 'Unrecognised request.' },
    });
  });
});

describe('the public socket (/trading/v1/options/ws/public)', () => {
  it('serves market data without any credential', async () => {
    const mock = await start();
    const client = await open(mock.newApi.publicWsUrl);
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
    expect(typeof (await client.call({ time: 1 }))['time']).toBe('number');
    expect(await client.call({ ticks: 'R_100' })).toMatchObject({
      msg_type: 'tick',
      tick: { symbol: 'R_100' },
    });
    const symbols = await client.call({ active_symbols: 'brief' });
    expect(symbols['active_symbols']).toEqual(
      expect.arrayContaining([expect.objectContaining({ underlying_symbol: 'R_100' })]),
    );
    expect(
      (
        await client.call({
          proposal: 1,
          contract_type: 'CALL',
          currency: 'USD',
          underlying_symbol: 'R_50',
        })
      )['error'],
    ).toBeUndefined();
    expect(mock.connections()).toEqual([expect.objectContaining({ endpoint: 'public' })]);
  });

  it('refuses account calls and authorize', async () => {
    const mock = await start();
    const client = await open(mock.newApi.publicWsUrl);
    expect(await client.call({ balance: 1 })).toMatchObject({
      error: { code: 'AuthorizationRequired' },
    });
    expect(await client.call({ authorize: 'ory_at_x' })).toMatchObject({
      error: { code: 'UnrecognisedRequest' },
    });
  });
});

describe('limits and faults', () => {
  it('refuses the 6th OTP socket of a user with 429 at the upgrade, and frees the slot on close', async () => {
    const mock = await start();
    for (let index = 0; index < 5; index += 1)
      await open(await otpUrl(mock, index % 2 === 0 ? 'DOT90004580' : 'DOT90004581'));
    expect(await refusedUpgrade(await otpUrl(mock, 'DOT90004580'))).toEqual({
      status: 429,
      text: 'Too many connections: at most 5 sockets per user.',
    });
    // Another user and the public socket are not counted.
    await open(await otpUrl(mock, 'DOT00900010', 'multi'));
    await open(mock.newApi.publicWsUrl);
    const first = clients[0];
    first?.close();
    await first?.closed;
    // The server forgets the socket on its own close event, which may come after the client's.
    const johnsSockets = (): number =>
      mock.connections().filter((connection) => connection.accountId?.startsWith('DOT9000458'))
        .length;
    await vi.waitFor(() => {
      expect(johnsSockets()).toBe(4);
    });
    await open(await otpUrl(mock, 'DOT90004580'));
  });

  it('takes the per-user limit from maxSocketsPerUser', async () => {
    const mock = await start({ newApi: { maxSocketsPerUser: 1 } });
    await open(await otpUrl(mock, 'DOT90004580'));
    expect((await refusedUpgrade(await otpUrl(mock, 'DOT90004581'))).status).toBe(429);
  });

  it('otpAlreadyUsed: a fresh OTP is refused with 401 once', async () => {
    const mock = await start();
    mock.inject({ type: 'otpAlreadyUsed' }, { times: 1 });
    expect(await refusedUpgrade(await otpUrl(mock, 'DOT90004580'))).toEqual({
      status: 401,
      text: 'Invalid or expired OTP token',
    });
    await open(await otpUrl(mock, 'DOT90004580'));
  });

  it('closes an OTP socket from the server (close fault), and a new OTP opens a new one', async () => {
    const mock = await start();
    const client = await open(await otpUrl(mock, 'DOT90004580'));
    const [connection] = mock.connections();
    mock.inject(
      { type: 'close', code: 1011, reason: 'server going away' },
      { connectionId: connection?.id ?? '' },
    );
    expect(await client.closed).toEqual({ code: 1011, reason: 'server going away' });
    const again = await open(await otpUrl(mock, 'DOT90004580'));
    expect((await again.call({ balance: 1 }))['msg_type']).toBe('balance');
  });

  it('after a restart, the spent OTP stays refused and a fresh one connects', async () => {
    const mock = await start();
    const url = await otpUrl(mock, 'DOT90004580');
    const client = await open(url);
    await mock.restart();
    expect((await client.closed).code).toBe(1006);
    expect((await refusedUpgrade(url)).status).toBe(401);
    await open(await otpUrl(mock, 'DOT90004580'));
  });

  it('answers an unknown New API socket path with 404', async () => {
    const mock = await start();
    expect(
      (await refusedUpgrade(mock.newApi.publicWsUrl.replace('/public', '/other'))).status,
    ).toBe(404);
  });
});
