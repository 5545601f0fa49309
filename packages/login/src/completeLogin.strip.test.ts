import { hasOAuthCallback } from '@deriv-auth/core';
import { describe, expect, it } from 'vitest';
import { completeLogin, type CompleteLoginOptions } from './completeLogin.js';
import { startLogin } from './startLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

/** A small seeded generator (mulberry32) so every run checks the same, reproducible cases. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const session: CompleteLoginOptions['session'] = {
  setAccounts: () => undefined,
  authorize: () =>
    Promise.resolve({ loginid: 'CR100', scopes: ['read'], balance: 0, currency: 'USD' }),
};

describe('completeLogin strips every callback, whatever its shape', () => {
  it('leaves no token in the address bar after its synchronous part (300 generated callbacks)', async () => {
    const random = seeded(20_261_128);
    const pick = <Item>(items: readonly Item[]): Item =>
      items[Math.floor(random() * items.length)] as Item;
    for (let run = 0; run < 300; run += 1) {
      const tokens: string[] = [];
      const parameters: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let index = 1; index <= count; index += 1) {
        const token = `a1-${Math.floor(random() * 1e12).toString(36)}secret`;
        tokens.push(token);
        const pad = pick(['', ' ', '%20']);
        parameters.push(`${pick(['acct', 'ACCT'])}${String(index)}=CR${String(index)}00`);
        parameters.push(`${pad}${pick(['token', 'Token'])}${String(index)}=${token}`);
        if (random() < 0.7) parameters.push(`cur${String(index)}=${pick(['usd', '', 'BTC'])}`);
      }
      if (random() < 0.5) parameters.push(`state=${pick(['', 'abc', 'x'.repeat(30)])}`);
      if (random() < 0.3) parameters.push('affiliate_token=aff&utm_source=x');
      parameters.sort(() => random() - 0.5);
      const hash = pick(['', '#section']);
      const browser = createFakeBrowser(`https://app.example/cb/?${parameters.join('&')}${hash}`);

      const promise = completeLogin({ session, environment: browser.environment });
      const href = browser.href();
      await promise.catch(() => undefined);

      // Every callback parameter goes (any case, padded or percent-encoded keys); what the app
      // put beside them (marketing parameters, a fragment of its own) stays.
      expect(hasOAuthCallback(href)).toBe(false);
      for (const token of tokens) expect(href).not.toContain(token);
      const url = new URL(href);
      expect(url.pathname).toBe('/cb/');
      expect(url.hash).toBe(hash);
      expect(url.searchParams.get('affiliate_token')).toBe(
        parameters.includes('affiliate_token=aff&utm_source=x') ? 'aff' : null,
      );
    }
  });
});

const TOKEN_1 = 'a1-hashroutertoken000000000';
const TOKEN_2 = 'a1-seconddemotoken000000000';

/** Starts a login in a fake tab and lands on `callback(state)`; returns what the test reads back. */
function landOn(callback: (state: string) => string) {
  const browser = createFakeBrowser('https://app.example/');
  const loginUrl = startLogin({ appId: 1089, environment: browser.environment, navigate: false });
  browser.visit(callback(new URL(loginUrl).searchParams.get('state') ?? ''));
  const authorized: (string | undefined)[] = [];
  const recording: CompleteLoginOptions['session'] = {
    setAccounts: () => undefined,
    authorize: (account) => {
      authorized.push(account);
      return Promise.resolve({
        loginid: account ?? '',
        scopes: ['read'],
        balance: 0,
        currency: 'USD',
      });
    },
  };
  const promise = completeLogin({ session: recording, environment: browser.environment });
  // Read synchronously: nothing may wait for an await to clean the URL.
  return { browser, promise, authorized, hrefNow: browser.href() };
}

const expectNoToken = (texts: readonly string[]): void => {
  for (const text of texts) {
    expect(text).not.toContain(TOKEN_1);
    expect(text).not.toContain(TOKEN_2);
    expect(text).not.toMatch(/token\d|acct\d/i);
  }
};

describe('completeLogin reads and strips callbacks in the query and the fragment', () => {
  it('handles a hash-router callback `#/callback?acct1=..&token1=..`, keeping only the route', async () => {
    const { browser, promise, authorized, hrefNow } = landOn(
      (state) =>
        `https://app.example/#/callback?acct1=CR100&token1=${TOKEN_1}&cur1=usd&acct2=VRTC200&token2=${TOKEN_2}&cur2=usd&state=${state}`,
    );
    expect(hrefNow).toBe('https://app.example/#/callback');
    await expect(promise).resolves.toMatchObject({ handled: true, account: 'CR100' });
    expect(authorized).toEqual(['CR100']);
    expectNoToken([browser.href(), ...browser.replaced]);
  });

  it('handles a bare fragment callback `#acct1=..&token1=..&state=..`', async () => {
    const { browser, promise, hrefNow } = landOn(
      (state) => `https://app.example/cb#acct1=VRTC200&token1=${TOKEN_1}&state=${state}`,
    );
    expect(hrefNow).toBe('https://app.example/cb');
    await expect(promise).resolves.toMatchObject({ handled: true, account: 'VRTC200' });
    expectNoToken([browser.href(), ...browser.replaced]);
  });

  it('drops the extra fragment of a query callback `?acct1=..#frag`', async () => {
    const { browser, promise, hrefNow } = landOn(
      (state) =>
        `https://app.example/cb?acct1=CR100&token1=${TOKEN_1}&state=${state}#token2=${TOKEN_2}`,
    );
    expect(hrefNow).toBe('https://app.example/cb');
    await promise.catch(() => undefined);
    expectNoToken([browser.href(), ...browser.replaced]);
  });

  it('strips a fragment callback that fails (nobody started it) before refusing it', async () => {
    const browser = createFakeBrowser(`https://app.example/#/cb?acct1=CR100&token1=${TOKEN_1}`);
    const promise = completeLogin({ session, environment: browser.environment });
    expect(browser.href()).toBe('https://app.example/#/cb');
    await expect(promise).rejects.toMatchObject({ code: 'login_not_started' });
    expectNoToken(browser.replaced);
  });

  it('reads no parameter from the path, and leaves a page whose fragment is its own alone', async () => {
    const browser = createFakeBrowser('https://app.example/x&token1=a/docs#section-2');
    const fresh: CompleteLoginOptions['session'] = { ...session };
    await expect(
      completeLogin({ session: fresh, environment: browser.environment }),
    ).resolves.toEqual({
      handled: false,
    });
    expect(browser.replaced).toEqual([]);
  });
});
