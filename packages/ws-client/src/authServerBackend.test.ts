import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthServerBackend } from './authServerBackend.js';
import type { DerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import { isDerivRestError } from './derivRestError.js';
import { isDerivSessionError } from './derivSessionError.js';
import { requiresLogin } from './requiresLogin.js';
import type { DerivSession } from './sessionTypes.js';
import { startAuthServerStack, type AuthServerStack } from './test/authServerStack.js';
import {
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  findLeaks,
  recordError,
  recorded,
  rejectionOf,
  track,
  until,
} from './test/harness.js';

let stack: AuthServerStack | undefined;
let client: DerivClient | undefined;
let session: DerivSession | undefined;
let raw: { url: string; hits: () => number; close: () => void } | undefined;

afterEach(async () => {
  await session?.close();
  if (client) expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  await stack?.close();
  raw?.close();
  stack = client = session = raw = undefined;
  expect(findLeaks()).toEqual([]);
});

/** A signed-in browser, and a session whose `newApi` is the auth server. */
async function openSession(
  wrapFetch: (browserFetch: typeof fetch) => typeof fetch = (browserFetch) => browserFetch,
): Promise<{ stack: AuthServerStack; session: DerivSession }> {
  stack = await startAuthServerStack();
  await stack.signIn();
  client = connectClient(stack.mock, { endpoint: stack.mock.newApi.publicWsUrl });
  const backend = createAuthServerBackend({
    baseUrl: `${stack.origin}/auth`,
    fetch: wrapFetch(stack.browserFetch),
  });
  session = track(createDerivSession({ client, newApi: backend }));
  return { stack, session };
}

const otpRequests = (): number =>
  stack?.requests.filter((line) => line === 'POST /auth/otp').length ?? 0;
const accountSockets = (): number =>
  stack?.mock.connections().filter((info) => info.accountId !== undefined).length ?? 0;

describe('a session on @deriv-auth/server (createAuthServerBackend)', () => {
  it('authorizes, switches, reconnects on a fresh OTP and logs out, the browser holding no token', async () => {
    const { stack, session } = await openSession();
    expect((await session.authorize()).loginid).toBe('DOT90004580');
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      accounts: [
        { account: 'DOT90004580', currency: 'USD' },
        { account: 'DOT90004581', currency: 'USD' },
      ],
      authorize: { is_virtual: 0 },
    });
    await session.switchAccount('DOT90004581');
    expect(session.getSnapshot().authorize).toMatchObject({
      loginid: 'DOT90004581',
      is_virtual: 1,
    });
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('DOT90004581');
    await until(() => accountSockets() === 1);

    const before = otpRequests();
    stack.mock.inject({ type: 'drop' });
    await until(() => session.getSnapshot().connection !== 'open');
    await until(() => session.getSnapshot().status === 'authorized');
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('DOT90004581');
    expect(otpRequests()).toBe(before + 1);

    // The only cookie is the server's sealed session; the page's requests carried no token.
    expect([...stack.jar.keys()]).toEqual(['deriv_session']);
    // One logout signs out of the page and the server (`newApi.logout` is the backend's).
    expect(await session.logout()).toEqual({
      revoked: false,
      unrevoked: ['DOT90004580', 'DOT90004581'],
    });
    expect(stack.requests.filter((line) => line === 'POST /auth/logout')).toHaveLength(1);
    const backend = createAuthServerBackend({
      baseUrl: `${stack.origin}/auth`,
      fetch: stack.browserFetch,
    });
    expect(stack.jar.has('deriv_session')).toBe(false);
    expect(await backend.readSession()).toEqual({ signedIn: false, reason: 'no_session' });
    await until(() => accountSockets() === 0);
  });

  it('rejects the logout when the server cannot end its session, after signing out locally', async () => {
    // The network drops POST /auth/logout; every other call goes through.
    const { session } = await openSession(
      (browserFetch) => (input, init) =>
        (input instanceof Request ? input.url : String(input)).endsWith('/auth/logout')
          ? Promise.reject(new TypeError('network down'))
          : browserFetch(input, init),
    );
    await session.authorize();
    const failure = await rejectionOf(session.logout());
    expect(isDerivRestError(failure) && failure.code).toBe('network_failure');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', accounts: [] });
    await until(() => accountSockets() === 0);
  });

  it('ends with login_required, once, when the server session ended elsewhere', async () => {
    const { stack, session } = await openSession();
    await session.authorize();
    // Another tab signs out: the server ends this session (the jar here keeps its copy).
    const tab = createAuthServerBackend({
      baseUrl: `${stack.origin}/auth`,
      fetch: stack.browserFetch,
    });
    const kept = new Map(stack.jar);
    await tab.logout();
    for (const [name, value] of kept) stack.jar.set(name, value);

    stack.mock.inject({ type: 'drop' });
    await until(() => session.getSnapshot().status === 'error');
    const error = session.getSnapshot().error;
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(requiresLogin(error)).toBe(true);
    expect(session.getSnapshot().accounts).toEqual([]);
    const asked = otpRequests();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(otpRequests()).toBe(asked);
  });

  it('refuses to authorize a browser with no server session: login_required from the list', async () => {
    stack = await startAuthServerStack();
    client = connectClient(stack.mock, { endpoint: stack.mock.newApi.publicWsUrl });
    const backend = createAuthServerBackend({
      baseUrl: `${stack.origin}/auth`,
      fetch: stack.browserFetch,
    });
    session = track(createDerivSession({ client, newApi: backend }));
    const error = await rejectionOf(session.authorize());
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    const otp = await rejectionOf(backend.otpUrl('DOT90004580'));
    expect(isDerivSessionError(otp) && otp.code).toBe('login_required');
    expect(otp).toMatchObject({ details: { status: 401, serverCode: 'signed_out' } });
    expect(backend.loginUrl('/trade')).toBe(`${stack.origin}/auth/login?returnTo=%2Ftrade`);
  });
});

/** A loopback HTTP server answering every request with `answer` (or never, when it is undefined). */
async function startRaw(answer?: (response: ServerResponse) => void): Promise<string> {
  let hits = 0;
  const http = createServer((_request, response) => {
    hits += 1;
    answer?.(response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/auth`;
  raw = {
    url,
    hits: () => hits,
    close: () => {
      http.closeAllConnections();
      http.close();
    },
  };
  return url;
}

const reply = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('createAuthServerBackend against a hostile or failing server', () => {
  it.each([
    [429, 'rate_limited', 'rate_limited'],
    [502, 'upstream_unavailable', 'server_error'],
    [404, 'unknown_account', 'not_found'],
    [403, 'cross_site_request', 'access_denied'],
  ])('maps %i %s to DerivRestError %s with the server’s code', async (status, code, expected) => {
    const baseUrl = await startRaw(reply(status, { error: { code, message: 'x' } }));
    const error = await rejectionOf(createAuthServerBackend({ baseUrl }).otpUrl('DOT90004580'));
    expect(isDerivRestError(error) && error.code).toBe(expected);
    expect(error).toMatchObject({ details: { status, serverCode: code } });
    expect(raw?.hits()).toBe(1);
  });

  it('refuses an answer that is not a one-time URL for the account asked, without quoting it', async () => {
    const secret = 'SecretOneTimePasswordInABadReply';
    for (const body of [
      { url: `http://evil.example/?otp=${secret}`, accountId: 'DOT90004580', type: 'real' },
      { url: `ws://127.0.0.1:1/ws/real?otp=${secret}`, accountId: 'DOT99999999', type: 'real' },
    ]) {
      const baseUrl = await startRaw(reply(200, body));
      const error = await rejectionOf(createAuthServerBackend({ baseUrl }).otpUrl('DOT90004580'));
      expect(isDerivRestError(error) && error.code).toBe('unreadable_response');
      raw?.close();
    }
    recordError(new Error('marker'));
    expect(recorded.join('\n')).not.toContain(secret);
  });

  it('times out a server that never answers, and honours the app’s abort', async () => {
    const baseUrl = await startRaw();
    const timedOut = await rejectionOf(
      createAuthServerBackend({ baseUrl, timeoutMs: 50 }).otpUrl('DOT90004580'),
    );
    expect(isDerivRestError(timedOut) && timedOut.code).toBe('request_timeout');
    const controller = new AbortController();
    const pending = createAuthServerBackend({ baseUrl, signal: controller.signal }).listAccounts();
    controller.abort();
    const aborted = await rejectionOf(pending);
    expect(isDerivRestError(aborted) && aborted.code).toBe('request_aborted');
    const perCall = new AbortController();
    perCall.abort();
    const already = await rejectionOf(
      createAuthServerBackend({ baseUrl }).readSession(perCall.signal),
    );
    expect(isDerivRestError(already) && already.code).toBe('request_aborted');
  });

  it('refuses a session answer of the wrong shape, and a deadline that is not positive', async () => {
    const baseUrl = await startRaw(reply(200, { signedIn: true, accounts: [{ id: 'a/b' }] }));
    const error = await rejectionOf(createAuthServerBackend({ baseUrl }).listAccounts());
    expect(isDerivRestError(error) && error.code).toBe('unreadable_response');
    expect(() => createAuthServerBackend({ timeoutMs: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_setting' }),
    );
  });
});
