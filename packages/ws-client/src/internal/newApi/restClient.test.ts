import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { isDerivRestError } from '../../derivRestError.js';
import { isDerivSessionError } from '../../derivSessionError.js';
import { defined, recordError, recorded, rejectionOf, startServer } from '../../test/harness.js';
import { createTokenSource } from '../../tokenSource.js';
import { createRestClient } from './restClient.js';

const ACCESS_TOKEN = 'ory_at_RestClientSecretAccessToken0123';

let server: MockServer | undefined;
let raw:
  { url: string; close: () => Promise<void>; headers: IncomingMessage['headers'][] } | undefined;

afterEach(async () => {
  await server?.close();
  await raw?.close();
  server = undefined;
  raw = undefined;
});

/** A loopback HTTP server answering with `handle` (or never, when it returns nothing). */
async function startRaw(handle: (response: ServerResponse) => void): Promise<typeof raw> {
  const headers: IncomingMessage['headers'][] = [];
  const http = createServer((request, response) => {
    headers.push(request.headers);
    handle(response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  raw = {
    url: `http://127.0.0.1:${port}`,
    headers,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => {
          resolve();
        });
      }),
  };
  return raw;
}

const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('the New API REST client', () => {
  it('lists accounts (balance as a string too) and gets an OTP URL with a Bearer token', async () => {
    server = await startServer({ newApi: { balanceAsString: true } });
    const issued = server.newApi.issueTokens({ user: 'john' });
    const rest = createRestClient({
      tokens: createTokenSource({ accessToken: issued.access_token }),
      restUrl: server.newApi.restUrl,
    });
    const accounts = await rest.listAccounts();
    expect(accounts.map((account) => [account.account_id, account.account_type])).toEqual([
      ['DOT90004580', 'real'],
      ['DOT90004581', 'demo'],
    ]);
    expect(typeof accounts[0]?.balance).toBe('number');
    expect(await rest.otpUrl('DOT90004581')).toMatch(/\/ws\/demo\?otp=/);
  });

  it('turns Deriv’s error envelope into a DerivRestError with the status and Deriv’s code', async () => {
    server = await startServer();
    const issued = server.newApi.issueTokens({ user: 'john' });
    const rest = createRestClient({
      tokens: createTokenSource({ accessToken: issued.access_token }),
      restUrl: server.newApi.restUrl,
    });
    const error = await rejectionOf(rest.otpUrl('DOT12345678'));
    expect(isDerivRestError(error) && error.code).toBe('not_found');
    expect(error).toMatchObject({ details: { status: 404, serverCode: 'AccountNotFound' } });
  });

  it('keeps the token and OTP URLs out of every error, even when the server quotes them', async () => {
    const otp = 'ws://127.0.0.1:1/ws/demo?otp=SecretOneTimePassword99';
    await startRaw(
      json(500, {
        errors: [{ status: 500, code: 'InternalError', message: `Bearer ${ACCESS_TOKEN} ${otp}` }],
      }),
    );
    const rest = createRestClient({
      tokens: createTokenSource({ accessToken: ACCESS_TOKEN }),
      restUrl: defined(raw).url,
    });
    const error = await rejectionOf(rest.listAccounts());
    expect(isDerivRestError(error) && error.code).toBe('server_error');
    recordError(error);
    const text = recorded.join('\n');
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(text).not.toContain('SecretOneTimePassword99');
  });

  it('refuses a success body that is not the documented shape, without quoting it', async () => {
    await startRaw(json(200, { data: { url: 'http://evil.example/?otp=SecretOtp123456' } }));
    const rest = createRestClient({
      tokens: createTokenSource({ accessToken: ACCESS_TOKEN }),
      restUrl: defined(raw).url,
    });
    const error = await rejectionOf(rest.otpUrl('DOT90004580'));
    expect(isDerivRestError(error) && error.code).toBe('unreadable_response');
    expect(error.message).not.toContain('SecretOtp123456');
  });

  it('times out a call the server never answers, and honours the caller’s abort', async () => {
    await startRaw(() => undefined);
    const rest = createRestClient({
      tokens: createTokenSource({ accessToken: ACCESS_TOKEN }),
      restUrl: defined(raw).url,
      timeoutMs: 50,
    });
    const timedOut = await rejectionOf(rest.listAccounts());
    expect(isDerivRestError(timedOut) && timedOut.code).toBe('request_timeout');
    const controller = new AbortController();
    const slow = createRestClient({
      tokens: createTokenSource({ accessToken: ACCESS_TOKEN }),
      restUrl: defined(raw).url,
    });
    const pending = slow.listAccounts(controller.signal);
    controller.abort();
    const aborted = await rejectionOf(pending);
    expect(isDerivRestError(aborted) && aborted.code).toBe('request_aborted');
  });

  it('refreshes once on 401 and then ends with login_required, no loop', async () => {
    await startRaw(json(401, { errors: [{ status: 401, code: 'Unauthorized', message: 'no' }] }));
    let refreshes = 0;
    const rest = createRestClient({
      tokens: createTokenSource({
        accessToken: ACCESS_TOKEN,
        refreshToken: 'ory_rt_x',
        refresh: () => {
          refreshes += 1;
          return Promise.resolve({ access_token: 'ory_at_second', token_type: 'bearer' });
        },
      }),
      restUrl: defined(raw).url,
      appId: 'mockClient1089',
    });
    const error = await rejectionOf(rest.listAccounts());
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(refreshes).toBe(1);
    const headers = defined(raw).headers;
    expect(headers.map((header) => header.authorization)).toEqual([
      `Bearer ${ACCESS_TOKEN}`,
      'Bearer ory_at_second',
    ]);
    expect(headers[0]?.['deriv-app-id']).toBe('mockClient1089');
  });

  it('refuses a REST deadline that is NaN, zero or negative', () => {
    for (const timeoutMs of [Number.NaN, 0, -1])
      expect(() =>
        createRestClient({ tokens: createTokenSource({ accessToken: ACCESS_TOKEN }), timeoutMs }),
      ).toThrow(expect.objectContaining({ code: 'invalid_setting' }));
  });
});
