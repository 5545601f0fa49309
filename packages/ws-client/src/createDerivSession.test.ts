import { isDerivApiError } from '@deriv-auth/core';
import type { MockLoginAccount, MockServer } from '@deriv-auth/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDerivSession } from './createDerivSession.js';
import type { Authorizer } from './authorizer.js';
import { authorizeWithToken } from './authorizeWithToken.js';
import type { DerivClient } from './createDerivClient.js';
import { isDerivSessionError } from './derivSessionError.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import type { DerivSession } from './sessionTypes.js';
import { createSessionStorage } from './tokenStorage.js';
import { MemoryWebStorage } from './test/memoryWebStorage.js';
import {
  CANARY_TOKEN,
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  login,
  rejectionOf,
  startServer,
  track,
  until,
  defined,
} from './test/harness.js';

let server: MockServer;
let client: DerivClient;
let session: DerivSession;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await session.close();
  expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  await server.close();
});

function open(
  accounts: MockLoginAccount[],
  extra: Partial<Parameters<typeof createDerivSession>[0]> = {},
): DerivSession {
  client = connectClient(server);
  session = track(createDerivSession({ client, accounts, ...extra }));
  return session;
}

const calls = (): string[] => server.log().map((entry) => entry.call ?? '?');

describe('createDerivSession', () => {
  it('authorizes the first account and exposes a token-free, immutable snapshot', async () => {
    const accounts = await login(server);
    open(accounts);
    const before = session.getSnapshot();
    expect(before).toMatchObject({
      status: 'signed_out',
      accounts: [
        { account: 'CR799393', currency: 'USD' },
        { account: 'VRTC1859315', currency: 'USD' },
      ],
      scopes: [],
    });
    expect(session.getSnapshot()).toBe(before);
    const statuses: string[] = [];
    session.subscribe(() => statuses.push(session.getSnapshot().status));
    const authorize = await session.authorize();
    expect(authorize.loginid).toBe('CR799393');
    const after = session.getSnapshot();
    expect(after).toMatchObject({
      status: 'authorized',
      activeAccount: 'CR799393',
      connection: 'open',
    });
    expect(after.scopes).toEqual(expect.arrayContaining(['read', 'trade']));
    expect(Object.isFrozen(after)).toBe(true);
    expect(statuses).toContain('authorizing');
    const text = JSON.stringify(after);
    for (const account of accounts) expect(text).not.toContain(account.token);
  });

  it('authorizes every account on one socket with tokens, and logs one out by loginid', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    expect(server.connections()[0]?.authorizedLoginids).toEqual(
      expect.arrayContaining(['CR799393', 'VRTC1859315']),
    );
    const virtual = await session.send({ balance: 1, loginid: 'VRTC1859315' });
    expect(virtual.balance?.loginid).toBe('VRTC1859315');
    await session.logout({ loginid: 'vrtc1859315' });
    expect(session.getSnapshot().accounts).toEqual([{ account: 'CR799393', currency: 'USD' }]);
    expect(session.getSnapshot().status).toBe('authorized');
    const logout = server.log().find((entry) => entry.call === 'logout');
    expect(logout?.message).toMatchObject({ logout: 1, loginid: 'VRTC1859315' });
  });

  it('switches account on the same socket; replies to requests made before the switch never surface', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    server.inject({ type: 'delay', call: 'balance', ms: 80 }, { times: 1 });
    const stale = session.send({ balance: 1 });
    const switched = session.switchAccount('VRTC1859315');
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorizing',
      activeAccount: 'VRTC1859315',
    });
    expect(session.getSnapshot().authorize).toBeUndefined();
    const error = await rejectionOf(stale);
    expect(isDerivSessionError(error) && error.code).toBe('account_switched');
    expect((await switched).loginid).toBe('VRTC1859315');
    expect(session.getSnapshot().authorize?.loginid).toBe('VRTC1859315');
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('VRTC1859315');
    expect(server.connections()).toHaveLength(1);
  });

  it('only the newest of two quick switches becomes active', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    const first = session.switchAccount('VRTC1859315');
    const second = session.switchAccount('CR799393');
    const replaced = await rejectionOf(first);
    expect(isDerivConnectionError(replaced) && replaced.code).toBe('aborted');
    expect((await second).loginid).toBe('CR799393');
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: 'CR799393',
    });
    expect(server.connections()[0]?.loginid).toBe('CR799393');
  });

  it('refuses a token that answers for another account than the one it came with', async () => {
    const [real, virtual] = await login(server);
    open([{ account: defined(real).account, token: defined(virtual).token, currency: 'USD' }]);
    const error = await rejectionOf(session.authorize());
    expect(isDerivSessionError(error) && error.code).toBe('account_mismatch');
    expect(session.getSnapshot().status).toBe('error');
    expect(calls()).toEqual(['authorize', 'logout']);
  });

  it('matches the returned loginid case-insensitively', async () => {
    const [real] = await login(server);
    open([
      { account: defined(real).account.toLowerCase(), token: defined(real).token, currency: 'usd' },
    ]);
    expect((await session.authorize()).loginid).toBe('CR799393');
  });

  it('rejects a call outside the granted scopes at once, without a round trip', async () => {
    const accounts = await login(server, 'readonly');
    open(accounts);
    await session.authorize();
    const error = await rejectionOf(session.send({ buy: '1', price: 10 }));
    expect(isDerivSessionError(error) && error.code).toBe('permission_denied');
    expect(error.message).toContain('trade');
    expect(calls()).not.toContain('buy');
  });

  it('lets the scope check be turned off, leaving the verdict to the server', async () => {
    const accounts = await login(server, 'readonly');
    open(accounts, { checkScopes: false });
    await session.authorize();
    const error = await rejectionOf(session.send({ buy: '1', price: 10 }));
    expect(isDerivApiError(error) && error.code).toBe('PermissionDenied');
  });

  it('takes a custom scope check', async () => {
    const accounts = await login(server);
    open(accounts, { checkScopes: (call) => call !== 'balance' });
    await session.authorize();
    const error = await rejectionOf(session.send({ balance: 1 }));
    expect(isDerivSessionError(error) && error.code).toBe('permission_denied');
  });

  it('rejects auth-only calls while signed out, and lets public calls through', async () => {
    open([]);
    const error = await rejectionOf(session.send({ balance: 1 }));
    expect(isDerivSessionError(error) && error.code).toBe('not_authorized');
    expect((await session.send({ ping: 1 })).ping).toBe('pong');
    expect(isDerivSessionError(await rejectionOf(session.authorize())) && 'ok').toBe('ok');
  });

  it('re-authorizes after a server restart before the queued request', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    await server.restart();
    server.clearLog();
    await until(() => session.getSnapshot().connection !== 'open');
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('CR799393');
    expect(calls()).toEqual(['authorize', 'balance']);
    expect(session.getSnapshot().status).toBe('authorized');
  });

  it('ends the session with a clear error when the token was revoked before a reconnect', async () => {
    const storage = new MemoryWebStorage();
    const accounts = await login(server);
    open(accounts, { storage: createSessionStorage(storage) });
    await session.authorize();
    server.revokeToken(defined(accounts[0]).token);
    await server.restart();
    await until(() => session.getSnapshot().status === 'error');
    const { error, accounts: left } = session.getSnapshot();
    expect(isDerivSessionError(error) && error.code).toBe('session_ended');
    expect(error?.message).toMatch(/sign in again/);
    expect(left).toEqual([]);
    expect(storage.length).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls().filter((call) => call === 'authorize')).toHaveLength(2);
  });

  it('a revoked token at first authorize ends the session too (InvalidToken kept as cause)', async () => {
    const accounts = await login(server, 'revoked');
    open(accounts);
    const error = await rejectionOf(session.authorize());
    expect(isDerivSessionError(error) && error.code).toBe('session_ended');
    expect(isDerivApiError(error.cause) && error.cause.code).toBe('InvalidToken');
  });

  it('logout during backoff revokes once the socket is back, and nothing re-authorizes afterwards', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    server.inject({ type: 'refuseHandshake' });
    server.inject({ type: 'drop' });
    await until(() => client.getSnapshot().status === 'reconnecting');
    const loggedOut = session.logout();
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', accounts: [] });
    server.clearFaults();
    expect(await loggedOut).toEqual({ revoked: true, unrevoked: [] });
    server.clearLog();
    expect((await session.send({ ping: 1 })).ping).toBe('pong');
    expect(calls()).toEqual(['ping']);
  });

  it('resumes the account the user switched to after a reload (storage remembers it)', async () => {
    const accounts = await login(server);
    const web = new MemoryWebStorage();
    open(accounts, { storage: createSessionStorage(web) });
    await session.authorize();
    await session.switchAccount('VRTC1859315');
    await session.close();
    // "Reload": a new session over the same storage, authorize() without an argument.
    session = track(createDerivSession({ client, storage: createSessionStorage(web) }));
    expect((await session.authorize()).loginid).toBe('VRTC1859315');
  });

  it('an authorizer with its own socket URL gets a fresh socket per account (one-time URL flows)', async () => {
    const accounts = await login(server);
    const urlsFor: string[] = [];
    const authorizer: Authorizer = {
      socketUrl: ({ account, url }) => {
        urlsFor.push(account.account);
        return `${url}&otp=${account.account}`;
      },
      authorize: ({ send, account }) => authorizeWithToken(send, account.token),
    };
    open(accounts, { authorizer });
    await session.authorize();
    const first = server.connections()[0]?.id;
    expect((await session.switchAccount('VRTC1859315')).loginid).toBe('VRTC1859315');
    await until(() => server.connections().length === 1);
    expect(server.connections()[0]?.id).not.toBe(first);
    expect(urlsFor).toEqual(['CR799393', 'VRTC1859315']);
    expect((await session.send({ balance: 1 })).balance?.loginid).toBe('VRTC1859315');
  });

  it('keeps a currency-less account with currency ""', async () => {
    const accounts = await login(server, 'nocurrency');
    open(accounts);
    await session.authorize();
    expect(session.getSnapshot().accounts).toEqual([{ account: 'CR900001', currency: '' }]);
  });

  it('refuses unknown accounts and never echoes a token in the error', async () => {
    open([{ account: 'CR1', token: CANARY_TOKEN, currency: 'USD' }]);
    const error = await rejectionOf(session.switchAccount('CR2'));
    expect(isDerivSessionError(error) && error.code).toBe('unknown_account');
    expect(error.message).toContain('CR2');
    const mistaken = await rejectionOf(session.authorize(CANARY_TOKEN));
    expect(isDerivSessionError(mistaken) && mistaken.code).toBe('unknown_account');
    expect(mistaken.message).not.toContain(CANARY_TOKEN);
    const loggedOut = await rejectionOf(session.logout({ loginid: CANARY_TOKEN }));
    expect(loggedOut.message).not.toContain(CANARY_TOKEN);
    const refused = await rejectionOf(session.authorize());
    expect(JSON.stringify(session.getSnapshot())).not.toContain(CANARY_TOKEN);
    expect(refused.message).not.toContain(CANARY_TOKEN);
  });

  it('loads accounts from storage when none are given, and closes the client it created', async () => {
    const accounts = await login(server);
    const storage = new MemoryWebStorage();
    createSessionStorage(storage).save(accounts);
    client = connectClient(server);
    session = createDerivSession({
      client: { appId: 1089, endpoint: server.wsUrl, WebSocket: (await import('ws')).default },
      storage: createSessionStorage(storage),
    });
    expect(session.getSnapshot().accounts).toHaveLength(2);
    await session.authorize();
    await session.close();
    expect(session.client.getSnapshot().status).toBe('closed');
    expect(session.client.getDiagnostics()).toMatchObject(NOTHING_LEFT);
  });
});
