import { readFileSync } from 'node:fs';
import { createDerivApiError } from '@deriv-auth/core';
import {
  ErrorResponseSchema,
  AuthorizeResponseSchema,
  BalanceResponseSchema,
  PingResponseSchema,
  TimeResponseSchema,
  LogoutResponseSchema,
  WebsiteStatusResponseSchema,
} from '@deriv-auth/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest, type JsonSchema } from './internal/validateRequest.js';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

// Every answer must satisfy Deriv's official response schema (receive.json, copied into
// src/test/schemas) and core's zod schemas, which the SDK parses answers with.
const receiveSchema = (call: string): JsonSchema =>
  JSON.parse(
    readFileSync(new URL(`./test/schemas/${call}.receive.json`, import.meta.url), 'utf8'),
  ) as JsonSchema;

let server: MockServer;
let client: TestClient;
let tokens: string[];

beforeAll(async () => {
  server = await startMockServer();
  client = await openClient(`${server.wsUrl}?app_id=1089`);
  tokens = (await server.login({ appId: 1089, user: 'multi' })).accounts.map(
    (account) => account.token,
  );
});

afterAll(async () => {
  client.close();
  await server.close();
});

describe('answers conform to the official response schemas', () => {
  it.each([
    ['authorize', () => ({ authorize: tokens[0], tokens: tokens.slice(1) })],
    ['ping', () => ({ ping: 1 })],
    ['time', () => ({ time: 1 })],
    ['balance', () => ({ balance: 1, account: 'all', subscribe: 1 })],
    ['get_settings', () => ({ get_settings: 1 })],
    ['website_status', () => ({ website_status: 1 })],
    ['forget_all', () => ({ forget_all: ['balance'] })],
    ['forget', () => ({ forget: 'f'.repeat(32) })],
    ['api_token', () => ({ api_token: 1, new_token: 'ci', new_token_scopes: ['read'] })],
    [
      'buy',
      () => ({
        buy: '1',
        price: 1,
        parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
      }),
    ],
    ['logout', () => ({ logout: 1 })],
  ] as const)('%s', async (call, request) => {
    const reply = await client.call({ ...request(), passthrough: { from: 'conformance' } });
    expect(reply['error']).toBeUndefined();
    expect(reply['msg_type']).toBe(call);
    const { passthrough: _passthrough, ...rest } = reply;
    expect(validateRequest(rest, receiveSchema(call))).toEqual({});
  });

  it('parse with core schemas', async () => {
    const other = await openClient(`${server.wsUrl}?app_id=1089`);
    const john = await server.login({ appId: 1089 });
    AuthorizeResponseSchema.parse(await other.call({ authorize: john.accounts[0]?.token }));
    BalanceResponseSchema.parse(await other.call({ balance: 1 }));
    PingResponseSchema.parse(await other.call({ ping: 1 }));
    TimeResponseSchema.parse(await other.call({ time: 1 }));
    WebsiteStatusResponseSchema.parse(await other.call({ website_status: 1 }));
    LogoutResponseSchema.parse(await other.call({ logout: 1 }));
    other.close();
  });

  it.each([
    ['InvalidToken', () => ({ authorize: 'a1-unknown-token-value' })],
    ['AuthorizationRequired', () => ({ balance: 1 })],
    ['InputValidationFailed', () => ({ ping: 2 })],
    ['UnrecognisedRequest', () => ({ no_such_call: 1 })],
  ] as const)(
    '%s errors parse with core and become DerivApiErrors without the token',
    async (code, request) => {
      const other = await openClient(`${server.wsUrl}?app_id=1089`);
      const reply = ErrorResponseSchema.parse(await other.call(request()));
      const error = createDerivApiError(reply);
      expect(error.code).toBe(code);
      expect(JSON.stringify({ message: error.message, echo: error.echoReq })).not.toContain(
        'a1-unknown-token-value',
      );
      other.close();
    },
  );
});
