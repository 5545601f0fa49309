import { isOAuthRedirectError } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import {
  createSessionStorage,
  isDerivSessionError,
  requiresLogin,
  type DerivSession,
} from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeLogin } from './completeLogin.js';
import { isDerivLoginError } from './derivLoginError.js';
import type { NewApiLogin } from './newApiLogin.js';
import { DEFAULT_LOGIN_TTL_MS, startLogin } from './startLogin.js';
import { createFakeBrowser, type FakeBrowser } from './test/fakeBrowser.js';
import { followLogin } from './test/harness.js';
import {
  createNewApiSession,
  createTestLogin,
  startNewApiServer,
  TEST_REDIRECT_URI,
} from './test/newApiHarness.js';

let server: MockServer;
let browser: FakeBrowser;
let login: NewApiLogin;
let session: DerivSession;
const sessions: DerivSession[] = [];

beforeEach(async () => {
  server = await startNewApiServer();
  browser = createFakeBrowser('http://localhost:5173/');
  login = createTestLogin(server, browser);
  session = createNewApiSession(server, login);
  sessions.push(session);
});

afterEach(async () => {
  for (const open of sessions.splice(0)) await open.close();
  await server.close();
});

/** Starts a login, approves it in the mock as `user`, and lands the fake browser on the callback. */
async function arriveWithCode(user = 'john', returnTo?: string): Promise<URL> {
  const authorizeUrl = await startLogin({ newApi: login, returnTo, navigate: true });
  expect(browser.assigned.at(-1)).toBe(authorizeUrl);
  const callback = new URL(await followLogin(authorizeUrl, user));
  browser.visit(callback.href);
  return callback;
}

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

/** Every secret of the tab: the stored tokens and the login record's verifier. */
function secretsIn(storage: Map<string, string>): string[] {
  return [...storage.values()].flatMap((value) => {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    return ['accessToken', 'refreshToken', 'codeVerifier'].flatMap((key) =>
      typeof parsed[key] === 'string' ? [parsed[key]] : [],
    );
  });
}

describe('the New API login against the mock server', () => {
  it('sends a PKCE authorize request, exchanges the code and authorizes from a one-time URL', async () => {
    const authorizeUrl = new URL(await startLogin({ newApi: login, navigate: false }));
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const [record] = [...browser.storage.values()].map(
      (value) => JSON.parse(value) as { codeVerifier: string; state: string },
    );
    // The verifier stays in the tab; only its challenge travels.
    expect(authorizeUrl.href).not.toContain(record?.codeVerifier);
    expect(authorizeUrl.searchParams.get('state')).toBe(record?.state);

    const callback = await arriveWithCode('john', '/trade');
    const code = callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const promise = completeLogin({ session, newApi: login });
    // Synchronously: the code left the address bar before the first await.
    expect(browser.href()).toBe('http://localhost:5173/callback');
    await expect(promise).resolves.toMatchObject({
      handled: true,
      account: 'DOT90004580',
      returnTo: '/trade',
    });
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: 'DOT90004580',
    });
    const secrets = secretsIn(browser.storage);
    expect(secrets.length).toBeGreaterThan(0);
    for (const url of [...browser.assigned, ...browser.replaced, browser.href()]) {
      expect(url).not.toContain(code);
      for (const secret of secrets) expect(url).not.toContain(secret);
    }
    // The login record was used once and is gone; only the tokens remain.
    expect([...browser.storage.keys()]).toEqual(['@deriv-auth/login:tokens']);
  });

  it('authorizes the demo account by the list account_type when asked for virtual', async () => {
    await arriveWithCode('john');
    const result = await completeLogin({ session, newApi: login, account: 'virtual' });
    expect(result).toMatchObject({ handled: true, account: 'DOT90004581' });
    expect(session.getSnapshot().authorize?.is_virtual).toBe(1);
  });

  it('refuses a wrong state with state_mismatch, after the URL was cleaned, exchanging nothing', async () => {
    const callback = await arriveWithCode();
    callback.searchParams.set('state', 'forged-state-of-another-login');
    browser.visit(callback.href);
    const error = await rejectionOf(completeLogin({ session, newApi: login }));
    expect(isOAuthRedirectError(error) && error.code).toBe('state_mismatch');
    expect(browser.href()).toBe(TEST_REDIRECT_URI);
    expect(session.getSnapshot().status).toBe('signed_out');
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
  });

  it('refuses a replayed code with code_exchange_refused (invalid_grant), no code in the error', async () => {
    const callback = await arriveWithCode();
    const record = [...browser.storage.entries()];
    await completeLogin({ session, newApi: login });
    // An attacker (or a reload of a saved page) brings the same code back with the same record.
    const second = createNewApiSession(server, login);
    sessions.push(second);
    for (const [key, value] of record) browser.storage.set(key, value);
    browser.visit(callback.href);
    const error = await rejectionOf(completeLogin({ session: second, newApi: login }));
    expect(isDerivLoginError(error) && error.code).toBe('code_exchange_refused');
    expect(error).toMatchObject({ details: { error: 'invalid_grant' } });
    const code = callback.searchParams.get('code') ?? '';
    expect(JSON.stringify(error) + String(error)).not.toContain(code);
  });

  it('refuses an expired verifier record with login_expired and leaves the record used', async () => {
    await arriveWithCode();
    browser.advance(DEFAULT_LOGIN_TTL_MS);
    const error = await rejectionOf(completeLogin({ session, newApi: login }));
    expect(isDerivLoginError(error) && error.code).toBe('login_expired');
    expect(browser.storage.size).toBe(0);
  });

  it('refuses a code callback when the tab started a legacy login (no verifier)', async () => {
    startLogin({ appId: 1089, environment: browser.environment, navigate: false });
    const { state } = JSON.parse([...browser.storage.values()][0] ?? '{}') as { state: string };
    browser.visit(`${TEST_REDIRECT_URI}?code=ory_ac_forged&state=${state}`);
    const error = await rejectionOf(completeLogin({ session, newApi: login }));
    expect(isDerivLoginError(error) && error.code).toBe('login_not_started');
  });

  it('strips and refuses a legacy token callback that reaches a New API app', async () => {
    await startLogin({ newApi: login, navigate: false });
    browser.visit(`${TEST_REDIRECT_URI}?acct1=CR1&token1=a1-legacytoken123&cur1=USD&state=x`);
    const promise = completeLogin({ session, newApi: login });
    expect(browser.href()).toBe(TEST_REDIRECT_URI);
    const error = await rejectionOf(promise);
    expect(isOAuthRedirectError(error)).toBe(true);
    expect(JSON.stringify(error) + String(error)).not.toContain('a1-legacytoken123');
  });

  it('refreshes an expired access token for the next one-time URL and stores the new tokens', async () => {
    await arriveWithCode();
    await completeLogin({ session, newApi: login });
    const before = browser.storage.get('@deriv-auth/login:tokens');
    server.inject({ type: 'accessTokenExpired' });
    await session.switchAccount('DOT90004581');
    expect(session.getSnapshot()).toMatchObject({
      status: 'authorized',
      activeAccount: 'DOT90004581',
    });
    const after = browser.storage.get('@deriv-auth/login:tokens');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('ends with login_required when the refresh is refused, and forgets the stored tokens', async () => {
    await arriveWithCode();
    await completeLogin({ session, newApi: login });
    server.inject({ type: 'accessTokenExpired' });
    server.inject({ type: 'refuseRefresh' });
    const error = await rejectionOf(session.switchAccount('DOT90004581'));
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(requiresLogin(error)).toBe(true);
    expect(session.getSnapshot().error?.code).toBe('login_required');
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
  });

  it('stores nothing when a refresh finishes after the logout it raced', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let refreshStarted = false;
    // The token endpoint's refresh answer is held until the user has logged out.
    login = createTestLogin(server, browser, {
      fetch: async (input, init) => {
        const body = init?.body;
        const form =
          body instanceof URLSearchParams
            ? body
            : new URLSearchParams(typeof body === 'string' ? body : '');
        if (form.get('grant_type') === 'refresh_token') {
          refreshStarted = true;
          await held;
        }
        return fetch(input, init);
      },
    });
    session = createNewApiSession(server, login);
    sessions.push(session);
    await arriveWithCode();
    await completeLogin({ session, newApi: login });
    const stored = JSON.parse(browser.storage.get('@deriv-auth/login:tokens') ?? '{}') as {
      accessToken?: string;
    };
    const refreshing = login.tokens.refresh(stored.accessToken ?? '');
    refreshing.catch(() => undefined);
    await expect.poll(() => refreshStarted).toBe(true);
    await session.logout();
    release();
    await refreshing.catch(() => undefined);
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
  });

  it('signs nothing in when no listed account matches the choice', async () => {
    await arriveWithCode();
    const error = await rejectionOf(
      completeLogin({ session, newApi: login, account: () => undefined }),
    );
    expect(isDerivLoginError(error) && error.code).toBe('no_matching_account');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed_out', accounts: [] });
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
    await expect.poll(() => server.connections().filter((info) => info.accountId).length).toBe(0);
  });

  it('reports a chooser that throws as login_failed, with its error as cause', async () => {
    await arriveWithCode();
    const thrown = new Error('chooser bug');
    const error = await rejectionOf(
      completeLogin({
        session,
        newApi: login,
        account: () => {
          throw thrown;
        },
      }),
    );
    expect(isDerivLoginError(error) && error.code).toBe('login_failed');
    expect((error as Error).cause).toBe(thrown);
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
  });

  it('resumes after a reload from the tab storage, and logout forgets the tokens', async () => {
    const tab = browser.environment.storage as Storage;
    const first = createNewApiSession(server, login, createSessionStorage(tab));
    sessions.push(first);
    await arriveWithCode();
    await completeLogin({ session: first, newApi: login });
    await first.close();
    // A reload: a new login object and session over the same tab storage, no callback.
    browser.visit('http://localhost:5173/');
    const reloaded = createTestLogin(server, browser);
    const resumed = createNewApiSession(server, reloaded, createSessionStorage(tab));
    sessions.push(resumed);
    await expect(completeLogin({ session: resumed, newApi: reloaded })).resolves.toEqual({
      handled: false,
    });
    await expect.poll(() => resumed.getSnapshot().status, { timeout: 5_000 }).toBe('authorized');
    expect(resumed.getSnapshot().activeAccount).toBe('DOT90004580');
    await resumed.logout();
    expect(browser.storage.has('@deriv-auth/login:tokens')).toBe(false);
  });

  it('keeps no token in the tab storage with tokenStorage memory', async () => {
    login = createTestLogin(server, browser, { tokenStorage: 'memory' });
    session = createNewApiSession(server, login);
    sessions.push(session);
    await arriveWithCode();
    await completeLogin({ session, newApi: login });
    expect(session.getSnapshot().status).toBe('authorized');
    expect(browser.storage.size).toBe(0);
  });
});
