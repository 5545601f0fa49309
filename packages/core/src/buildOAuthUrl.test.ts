import { describe, expect, it } from 'vitest';
import { buildOAuthUrl, DEFAULT_OAUTH_URL } from './buildOAuthUrl.js';
import { isLoginUrlError } from './loginUrlError.js';

describe('buildOAuthUrl', () => {
  it('builds the minimal login URL on oauth.deriv.com', () => {
    expect(buildOAuthUrl({ appId: 1089 })).toBe(
      'https://oauth.deriv.com/oauth2/authorize?app_id=1089',
    );
    expect(DEFAULT_OAUTH_URL).toBe('https://oauth.deriv.com/oauth2/authorize');
  });

  it('accepts the app id as a string', () => {
    expect(buildOAuthUrl({ appId: '1089' })).toContain('app_id=1089');
  });

  it('sends every documented parameter, encoded', () => {
    const url = new URL(
      buildOAuthUrl({
        appId: 1089,
        language: 'EN',
        brand: 'deriv',
        route: '/trade?symbol=R_50&x=1',
        affiliateToken: 'aff&token=evil',
        utm: { source: 'news letter', utm_medium: 'email', campaign: 'a#b' },
        signupDevice: 'mobile',
        dateFirstContact: '2024-05-01',
        state: 'abc-_123',
      }),
    );
    expect(url.origin + url.pathname).toBe(DEFAULT_OAUTH_URL);
    expect(Object.fromEntries(url.searchParams)).toStrictEqual({
      app_id: '1089',
      l: 'EN',
      brand: 'deriv',
      route: '/trade?symbol=R_50&x=1',
      affiliate_token: 'aff&token=evil',
      utm_source: 'news letter',
      utm_medium: 'email',
      utm_campaign: 'a#b',
      signup_device: 'mobile',
      date_first_contact: '2024-05-01',
      state: 'abc-_123',
    });
    expect([...url.searchParams.keys()].filter((key) => key === 'token')).toEqual([]);
  });

  it('uses an overridden host (QA, mock server) and keeps its own query', () => {
    expect(
      buildOAuthUrl({ appId: 1, oauthUrl: 'http://127.0.0.1:8080/oauth2/authorize?x=1' }),
    ).toBe('http://127.0.0.1:8080/oauth2/authorize?x=1&app_id=1');
  });

  it('replaces an app_id already in the overridden URL instead of repeating it', () => {
    expect(
      buildOAuthUrl({ appId: 2, oauthUrl: 'https://qa.example.com/oauth2/authorize?app_id=1' }),
    ).toBe('https://qa.example.com/oauth2/authorize?app_id=2');
  });

  it('leaves out empty options', () => {
    expect(buildOAuthUrl({ appId: 1089, language: '', state: '' })).toBe(
      'https://oauth.deriv.com/oauth2/authorize?app_id=1089',
    );
  });

  it.each<[string, unknown]>([
    ['zero', 0],
    ['a negative id', -1],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['a leading zero', '01089'],
    ['text', '1089&l=EN'],
    ['an empty string', ''],
    ['more than 10 digits', 12345678901],
  ])('refuses %s as app id', (_, appId) => {
    let caught: unknown;
    try {
      buildOAuthUrl({ appId: appId as number });
    } catch (error) {
      caught = error;
    }
    expect(isLoginUrlError(caught) && caught.code).toBe('invalid_app_id');
  });

  it.each([
    ['a relative URL', { oauthUrl: '/oauth2/authorize' }, 'invalid_oauth_url'],
    ['a javascript: URL', { oauthUrl: 'javascript:alert(1)' }, 'invalid_oauth_url'],
    ['a bad date', { dateFirstContact: '01/05/2024' }, 'invalid_option'],
    ['a bad device', { signupDevice: 'tablet' }, 'invalid_option'],
  ])('refuses %s', (_, options, code) => {
    expect(() => buildOAuthUrl({ appId: 1089, ...(options as object) })).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });
});
