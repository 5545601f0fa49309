import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { otpUrlOf, postToken, rest, type HttpAnswer } from './test/newApiFlow.js';
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

const ACCOUNTS = '/trading/v1/options/accounts';
const otpPath = (accountId: string): string => `${ACCOUNTS}/${accountId}/otp`;

/** Deriv's error envelope with one error, the HTTP status mirrored. */
function expectError(answer: HttpAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    errors: [{ status, code, message: expect.any(String) as unknown }],
    meta: expect.objectContaining({ endpoint: expect.any(String) as unknown }) as unknown,
  });
}

describe('GET /trading/v1/options/accounts', () => {
  it("lists the user's accounts with account_id, account_type, currency, balance, group, status", async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    const answer = await rest(mock, ACCOUNTS, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: [
        {
          account_id: 'DOT90004580',
          balance: 10_000,
          currency: 'USD',
          group: 'row',
          status: 'active',
          account_type: 'real',
        },
        {
          account_id: 'DOT90004581',
          balance: 10_000,
          currency: 'USD',
          group: 'row',
          status: 'active',
          account_type: 'demo',
        },
      ],
      meta: { endpoint: ACCOUNTS, method: 'GET', timing: expect.any(Number) as unknown },
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('shows a disabled account as inactive, and balances as strings when asked', async () => {
    const mock = await start({ newApi: { balanceAsString: true } });
    const token = mock.newApi.issueTokens({ user: 'multi' }).access_token;
    const data = (await rest(mock, ACCOUNTS, { token })).body['data'] as Record<string, unknown>[];
    expect(
      data.map((account) => [account['account_id'], account['balance'], account['status']]),
    ).toEqual([
      ['DOT00900010', '250.50', 'active'],
      ['DOT00900011', '0.01500000', 'active'],
      ['DOT00900012', '0.00', 'inactive'],
      ['DOT00900013', '10000.00', 'active'],
    ]);
  });
});

describe('authentication, scope and rate limit', () => {
  it.each([
    ['no Authorization header', undefined],
    ['another scheme', { authorization: 'Basic abc' }],
    ['an unknown token', { authorization: 'Bearer ory_at_unknown' }],
    ['a legacy token', { authorization: 'Bearer a1-legacy' }],
  ])('answers %s with 401 Unauthorized', async (_name, headers) => {
    const mock = await start();
    const answer = await rest(mock, ACCOUNTS, headers === undefined ? {} : { headers });
    expectError(answer, 401, 'Unauthorized');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers an expired token with 401 (accessTokenTtlSeconds: 0)', async () => {
    const mock = await start({ newApi: { accessTokenTtlSeconds: 0 } });
    const token = mock.newApi.issueTokens().access_token;
    expectError(await rest(mock, ACCOUNTS, { token }), 401, 'Unauthorized');
    expectError(
      await rest(mock, otpPath('DOT90004580'), { token, method: 'POST' }),
      401,
      'Unauthorized',
    );
  });

  it('answers the tokens of the revoked fixture user with 401, as on the legacy flow', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'revoked' }).access_token;
    expectError(await rest(mock, ACCOUNTS, { token }), 401, 'Unauthorized');
  });

  it('answers a token revoked with server.revokeToken with 401, and refuses its refresh token', async () => {
    const mock = await start();
    const tokens = mock.newApi.issueTokens();
    mock.revokeToken(tokens.access_token);
    mock.revokeToken(tokens.refresh_token ?? '');
    expectError(await rest(mock, ACCOUNTS, { token: tokens.access_token }), 401, 'Unauthorized');
    const refreshed = await postToken(mock, {
      grant_type: 'refresh_token',
      client_id: 'mockClient1089',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('answers a revoked user with 401', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    mock.revokeUser('john');
    expectError(await rest(mock, ACCOUNTS, { token }), 401, 'Unauthorized');
  });

  it('answers 403 AccessDenied for a token without the scope the endpoint needs', async () => {
    const mock = await start();
    const noTrade = mock.newApi.issueTokens({ scopes: ['account_manage', 'payment'] }).access_token;
    expectError(await rest(mock, ACCOUNTS, { token: noTrade }), 403, 'AccessDenied');
    expectError(
      await rest(mock, otpPath('DOT90004580'), { token: noTrade, method: 'POST' }),
      403,
      'AccessDenied',
    );
    const noManage = mock.newApi.issueTokens({ scopes: ['trade'] }).access_token;
    const body = JSON.stringify({ currency: 'USD', group: 'row', account_type: 'demo' });
    expectError(
      await rest(mock, ACCOUNTS, { token: noManage, method: 'POST', body }),
      403,
      'AccessDenied',
    );
  });

  it('answers 429 past the per-token limit, with Retry-After, other tokens unaffected', async () => {
    const mock = await start({ newApi: { restRateLimit: { maxRequests: 3, windowMs: 60_000 } } });
    const token = mock.newApi.issueTokens().access_token;
    for (let call = 0; call < 3; call += 1)
      expect((await rest(mock, ACCOUNTS, { token })).status).toBe(200);
    const limited = await rest(mock, ACCOUNTS, { token });
    expectError(limited, 429, 'TooManyRequests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectError(
      await rest(mock, otpPath('DOT90004580'), { token, method: 'POST' }),
      429,
      'TooManyRequests',
    );
    const other = mock.newApi.issueTokens().access_token;
    expect((await rest(mock, ACCOUNTS, { token: other })).status).toBe(200);
  });

  it('allows 60 calls a minute per token by default', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens().access_token;
    const statuses = [];
    for (let call = 0; call < 61; call += 1)
      statuses.push((await rest(mock, ACCOUNTS, { token })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers unknown paths with 404 and other methods with 405, in the envelope', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens().access_token;
    expectError(await rest(mock, '/trading/v1/options/nothing', { token }), 404, 'NotFound');
    const deleted = await rest(mock, ACCOUNTS, { token, method: 'DELETE' });
    expectError(deleted, 405, 'MethodNotAllowed');
    expect(deleted.headers.get('allow')).toBe('GET, POST');
  });
});

describe('POST /trading/v1/options/accounts', () => {
  it('creates an account (201, data: [account]), then finds the identical one (200, data: account)', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    const body = JSON.stringify({ currency: 'EUR', group: 'row', account_type: 'demo' });
    const created = await rest(mock, ACCOUNTS, { token, method: 'POST', body });
    expect(created.status).toBe(201);
    const [account] = created.body['data'] as Record<string, unknown>[];
    expect(account).toEqual({
      account_id: expect.stringMatching(/^DOT\d+$/u) as unknown,
      balance: 10_000,
      currency: 'EUR',
      group: 'row',
      status: 'active',
      account_type: 'demo',
    });
    const again = await rest(mock, ACCOUNTS, { token, method: 'POST', body });
    expect(again.status).toBe(200);
    expect(again.body['data']).toEqual(account);
    const existing = JSON.stringify({ currency: 'USD', group: 'row', account_type: 'real' });
    const found = await rest(mock, ACCOUNTS, { token, method: 'POST', body: existing });
    expect(found.status).toBe(200);
    expect((found.body['data'] as Record<string, unknown>)['account_id']).toBe('DOT90004580');
    const listed = (await rest(mock, ACCOUNTS, { token })).body['data'] as unknown[];
    expect(listed).toHaveLength(3);
    expect(listed).toContainEqual(account);
  });

  it.each([
    ['a missing field', '{"currency":"USD","group":"row"}', 'FieldIsRequired'],
    ['an empty field', '{"currency":"","group":"row","account_type":"demo"}', 'FieldIsRequired'],
    [
      'a bad account_type',
      '{"currency":"USD","group":"row","account_type":"gold"}',
      'ValidationError',
    ],
    [
      'a bad currency',
      '{"currency":"usd!","group":"row","account_type":"demo"}',
      'ValidationError',
    ],
    ['JSON that is not an object', '[1,2]', 'ValidationError'],
    ['text that is not JSON', 'currency=USD', 'ValidationError'],
  ])('refuses %s with 400 %s', async (_name, body, code) => {
    const mock = await start();
    const token = mock.newApi.issueTokens().access_token;
    expectError(await rest(mock, ACCOUNTS, { token, method: 'POST', body }), 400, code);
  });
});

describe('POST /trading/v1/options/accounts/{id}/otp', () => {
  it('returns a one-time socket URL on this server, /ws/real or /ws/demo by account_type', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    const real = await rest(mock, otpPath('DOT90004580'), { token, method: 'POST' });
    expect(real.status).toBe(200);
    expect(real.body).toEqual({
      data: {
        url: expect.stringMatching(
          /^ws:\/\/127\.0\.0\.1:\d+\/trading\/v1\/options\/ws\/real\?otp=[0-9a-f]+$/u,
        ) as unknown,
      },
      meta: expect.objectContaining({ method: 'POST' }) as unknown,
    });
    expect(new URL(otpUrlOf(real)).port).toBe(String(mock.port));
    const demo = await rest(mock, otpPath('DOT90004581'), { token, method: 'POST' });
    expect(otpUrlOf(demo)).toContain('/trading/v1/options/ws/demo?otp=');
  });

  it.each([
    ['a malformed id', 'not-an-id', 400, 'ValidationError'],
    ['a lower-case id', 'dot90004580', 400, 'ValidationError'],
    ['an unknown id', 'DOT99999999', 404, 'AccountNotFound'],
    ["another user's account", 'DOT00900010', 404, 'AccountNotFound'],
  ])('answers %s with %i %s', async (_name, id, status, code) => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'john' }).access_token;
    const answer = await rest(mock, otpPath(id), { token, method: 'POST' });
    expectError(answer, status, code);
    if (status === 400)
      expect((answer.body['errors'] as { message: string }[])[0]?.message).toBe(
        'Invalid account ID format',
      );
  });

  it('refuses an inactive account with 403', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens({ user: 'multi' }).access_token;
    expectError(
      await rest(mock, otpPath('DOT00900012'), { token, method: 'POST' }),
      403,
      'AccessDenied',
    );
  });
});

describe('CORS on the REST API', () => {
  it('answers the preflight with Authorization allowed, and the call with the exact origin', async () => {
    const mock = await start();
    const preflight = await fetch(`${mock.newApi.restUrl}${ACCOUNTS}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const token = mock.newApi.issueTokens().access_token;
    const answer = await rest(mock, ACCOUNTS, {
      token,
      headers: { origin: 'http://localhost:5173' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await rest(mock, ACCOUNTS, {
      token,
      headers: { origin: 'http://evil.example' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('faults', () => {
  it('accessTokenExpired: REST answers 401 until the app refreshes', async () => {
    const mock = await start();
    const tokens = mock.newApi.issueTokens();
    mock.inject({ type: 'accessTokenExpired' });
    expectError(await rest(mock, ACCOUNTS, { token: tokens.access_token }), 401, 'Unauthorized');
    expectError(
      await rest(mock, otpPath('DOT90004580'), { token: tokens.access_token, method: 'POST' }),
      401,
      'Unauthorized',
    );
    const renewed = await postToken(mock, {
      grant_type: 'refresh_token',
      client_id: 'mockClient1089',
      refresh_token: tokens.refresh_token ?? '',
    });
    const token = String(renewed.body['access_token']);
    expect((await rest(mock, ACCOUNTS, { token })).status).toBe(200);
  });

  it('refuseRefresh: the refresh grant answers invalid_grant while in force', async () => {
    const mock = await start();
    const refreshToken = mock.newApi.issueTokens().refresh_token ?? '';
    const refresh = (): Promise<HttpAnswer> =>
      postToken(mock, {
        grant_type: 'refresh_token',
        client_id: 'mockClient1089',
        refresh_token: refreshToken,
      });
    mock.inject({ type: 'refuseRefresh' }, { times: 1 });
    expect(await refresh()).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await refresh()).status).toBe(200);
  });

  it('otpServerError: the OTP endpoint answers 500 InternalError', async () => {
    const mock = await start();
    const token = mock.newApi.issueTokens().access_token;
    mock.inject({ type: 'otpServerError' }, { times: 1 });
    const failed = await rest(mock, otpPath('DOT90004580'), { token, method: 'POST' });
    expectError(failed, 500, 'InternalError');
    expect((failed.body['errors'] as { message: string }[])[0]?.message).toBe(
      'Failed to generate OTP',
    );
    expect((await rest(mock, otpPath('DOT90004580'), { token, method: 'POST' })).status).toBe(200);
  });
});
