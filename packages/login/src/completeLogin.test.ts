import { isOAuthRedirectError, type DerivAccount } from '@deriv-auth/core';
import { isDerivSessionError } from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';
import { completeLogin, type CompleteLoginOptions } from './completeLogin.js';
import { isDerivLoginError } from './derivLoginError.js';
import { getLoginCallbackStore } from './loginCallbackStore.js';
import { startLogin } from './startLogin.js';
import { createFakeBrowser, type FakeBrowser } from './test/fakeBrowser.js';

const TOKENS =
  'acct1=CR799393&token1=a1-realtoken0000000000000&cur1=usd&acct2=VRTC1859315&token2=a1-demotoken000000000000&cur2=usd';

/** A session that records what the glue hands it (the socket side is tested with the real client). */
function recordingSession() {
  const calls: { setAccounts: DerivAccount[][]; authorize: (string | undefined)[] } = {
    setAccounts: [],
    authorize: [],
  };
  const session: CompleteLoginOptions['session'] = {
    setAccounts(accounts) {
      calls.setAccounts.push(accounts);
    },
    authorize(account) {
      calls.authorize.push(account);
      return Promise.resolve({
        loginid: account ?? '',
        scopes: ['read'],
        balance: 0,
        currency: 'USD',
      });
    },
  };
  return { session, calls };
}

/** Starts a login in `browser` and lands on the callback with the state it created. */
function arriveWithTokens(browser: FakeBrowser, extra = '', returnTo?: string): string {
  const url = startLogin({
    appId: 1089,
    environment: browser.environment,
    ...(returnTo === undefined ? {} : { returnTo }),
  });
  const state = new URL(url).searchParams.get('state') ?? '';
  const callback = `http://localhost:5173/redirect?${TOKENS}&state=${state}${extra}#top`;
  browser.visit(callback);
  return callback;
}

describe('completeLogin', () => {
  it('strips the tokens from the URL before its first await, then authorizes the first account', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();

    const promise = completeLogin({ session, environment: browser.environment });
    // Synchronously, before any microtask: address bar clean, one-time state consumed.
    expect(browser.href()).toBe('http://localhost:5173/redirect#top');
    expect(browser.replaced).toEqual(['http://localhost:5173/redirect#top']);
    expect(browser.storage.size).toBe(0);
    expect(getLoginCallbackStore(session).getSnapshot()).toEqual({ status: 'pending' });

    await expect(promise).resolves.toMatchObject({ handled: true, account: 'CR799393' });
    expect(calls.setAccounts[0]?.map((account) => account.account)).toEqual([
      'CR799393',
      'VRTC1859315',
    ]);
    expect(calls.authorize).toEqual(['CR799393']);
    expect(getLoginCallbackStore(session).getSnapshot()).toEqual({
      status: 'success',
      account: 'CR799393',
    });
  });

  it('runs once: a second call (StrictMode, another component) shares the first run', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();
    const first = completeLogin({ session, environment: browser.environment });
    const second = completeLogin({ session, environment: browser.environment });
    expect(second).toBe(first);
    await first;
    expect(calls.authorize).toHaveLength(1);
  });

  it('resolves handled: false after a reload, when the URL is already clean', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    await completeLogin({ session: recordingSession().session, environment: browser.environment });
    const reloaded = recordingSession();
    await expect(
      completeLogin({ session: reloaded.session, environment: browser.environment }),
    ).resolves.toEqual({ handled: false });
    expect(getLoginCallbackStore(reloaded.session).getSnapshot()).toEqual({ status: 'none' });
    expect(reloaded.calls.authorize).toEqual([]);
  });

  it('refuses a callback nobody started in this tab (replayed or from another tab), still stripping it', async () => {
    const browser = createFakeBrowser(
      `http://localhost:5173/redirect?${TOKENS}&state=abcdefabcdefabcdefabcdef`,
    );
    const { session, calls } = recordingSession();
    const promise = completeLogin({ session, environment: browser.environment });
    expect(browser.href()).toBe('http://localhost:5173/redirect');
    await expect(promise).rejects.toMatchObject({
      name: 'DerivLoginError',
      code: 'login_not_started',
    });
    expect(calls.setAccounts).toEqual([]);
    const state = getLoginCallbackStore(session).getSnapshot();
    expect(state.status === 'error' && state.error.code).toBe('login_not_started');
  });

  it('refuses the second use of the same callback URL (history replay)', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const callback = arriveWithTokens(browser);
    await completeLogin({ session: recordingSession().session, environment: browser.environment });
    browser.visit(callback);
    await expect(
      completeLogin({ session: recordingSession().session, environment: browser.environment }),
    ).rejects.toMatchObject({
      code: 'login_not_started',
    });
  });

  it('refuses an expired login', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    browser.advance(10 * 60 * 1000);
    await expect(
      completeLogin({ session: recordingSession().session, environment: browser.environment }),
    ).rejects.toMatchObject({
      code: 'login_expired',
    });
  });

  it('refuses a state that does not match, without handing tokens to the session', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    startLogin({ appId: 1089, environment: browser.environment });
    browser.visit(`http://localhost:5173/redirect?${TOKENS}&state=someoneelsesstate0000000`);
    const { session, calls } = recordingSession();
    const error: unknown = await completeLogin({ session, environment: browser.environment }).catch(
      (caught: unknown) => caught,
    );
    expect(isOAuthRedirectError(error) && error.code).toBe('state_mismatch');
    expect(String(error)).not.toContain('a1-realtoken');
    expect(calls.setAccounts).toEqual([]);
  });

  it('turns a denied login into a provider_error', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const state =
      new URL(startLogin({ appId: 1089, environment: browser.environment })).searchParams.get(
        'state',
      ) ?? '';
    browser.visit(`http://localhost:5173/redirect?error=access_denied&state=${state}`);
    await expect(
      completeLogin({ session: recordingSession().session, environment: browser.environment }),
    ).rejects.toMatchObject({
      code: 'provider_error',
      providerError: 'access_denied',
    });
  });

  it.each([
    ['virtual', 'VRTC1859315'],
    ['real', 'CR799393'],
    ['first', 'CR799393'],
  ] as const)('authorizes the %s account', async (choice, expected) => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();
    await completeLogin({ session, environment: browser.environment, account: choice });
    expect(calls.authorize).toEqual([expected]);
  });

  it('lets a function choose among accounts it sees without tokens', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();
    const seen: unknown[] = [];
    await completeLogin({
      session,
      environment: browser.environment,
      account: (accounts) => {
        seen.push(...accounts);
        return 'vrtc1859315';
      },
    });
    expect(seen).toEqual([
      { account: 'CR799393', currency: 'usd' },
      { account: 'VRTC1859315', currency: 'usd' },
    ]);
    expect(calls.authorize).toEqual(['VRTC1859315']);
  });

  it("refuses a chooser's account the redirect lacks with the session's unknown_account", async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();
    const error: unknown = await completeLogin({
      session,
      environment: browser.environment,
      account: () => 'CR1',
    }).catch((caught: unknown) => caught);
    // One code for one meaning: the same refusal as `session.switchAccount('CR1')`.
    expect(isDerivSessionError(error) && error.code).toBe('unknown_account');
    expect(calls.setAccounts).toEqual([]);
  });

  it('refuses with no_matching_account when the chooser picks no account', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session, calls } = recordingSession();
    const error: unknown = await completeLogin({
      session,
      environment: browser.environment,
      account: () => undefined,
    }).catch((caught: unknown) => caught);
    expect(isDerivLoginError(error) && error.code).toBe('no_matching_account');
    expect(calls.setAccounts).toEqual([]);
  });

  it('wraps what a chooser throws in login_failed, keeping it as the cause', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const thrown = new TypeError('chooser bug');
    const error: unknown = await completeLogin({
      session: recordingSession().session,
      environment: browser.environment,
      account: () => {
        throw thrown;
      },
    }).catch((caught: unknown) => caught);
    expect(isDerivLoginError(error) && error.code).toBe('login_failed');
    expect((error as Error).cause).toBe(thrown);
  });

  it('returns a same-origin returnTo and drops one pointing elsewhere', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser, '', '/trade?symbol=R_100');
    await expect(
      completeLogin({ session: recordingSession().session, environment: browser.environment }),
    ).resolves.toMatchObject({
      returnTo: '/trade?symbol=R_100',
    });
    const other = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(other, '', 'https://evil.example/steal');
    const result = await completeLogin({
      session: recordingSession().session,
      environment: other.environment,
    });
    expect(result.handled && result.returnTo).toBeUndefined();
  });

  it('recognises the space-padded `& token1=` of Deriv docs as a callback and strips it', async () => {
    const browser = createFakeBrowser(
      'http://localhost:5173/redirect?acct1=cr799393&%20token1=a1-x&cur1=usd',
    );
    const promise = completeLogin({
      session: recordingSession().session,
      environment: browser.environment,
    });
    expect(browser.href()).toBe('http://localhost:5173/redirect');
    await expect(promise).rejects.toMatchObject({ code: 'login_not_started' });
  });

  it.each([
    'http://localhost:5173/trade?symbol=R_100&affiliate_token=abc',
    'http://localhost:5173/menu?state=open',
    'http://localhost:5173/form?error=required',
  ])('resolves handled: false and leaves the URL alone on an ordinary page: %s', async (href) => {
    const browser = createFakeBrowser(href);
    await expect(
      completeLogin({ session: recordingSession().session, environment: browser.environment }),
    ).resolves.toEqual({ handled: false });
    expect(browser.replaced).toEqual([]);
  });

  it('publishes its progress through the login callback store until the subscriber stops', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    arriveWithTokens(browser);
    const { session } = recordingSession();
    const store = getLoginCallbackStore(session);
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot().status));
    expect(store.getSnapshot()).toEqual({ status: 'idle' });
    await completeLogin({ session, environment: browser.environment });
    expect(seen).toEqual(['pending', 'success']);
    stop();
    arriveWithTokens(browser); // a second login on the same session changes the state again...
    await completeLogin({ session, environment: browser.environment });
    expect(store.getSnapshot().status).toBe('success');
    expect(seen).toEqual(['pending', 'success']); // ...unseen by the stopped subscriber
    expect(getLoginCallbackStore(recordingSession().session).getSnapshot()).toBe(
      getLoginCallbackStore(recordingSession().session).getSnapshot(),
    );
  });

  it('hands out one read-only store per session: nobody outside can publish a state', () => {
    const { session } = recordingSession();
    const store = getLoginCallbackStore(session);
    expect(getLoginCallbackStore(session)).toBe(store);
    expect(Object.keys(store).sort()).toEqual(['getSnapshot', 'subscribe']);
    expect(Object.isFrozen(store)).toBe(true);
  });
});
