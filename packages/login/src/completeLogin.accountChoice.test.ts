import type { DerivAccount } from '@deriv-auth/core';
import { describe, expect, it } from 'vitest';
import type { AccountChoice } from './accountChoice.js';
import { completeLogin, type CompleteLoginOptions } from './completeLogin.js';
import { isDerivLoginError } from './derivLoginError.js';
import { startLogin } from './startLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

const REAL_ONLY = 'acct1=CR799393&token1=a1-realtoken0000000000000&cur1=usd';
const DEMO_ONLY = 'acct1=VRTC1859315&token1=a1-demotoken000000000000&cur1=usd';

/** Lands on a callback carrying `accounts` and completes it with `account`. */
async function complete(accounts: string, account: AccountChoice) {
  const browser = createFakeBrowser('http://localhost:5173/');
  const url = startLogin({ appId: 1089, environment: browser.environment, navigate: false });
  const state = new URL(url).searchParams.get('state') ?? '';
  browser.visit(`http://localhost:5173/redirect?${accounts}&state=${state}`);
  const handed: DerivAccount[][] = [];
  const authorized: (string | undefined)[] = [];
  const session: CompleteLoginOptions['session'] = {
    setAccounts: (list) => {
      handed.push(list);
    },
    authorize: (loginid) => {
      authorized.push(loginid);
      return Promise.resolve({
        loginid: loginid ?? '',
        scopes: ['read'],
        balance: 0,
        currency: 'USD',
      });
    },
  };
  const outcome = await completeLogin({ session, account, environment: browser.environment }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, handed, authorized };
}

describe('account kinds are safe by default', () => {
  it("refuses `'virtual'` when the login returned only a real-money account", async () => {
    const { error, handed, authorized } = await complete(REAL_ONLY, 'virtual');
    expect(isDerivLoginError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'no_matching_account',
      details: { prefer: 'virtual', accounts: 1 },
    });
    // Refused before any token reaches the session, and no token in the error.
    expect(handed).toEqual([]);
    expect(authorized).toEqual([]);
    expect(JSON.stringify(error)).not.toContain('a1-');
    expect(String(error)).not.toContain('a1-');
  });

  it("refuses `'real'` when the login returned only a demo account", async () => {
    const { error, authorized } = await complete(DEMO_ONLY, 'real');
    expect(error).toMatchObject({ code: 'no_matching_account', details: { prefer: 'real' } });
    expect(authorized).toEqual([]);
  });

  it('falls back to the first account only when asked to', async () => {
    const toFirst = await complete(REAL_ONLY, { prefer: 'virtual', fallback: 'first' });
    expect(toFirst.authorized).toEqual(['CR799393']);
    const refused = await complete(REAL_ONLY, { prefer: 'virtual', fallback: 'none' });
    expect(refused.error).toMatchObject({ code: 'no_matching_account' });
    const byDefault = await complete(DEMO_ONLY, { prefer: 'real' });
    expect(byDefault.error).toMatchObject({ code: 'no_matching_account' });
  });

  it('still takes the preferred kind when there is one, fallback or not', async () => {
    const both = `${REAL_ONLY}&acct2=VRTC1859315&token2=a1-demotoken000000000000&cur2=usd`;
    await expect(complete(both, 'virtual')).resolves.toMatchObject({
      authorized: ['VRTC1859315'],
    });
    await expect(complete(both, { prefer: 'real', fallback: undefined })).resolves.toMatchObject({
      authorized: ['CR799393'],
    });
  });
});
