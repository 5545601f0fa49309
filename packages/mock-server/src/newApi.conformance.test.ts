/**
 * The mock's New API against the shapes in Deriv's documentation (as summarised in the project's
 * reference, `deriv-new-api.md`): token replies and errors (RFC 6749 §5.1/§5.2), the REST envelope
 * and its errors, accounts, OTP replies, and the socket envelope. The schemas are written here from
 * the reference, strict where the reference is exact; core's schemas may replace them later.
 */
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { loginOverHttp, otpUrlOf, postToken, rest } from './test/newApiFlow.js';
import { openClient } from './test/testClient.js';
import type { MockServer } from './types.js';

// §1 token response: access_token ory_at_, token_type bearer, expires_in seconds (optional),
// refresh_token ory_rt_ (optional), scope.
const TokenResponse = z.object({
  access_token: z.string().regex(/^ory_at_/u),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().nonnegative().optional(),
  refresh_token: z
    .string()
    .regex(/^ory_rt_/u)
    .optional(),
  scope: z.string(),
});
const TokenError = z.strictObject({
  error: z.enum(['invalid_request', 'invalid_client', 'invalid_grant', 'unsupported_grant_type']),
  error_description: z.string(),
});
// §2 REST envelope.
const Meta = z.object({ endpoint: z.string(), method: z.string(), timing: z.number() });
const RestError = z.strictObject({
  errors: z
    .array(z.strictObject({ status: z.number().int(), code: z.string(), message: z.string() }))
    .min(1),
  meta: Meta,
});
const Account = z.strictObject({
  account_id: z.string().regex(/^[A-Z]+\d+$/u),
  balance: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/u)]),
  currency: z.string(),
  group: z.string(),
  status: z.enum(['active', 'inactive']),
  account_type: z.enum(['demo', 'real']),
});
const AccountList = z.strictObject({ data: z.array(Account), meta: Meta });
const AccountCreated = z.strictObject({ data: z.array(Account).length(1), meta: Meta });
const AccountExists = z.strictObject({ data: Account, meta: Meta });
// §3 OTP response and the socket envelope.
const OtpResponse = z.strictObject({
  data: z.strictObject({
    url: z
      .string()
      .regex(/^wss?:\/\/[^/]+\/trading\/v1\/options\/ws\/(demo|real)\?otp=[A-Za-z0-9]+$/u),
  }),
  meta: Meta,
});
const SocketError = z.object({
  echo_req: z.record(z.string(), z.unknown()),
  msg_type: z.string(),
  req_id: z.number().optional(),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
const BalanceReply = z.object({
  echo_req: z.record(z.string(), z.unknown()),
  msg_type: z.literal('balance'),
  req_id: z.number().optional(),
  balance: z.object({ balance: z.number(), currency: z.string(), loginid: z.string() }),
});

let server: MockServer;
let token: string;

beforeAll(async () => {
  server = await startMockServer({ oauth: { autoApprove: true } });
  token = server.newApi.issueTokens().access_token;
});

afterAll(async () => {
  await server.close();
});

describe('token endpoint', () => {
  it('answers the code exchange per RFC 6749 §5.1 (JSON, no-store)', async () => {
    const answer = await loginOverHttp(server);
    expect(answer.status).toBe(200);
    TokenResponse.parse(answer.body);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
  });

  it.each([
    [400, 'invalid_request', { grant_type: 'authorization_code', client_id: 'mockClient1089' }],
    [
      400,
      'invalid_grant',
      { grant_type: 'refresh_token', client_id: 'mockClient1089', refresh_token: 'ory_rt_x' },
    ],
    [
      400,
      'unsupported_grant_type',
      { grant_type: 'client_credentials', client_id: 'mockClient1089' },
    ],
    [401, 'invalid_client', { grant_type: 'authorization_code', client_id: 'unknown1' }],
  ])('answers %i %s per RFC 6749 §5.2', async (status, error, form) => {
    const answer = await postToken(server, form);
    expect(answer.status).toBe(status);
    expect(TokenError.parse(answer.body).error).toBe(error);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('REST', () => {
  it('lists accounts in { data, meta }', async () => {
    const answer = await rest(server, '/trading/v1/options/accounts', { token });
    expect(answer.status).toBe(200);
    expect(AccountList.parse(answer.body).data.length).toBeGreaterThan(0);
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  it('creates (201, data: [account]) and finds (200, data: account)', async () => {
    const body = JSON.stringify({ currency: 'GBP', group: 'row', account_type: 'real' });
    const created = await rest(server, '/trading/v1/options/accounts', {
      token,
      method: 'POST',
      body,
    });
    expect(created.status).toBe(201);
    AccountCreated.parse(created.body);
    const found = await rest(server, '/trading/v1/options/accounts', {
      token,
      method: 'POST',
      body,
    });
    expect(found.status).toBe(200);
    AccountExists.parse(found.body);
  });

  it('hands out OTP URLs as { data: { url }, meta }', async () => {
    const answer = await rest(server, '/trading/v1/options/accounts/DOT90004580/otp', {
      token,
      method: 'POST',
    });
    expect(answer.status).toBe(200);
    OtpResponse.parse(answer.body);
  });

  it.each([
    [
      401,
      'Unauthorized',
      () => rest(server, '/trading/v1/options/accounts', { token: 'ory_at_bad' }),
    ],
    [
      403,
      'AccessDenied',
      () =>
        rest(server, '/trading/v1/options/accounts', {
          token: server.newApi.issueTokens({ scopes: ['payment'] }).access_token,
        }),
    ],
    [
      400,
      'ValidationError',
      () => rest(server, '/trading/v1/options/accounts/x-1/otp', { token, method: 'POST' }),
    ],
    [
      400,
      'FieldIsRequired',
      () => rest(server, '/trading/v1/options/accounts', { token, method: 'POST', body: '{}' }),
    ],
    [
      404,
      'AccountNotFound',
      () => rest(server, '/trading/v1/options/accounts/DOT12345678/otp', { token, method: 'POST' }),
    ],
  ] as const)('mirrors %i %s in the error envelope', async (status, code, call) => {
    const answer = await call();
    expect(answer.status).toBe(status);
    expect(RestError.parse(answer.body).errors[0]).toMatchObject({ status, code });
  });

  it('mirrors 429 and 500 in the error envelope', async () => {
    const limited = await startMockServer({
      newApi: { restRateLimit: { maxRequests: 1, windowMs: 60_000 } },
    });
    const own = limited.newApi.issueTokens().access_token;
    await rest(limited, '/trading/v1/options/accounts', { token: own });
    const answer = await rest(limited, '/trading/v1/options/accounts', { token: own });
    expect(answer.status).toBe(429);
    expect(RestError.parse(answer.body).errors[0]?.status).toBe(429);
    limited.inject({ type: 'otpServerError' });
    const failed = await rest(limited, '/trading/v1/options/accounts/DOT90004580/otp', {
      token: limited.newApi.issueTokens().access_token,
      method: 'POST',
    });
    expect(RestError.parse(failed.body).errors[0]).toMatchObject({
      status: 500,
      code: 'InternalError',
    });
    await limited.close();
  });
});

describe('sockets', () => {
  it('answers in the v3 envelope: req_id, passthrough, echo_req, msg_type, error', async () => {
    const answer = await rest(server, '/trading/v1/options/accounts/DOT90004581/otp', {
      token,
      method: 'POST',
    });
    const client = await openClient(otpUrlOf(answer));
    const balance = await client.call({ balance: 1, passthrough: { from: 'conformance' } });
    expect(BalanceReply.parse(balance).balance.loginid).toBe('DOT90004581');
    expect(balance['passthrough']).toEqual({ from: 'conformance' });
    const refused = SocketError.parse(await client.call({ authorize: 'ory_at_secret' }));
    expect(refused.echo_req['authorize']).not.toBe('ory_at_secret');
    client.close();
  });
});
