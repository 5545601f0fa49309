import { describe, expect, it } from 'vitest';
import { isDerivLoginError } from './derivLoginError.js';
import { DEFAULT_LOGIN_TTL_MS, startLogin } from './startLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

const KEY = '@deriv-auth/login';

describe('startLogin', () => {
  it('keeps a fresh one-time state for this tab and navigates to the login URL carrying it', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const url = startLogin({ appId: 1089, environment: browser.environment, returnTo: '/trade' });

    expect(browser.assigned).toEqual([url]);
    const login = new URL(url);
    expect(login.origin + login.pathname).toBe('https://oauth.deriv.com/oauth2/authorize');
    expect(login.searchParams.get('app_id')).toBe('1089');
    const record = JSON.parse(browser.storage.get(KEY) ?? 'null') as {
      state: string;
      expiresAt: number;
      returnTo: string;
    };
    expect(login.searchParams.get('state')).toBe(record.state);
    expect(record.state.length).toBeGreaterThanOrEqual(22);
    expect(record.returnTo).toBe('/trade');
    expect(record.expiresAt).toBe(1_700_000_000_000 + DEFAULT_LOGIN_TTL_MS);
  });

  it('creates a different state on every start and only the latest is kept', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const first = new URL(
      startLogin({ appId: 1089, environment: browser.environment }),
    ).searchParams.get('state');
    const second = new URL(
      startLogin({ appId: 1089, environment: browser.environment }),
    ).searchParams.get('state');
    expect(first).not.toBe(second);
    expect(browser.storage.size).toBe(1);
    expect(browser.storage.get(KEY)).toContain(String(second));
  });

  it('only returns the URL when navigate is false, and honours ttl, key and login page options', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const url = startLogin({
      appId: 1089,
      oauthUrl: 'http://127.0.0.1:9/oauth2/authorize',
      language: 'ES',
      navigate: false,
      ttlMs: 1000,
      storageKey: 'custom',
      environment: browser.environment,
    });
    expect(browser.assigned).toEqual([]);
    expect(url.startsWith('http://127.0.0.1:9/oauth2/authorize?')).toBe(true);
    expect(new URL(url).searchParams.get('l')).toBe('ES');
    expect(JSON.parse(browser.storage.get('custom') ?? 'null')).toMatchObject({
      expiresAt: 1_700_000_001_000,
    });
  });

  it('leaves no pending login when core rejects the options', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    expect(() => startLogin({ appId: -1, environment: browser.environment })).toThrow(
      expect.objectContaining({ code: 'invalid_app_id' }),
    );
    expect(browser.storage.size).toBe(0);
    expect(browser.assigned).toEqual([]);
  });

  it('refuses to start when the tab has no storage, since the callback could never be checked', () => {
    const browser = createFakeBrowser('http://localhost:5173/', { storage: false });
    expect(() => startLogin({ appId: 1089, environment: browser.environment })).toThrow(
      expect.objectContaining({ code: 'storage_unavailable' }),
    );
    expect(browser.assigned).toEqual([]);
  });

  it('fails with browser_unavailable on a server instead of touching window', () => {
    let caught: unknown;
    try {
      startLogin({ appId: 1089 });
    } catch (error) {
      caught = error;
    }
    expect(isDerivLoginError(caught) && caught.code).toBe('browser_unavailable');
  });
});
