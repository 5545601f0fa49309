import type { TokenResponse } from '@deriv-auth/core';
import { TokenResponseSchema } from '@deriv-auth/core/schemas';
import type { MockServer } from '@deriv-auth/mock-server';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import { isDerivSessionError } from './derivSessionError.js';
import { requiresLogin } from './requiresLogin.js';
import type { DerivSession } from './sessionTypes.js';
import { createTokenSource } from './tokenSource.js';
import { createMemoryStorage } from './tokenStorage.js';
import {
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  defined,
  findLeaks,
  login,
  rejectionOf,
  secrets,
  startServer,
  track,
  until,
} from './test/harness.js';

// One suite, two flows: the app's code (authorize, send, switchAccount, logout, the snapshot) is
// the same; only the session's options differ.

let server: MockServer;
let client: DerivClient;
let session: DerivSession;
/** Every OTP URL the REST API handed out, in order. */
let otpUrls: string[];
/** Refresh grants sent to the token endpoint. */
let refreshes: number;
/** REST calls made (any endpoint). */
let restCalls: number;

beforeEach(async () => {
  server = await startServer();
  otpUrls = [];
  refreshes = 0;
  restCalls = 0;
});

afterEach(async () => {
  await session.close();
  expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  await server.close();
  expect(findLeaks()).toEqual([]);
});

/** `fetch` that records the OTP URLs it sees (as secrets, for the leak check). */
const recordingFetch: typeof fetch = async (input, init) => {
  restCalls += 1;
  const response = await fetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith('/otp') && response.ok) {
    const { data } = (await response.clone().json()) as { data: { url: string } };
    otpUrls.push(data.url);
    secrets.add(defined(new URL(data.url).searchParams.get('otp')));
  }
  return response;
};

/** The refresh grant against the mock's token endpoint. */
async function refreshAtMock(refreshToken: string): Promise<TokenResponse> {
  refreshes += 1;
  const response = await fetch(server.newApi.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'mockClient1089',
    }),
  });
  if (!response.ok) throw new Error(`refresh refused with ${response.status}: ${refreshToken}`);
  const tokens = TokenResponseSchema.parse(await response.json());
  secrets.add(tokens.access_token);
  if (tokens.refresh_token) secrets.add(tokens.refresh_token);
  return tokens;
}

function openNewApi(extra: { expiresAt?: number; refresh?: boolean } = {}): DerivSession {
  const issued = server.newApi.issueTokens({ user: 'john' });
  secrets.add(issued.access_token);
  if (issued.refresh_token) secrets.add(issued.refresh_token);
  client = connectClient(server, { endpoint: server.newApi.publicWsUrl });
  const tokens = createTokenSource({
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    expiresAt: extra.expiresAt,
    refresh: extra.refresh === false ? undefined : refreshAtMock,
  });
  session = track(
    createDerivSession({
      client,
      newApi: { tokens, restUrl: server.newApi.restUrl, fetch: recordingFetch },
    }),
  );
  return session;
}

const flows = [
  {
    flow: 'legacy',
    accounts: ['CR799393', 'VRTC1859315'],
    open: async (): Promise<DerivSession> => {
      const accounts = await login(server);
      client = connectClient(server);
      session = track(createDerivSession({ client, accounts }));
      return session;
    },
    /** The sockets acting as an account. */
    accountSockets: () => server.connections().filter((info) => info.loginid !== undefined),
  },
  {
    flow: 'new-api',
    accounts: ['DOT90004580', 'DOT90004581'],
    open: () => Promise.resolve(openNewApi()),
    accountSockets: () => server.connections().filter((info) => info.accountId !== undefined),
  },
] as const;

describe.each(flows)('a session on the $flow flow', ({ flow, accounts, open, accountSockets }) => {
  it('authorizes, sends, switches, survives a dropped socket and logs out', async () => {
    const [first, second] = accounts;
    await open();
    const me = await session.authorize();
    expect(me.loginid).toBe(first);
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: first,
      connection: 'open',
    });
    expect(session.getSnapshot().accounts.map((account) => account.account)).toEqual(
      expect.arrayContaining([...accounts]),
    );
    expect(await session.send({ ping: 1 })).toMatchObject({ ping: 'pong' });
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe(first);

    await session.switchAccount(second);
    expect(session.getSnapshot()).toMatchObject({ status: 'authorized', activeAccount: second });
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe(second);
    // The New API: one socket per account, the first one closed by the switch.
    await until(() => accountSockets().length === 1);

    const otpsBefore = otpUrls.length;
    server.inject({ type: 'drop' });
    await until(() => session.getSnapshot().connection !== 'open');
    await until(() => session.getSnapshot().status === 'authorized');
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe(second);
    if (flow === 'new-api') {
      // A fresh OTP for the new socket; the one used before is spent.
      expect(otpUrls.length).toBeGreaterThan(otpsBefore);
      const reused = new WebSocket(defined(otpUrls[otpsBefore - 1]));
      const status = await new Promise<number>((resolve) => {
        reused.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
        });
        reused.on('open', () => {
          resolve(101);
        });
        reused.on('error', () => undefined);
      });
      reused.terminate();
      expect(status).toBe(401);
    }

    const result = await session.logout();
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', accounts: [] });
    if (flow === 'legacy') expect(result).toEqual({ revoked: true, unrevoked: [] });
    else {
      // Local logout: nothing revoked on the server, every account socket closed.
      expect(result.revoked).toBe(false);
      await until(() => accountSockets().length === 0);
    }
    const refused = await rejectionOf(session.send({ balance: 1 }));
    expect(isDerivSessionError(refused) && refused.code).toBe('not_authorized');
  });
});

describe('a session on the New API only', () => {
  it('fills the snapshot from the REST list and balance (demo and real, balance, currency)', async () => {
    openNewApi();
    await session.authorize('DOT90004581');
    const snapshot = session.getSnapshot();
    expect(snapshot.accounts).toEqual([
      { account: 'DOT90004580', currency: 'USD' },
      { account: 'DOT90004581', currency: 'USD' },
    ]);
    expect(snapshot.authorize).toMatchObject({
      loginid: 'DOT90004581',
      currency: 'USD',
      is_virtual: 1,
      account_list: [
        { loginid: 'DOT90004580', is_virtual: 0 },
        { loginid: 'DOT90004581', is_virtual: 1 },
      ],
    });
    expect(typeof snapshot.authorize?.balance).toBe('number');
  });

  it('resumes after a reload with the REST list loaded again (demo stays demo)', async () => {
    const storage = createMemoryStorage();
    const issued = server.newApi.issueTokens({ user: 'john' });
    secrets.add(issued.access_token);
    const options = (): Parameters<typeof createDerivSession>[0] => ({
      client,
      storage,
      newApi: {
        tokens: createTokenSource({ accessToken: issued.access_token }),
        restUrl: server.newApi.restUrl,
        fetch: recordingFetch,
      },
    });
    client = connectClient(server, { endpoint: server.newApi.publicWsUrl });
    const first = createDerivSession(options());
    await first.authorize('DOT90004581');
    await first.close();
    // The reload: a new session over the same storage resumes the remembered account.
    session = track(createDerivSession(options()));
    await until(() => session.getSnapshot().status === 'authorized');
    expect(session.getSnapshot().authorize).toMatchObject({
      loginid: 'DOT90004581',
      is_virtual: 1,
      account_list: [
        { loginid: 'DOT90004580', is_virtual: 0 },
        { loginid: 'DOT90004581', is_virtual: 1 },
      ],
    });
  });

  it('opens the newest account’s socket when a switch comes while an OTP is being fetched', async () => {
    openNewApi();
    const first = session.authorize('DOT90004580');
    first.catch(() => undefined);
    // The first OTP request is in flight (or not yet sent): the switch must win.
    const second = await session.switchAccount('DOT90004581');
    expect(second.loginid).toBe('DOT90004581');
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: 'DOT90004581',
    });
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('DOT90004581');
  });

  it('opens no socket when a logout comes while the OTP is being fetched', async () => {
    openNewApi();
    const first = session.authorize('DOT90004580');
    first.catch(() => undefined);
    await until(() => restCalls >= 2); // the account list, then the OTP request
    await session.logout();
    await first.catch(() => undefined);
    // Whatever the OTP request answers now, no socket opens: the user signed out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.connections()).toEqual([]);
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', connection: 'idle' });
  });

  it('retries the socket when the OTP endpoint answers 500 once', async () => {
    openNewApi();
    server.inject({ type: 'otpServerError' }, { times: 1 });
    await session.authorize();
    expect(session.getSnapshot().status).toBe('authorized');
    expect(otpUrls).toHaveLength(1);
  });

  it('shows a typed REST error when the OTP endpoint keeps answering 500', async () => {
    openNewApi();
    server.inject({ type: 'otpServerError' });
    await rejectionOf(session.authorize());
    // The chain: reconnect_exhausted (or timeout) <- connect_failed <- the REST error.
    let cause: unknown = defined(client.getSnapshot().lastError);
    while (cause instanceof Error && cause.name !== 'DerivRestError') cause = cause.cause;
    expect(cause).toMatchObject({ name: 'DerivRestError', code: 'server_error' });
    expect((cause as Error).message).toContain('500 InternalError');
  });

  it('opens a new socket from a new OTP when the server says the OTP was already used', async () => {
    openNewApi();
    server.inject({ type: 'otpAlreadyUsed' }, { times: 1 });
    await session.authorize();
    expect(session.getSnapshot().status).toBe('authorized');
    expect(otpUrls).toHaveLength(2);
  });

  it('refreshes an expired access token once and goes on (REST 401)', async () => {
    openNewApi();
    await session.authorize();
    server.inject({ type: 'accessTokenExpired' });
    await session.switchAccount('DOT90004581');
    expect(refreshes).toBe(1);
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: 'DOT90004581',
    });
  });

  it('refreshes the token for the fresh OTP of a reconnect', async () => {
    openNewApi();
    await session.authorize();
    server.inject({ type: 'accessTokenExpired' });
    server.inject({ type: 'drop' });
    await until(() => session.getSnapshot().connection !== 'open');
    await until(() => session.getSnapshot().connection === 'open');
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('DOT90004580');
    expect(refreshes).toBe(1);
    expect(otpUrls).toHaveLength(2);
  });

  it('refreshes before the first call when the known expiry has passed', async () => {
    openNewApi({ expiresAt: Date.now() - 1 });
    await session.authorize();
    expect(refreshes).toBe(1);
    expect(session.getSnapshot().status).toBe('authorized');
  });

  it('ends with login_required when the refresh is refused, and stops asking', async () => {
    openNewApi();
    await session.authorize();
    server.inject({ type: 'accessTokenExpired' });
    server.inject({ type: 'refuseRefresh' });
    const error = await rejectionOf(session.switchAccount('DOT90004581'));
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(requiresLogin(error)).toBe(true);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', accounts: [] });
    expect(session.getSnapshot().error?.code).toBe('login_required');
    const callsAfter = restCalls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(restCalls).toBe(callsAfter);
    expect(refreshes).toBe(1);
  });

  it('ends with login_required after a dropped socket when there is no refresh', async () => {
    openNewApi({ refresh: false });
    await session.authorize();
    server.inject({ type: 'accessTokenExpired' });
    server.inject({ type: 'drop' });
    await until(() => session.getSnapshot().status === 'error');
    expect(session.getSnapshot().error?.code).toBe('login_required');
    const callsAfter = restCalls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(restCalls).toBe(callsAfter);
    expect(client.getSnapshot().status).toBe('idle');
  });
});
