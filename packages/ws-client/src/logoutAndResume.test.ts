/**
 * Logout revokes on the server whatever the connection is doing (issue 9.4), a session resumes the
 * stored active account (issue 16.2), and `requiresLogin` tells a signed-out user (issue 16.4).
 * Against the mock server; revocation is checked server-side by authorizing the token again.
 */
import type { MockLoginAccount, MockServer } from '@deriv-auth/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import { requiresLogin } from './requiresLogin.js';
import type { DerivSession } from './sessionTypes.js';
import { createSessionStorage } from './tokenStorage.js';
import { MemoryWebStorage } from './test/memoryWebStorage.js';
import {
  connectClient,
  defined,
  login,
  rejectionOf,
  startServer,
  track,
  until,
} from './test/harness.js';

let server: MockServer;
let client: DerivClient;
let session: DerivSession;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await session.close();
  await client.close();
  await server.close();
});

function open(
  accounts: MockLoginAccount[] | undefined,
  extra: Partial<Parameters<typeof createDerivSession>[0]> = {},
): DerivSession {
  client = connectClient(server);
  session = track(createDerivSession({ client, ...(accounts ? { accounts } : {}), ...extra }));
  return session;
}

/** Whether the server still accepts `token` (a fresh client authorizes with it). */
async function tokenIsValid(token: string): Promise<boolean> {
  const probe = connectClient(server, { reconnect: false });
  try {
    await probe.authorize(token);
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

describe('logout revokes', () => {
  it('while the first authorize is in flight: logout goes out once it is authorized', async () => {
    const accounts = await login(server);
    open(accounts);
    const authorizing = session.authorize();
    const result = await session.logout();
    await Promise.allSettled([authorizing]);
    expect(result).toEqual({ revoked: true, unrevoked: [] });
    expect(await tokenIsValid(defined(accounts[0]).token)).toBe(false);
  });

  it('after a refused switchAccount: the tokens still valid are revoked', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize('CR799393');
    const [real, demo] = accounts;
    server.revokeToken(defined(demo).token);
    await rejectionOf(session.switchAccount('VRTC1859315'));
    expect(session.getSnapshot().status).toBe('error');
    const result = await session.logout();
    expect(result).toEqual({ revoked: true, unrevoked: [] });
    expect(await tokenIsValid(defined(real).token)).toBe(false);
  });

  it('when the server never comes back: says which accounts it could not revoke', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    server.inject({ type: 'refuseHandshake' });
    server.inject({ type: 'drop' });
    await until(() => client.getSnapshot().status === 'reconnecting');
    const result = await session.logout();
    expect(result).toEqual({ revoked: false, unrevoked: ['CR799393', 'VRTC1859315'] });
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', accounts: [] });
  });

  it('with nothing ever authorized: nothing to revoke, nothing sent', async () => {
    const accounts = await login(server);
    open(accounts);
    expect(await session.logout()).toEqual({ revoked: true, unrevoked: [] });
    expect(server.log()).toEqual([]);
  });
});

describe('resume', () => {
  it('authorizes the stored active account of a storage on creation (a reload)', async () => {
    const accounts = await login(server);
    const web = new MemoryWebStorage();
    open(accounts, { storage: createSessionStorage(web) });
    await session.switchAccount('VRTC1859315');
    await session.close();
    // "Reload": a new session over the same storage, no authorize() call.
    session = track(createDerivSession({ client, storage: createSessionStorage(web) }));
    await until(() => session.getSnapshot().status === 'authorized');
    expect(session.getSnapshot().activeAccount).toBe('VRTC1859315');
  });

  it('does not resume with `resume: false`, nor without a stored active account', async () => {
    const accounts = await login(server);
    const web = new MemoryWebStorage();
    open(accounts, { storage: createSessionStorage(web) });
    await session.close();
    session = track(createDerivSession({ client, storage: createSessionStorage(web) }));
    expect(session.getSnapshot().status).toBe('signed_out');
    await session.close();
    await session.close();
    createSessionStorage(web).saveActive?.('CR799393');
    session = track(
      createDerivSession({ client, storage: createSessionStorage(web), resume: false }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.getSnapshot().status).toBe('signed_out');
  });
});

describe('requiresLogin', () => {
  it('is true for a revoked token on authorize and for session_ended', async () => {
    const accounts = await login(server);
    open(accounts);
    server.revokeToken(defined(accounts[0]).token);
    const sessionError = await rejectionOf(session.authorize('CR799393'));
    expect(requiresLogin(sessionError)).toBe(true);
    const probe = connectClient(server, { reconnect: false });
    const apiError = await rejectionOf(probe.authorize(defined(accounts[0]).token));
    await probe.close();
    expect(requiresLogin(apiError)).toBe(true);
  });

  it('is false for a timeout, a connection loss and anything else', async () => {
    const accounts = await login(server);
    open(accounts);
    await session.authorize();
    server.inject({ type: 'noAnswer', call: 'time' });
    const timeout = await rejectionOf(session.send({ time: 1 }, { timeoutMs: 50 }));
    expect(requiresLogin(timeout)).toBe(false);
    expect(requiresLogin(new Error('x'))).toBe(false);
    expect(requiresLogin(undefined)).toBe(false);
  });
});
