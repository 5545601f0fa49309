/**
 * No text the server writes (error messages, close reasons, echo_req, the received log) carries
 * a token it was sent, on the paths where a token is refused: revoked, signed out, wrong app,
 * malformed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient } from './test/testClient.js';
import type { MockServer } from './types.js';

const OTHER_APP = 2024;
let server: MockServer;

beforeEach(async () => {
  server = await startMockServer({
    apps: [{ appId: OTHER_APP, redirectUri: 'http://localhost:1/cb' }],
  });
});

afterEach(async () => {
  await server.close();
});

function expectNoToken(tokens: readonly string[], texts: readonly string[]): void {
  const all = [...texts, JSON.stringify(server.received)];
  for (const token of tokens) for (const text of all) expect(text).not.toContain(token);
}

describe('tokens never come back in text', () => {
  it('on revoked, signed-out, other-app and malformed tokens', async () => {
    const [john] = (await server.login({ appId: 1089 })).accounts;
    const [other] = (await server.login({ appId: OTHER_APP, user: 'multi' })).accounts;
    if (john === undefined || other === undefined) throw new Error('no accounts');
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    expect((await client.call({ authorize: john.token }))['msg_type']).toBe('authorize');
    server.revokeToken(john.token);
    expect(await client.call({ balance: 1 })).toMatchObject({ error: { code: 'InvalidToken' } });
    expect(await client.call({ authorize: john.token })).toMatchObject({
      error: { code: 'InvalidToken' },
    });
    expect(await client.call({ authorize: other.token })).toMatchObject({
      error: { code: 'InvalidToken', message: 'Token is not valid for current app ID.' },
    });
    const malformed = `${other.token} with spaces`;
    expect(await client.call({ authorize: malformed })).toMatchObject({
      error: { code: 'InputValidationFailed' },
    });
    expect(await client.call({ authorize: other.token, tokens: [john.token, 5] })).toMatchObject({
      error: { code: 'InputValidationFailed' },
    });
    client.close();
    expectNoToken(
      [john.token, other.token],
      client.messages.map((message) => JSON.stringify(message)),
    );
  });

  it('in the close reason for an unknown app id', async () => {
    const [john] = (await server.login({ appId: 1089 })).accounts;
    const client = await openClient(`${server.wsUrl}?app_id=${john?.token ?? ''}`);
    const closed = await client.closed;
    expect(closed).toEqual({ code: 1008, reason: 'InvalidAppID' });
    expectNoToken(
      [john?.token ?? ''],
      client.messages.map((message) => JSON.stringify(message)),
    );
  });

  it('in the error page for an app id that is not a number', async () => {
    const [john] = (await server.login({ appId: 1089 })).accounts;
    const token = john?.token ?? '';
    const page = await (await fetch(`${server.oauthUrl}?app_id=${token}`)).text();
    const missing = await (await fetch(`${server.httpUrl}/${token}`)).text();
    expectNoToken([token], [page, missing]);
  });
});
