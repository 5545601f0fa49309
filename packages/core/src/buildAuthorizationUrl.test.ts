import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  type BuildAuthorizationUrlOptions,
} from './buildAuthorizationUrl.js';
import { isLoginUrlError, type LoginUrlErrorCode } from './loginUrlError.js';
import { DEFAULT_AUTHORIZATION_URL } from './newApiUrls.js';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const BASE: BuildAuthorizationUrlOptions = {
  clientId: '32izC2lBT4MmiSNWuxq2l',
  redirectUri: 'https://app.example.com/callback',
  scopes: ['trade'],
  state: 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5',
  codeChallenge: CHALLENGE,
};

function errorCodeOf(options: unknown): string | undefined {
  try {
    buildAuthorizationUrl(options as BuildAuthorizationUrlOptions);
  } catch (error) {
    if (isLoginUrlError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('buildAuthorizationUrl', () => {
  it('builds the documented authorization URL on auth.deriv.com', () => {
    const url = new URL(buildAuthorizationUrl(BASE));
    expect(url.origin + url.pathname).toBe('https://auth.deriv.com/oauth2/auth');
    expect(DEFAULT_AUTHORIZATION_URL).toBe('https://auth.deriv.com/oauth2/auth');
    expect([...url.searchParams]).toStrictEqual([
      ['response_type', 'code'],
      ['client_id', '32izC2lBT4MmiSNWuxq2l'],
      ['redirect_uri', 'https://app.example.com/callback'],
      ['scope', 'trade'],
      ['state', BASE.state],
      ['code_challenge', CHALLENGE],
      ['code_challenge_method', 'S256'],
    ]);
  });

  it('sends every scope once, space separated (encoded as +)', () => {
    const href = buildAuthorizationUrl({
      ...BASE,
      scopes: ['trade', 'payment', 'account_manage', 'application_read', 'trade'],
    });
    expect(href).toContain('scope=trade+payment+account_manage+application_read&');
    expect(new URL(href).searchParams.get('scope')).toBe(
      'trade payment account_manage application_read',
    );
  });

  it('sends the sign-up and attribution parameters, encoded', () => {
    const url = new URL(
      buildAuthorizationUrl({
        ...BASE,
        prompt: 'registration',
        sidc: '6a9f2c1e-1b1a-4c7e-9a3b-1f2e3d4c5b6a',
        utmCampaign: 'spring&scope=payment',
        utmMedium: 'affiliate',
        utmSource: 'news letter#x',
        affiliateToken: 'aff-123',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      prompt: 'registration',
      sidc: '6a9f2c1e-1b1a-4c7e-9a3b-1f2e3d4c5b6a',
      utm_campaign: 'spring&scope=payment',
      utm_medium: 'affiliate',
      utm_source: 'news letter#x',
      affiliate_token: 'aff-123',
      scope: 'trade',
    });
    expect(url.hash).toBe('');
  });

  it.each([
    ['t', { t: 'x' }],
    ['affiliate_token', { affiliateToken: 'x' }],
    ['sidi', { sidi: 'x' }],
    ['ca', { ca: 'x' }],
  ])('sends the one partner alias %s', (name, alias) => {
    expect(new URL(buildAuthorizationUrl({ ...BASE, ...alias })).searchParams.get(name)).toBe('x');
  });

  it('leaves out empty and undefined optional values', () => {
    const url = new URL(
      buildAuthorizationUrl({ ...BASE, sidc: '', utmSource: undefined, t: '', ca: 'c' }),
    );
    expect([...url.searchParams.keys()]).not.toContain('sidc');
    expect([...url.searchParams.keys()]).not.toContain('t');
    expect(url.searchParams.get('ca')).toBe('c');
  });

  it.each([
    ['the staging host', 'https://staging-auth.deriv.com/oauth2/auth'],
    ['the mock server on loopback http', 'http://127.0.0.1:8080/oauth2/auth?x=1'],
    ['localhost', 'http://localhost:5173/oauth2/auth'],
    ['IPv6 loopback', 'http://[::1]:8080/oauth2/auth'],
  ])('uses an overridden authorization URL: %s', (_, authorizationUrl) => {
    const url = new URL(buildAuthorizationUrl({ ...BASE, authorizationUrl }));
    expect(url.origin + url.pathname).toBe(
      new URL(authorizationUrl).origin + new URL(authorizationUrl).pathname,
    );
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('accepts loopback http redirect URIs (RFC 8252 §7.3) and https ones with a query', () => {
    for (const redirectUri of [
      'http://127.0.0.1:3000/cb',
      'http://localhost/cb',
      'http://[::1]:1/cb',
      'https://app.example.com/cb?tab=1',
    ])
      expect(
        new URL(buildAuthorizationUrl({ ...BASE, redirectUri })).searchParams.get('redirect_uri'),
      ).toBe(redirectUri);
  });

  it.each<[string, Record<string, unknown>, LoginUrlErrorCode]>([
    ['a numeric legacy app id', { clientId: 1089 }, 'invalid_client_id'],
    ['a client id with a dash', { clientId: 'abc-def' }, 'invalid_client_id'],
    ['an empty client id', { clientId: '' }, 'invalid_client_id'],
    ['a client id with &', { clientId: 'abc&scope=admin' }, 'invalid_client_id'],
    ['a relative redirect URI', { redirectUri: '/callback' }, 'invalid_redirect_uri'],
    [
      'an http redirect URI off loopback',
      { redirectUri: 'http://app.example.com/cb' },
      'invalid_redirect_uri',
    ],
    [
      'a loopback look-alike host',
      { redirectUri: 'http://127.0.0.1.evil.com/cb' },
      'invalid_redirect_uri',
    ],
    [
      'localhost as a subdomain',
      { redirectUri: 'http://localhost.evil.com/cb' },
      'invalid_redirect_uri',
    ],
    [
      'a redirect URI with a fragment',
      { redirectUri: 'https://app.example.com/cb#x' },
      'invalid_redirect_uri',
    ],
    ['an empty fragment', { redirectUri: 'https://app.example.com/cb#' }, 'invalid_redirect_uri'],
    [
      'credentials in the redirect URI',
      { redirectUri: 'https://u:p@app.example.com/cb' },
      'invalid_redirect_uri',
    ],
    ['a javascript: redirect URI', { redirectUri: 'javascript:alert(1)' }, 'invalid_redirect_uri'],
    ['no redirect URI', { redirectUri: undefined }, 'invalid_redirect_uri'],
    [
      'an http authorization URL off loopback',
      { authorizationUrl: 'http://auth.deriv.com/oauth2/auth' },
      'invalid_authorization_url',
    ],
    [
      'a relative authorization URL',
      { authorizationUrl: '/oauth2/auth' },
      'invalid_authorization_url',
    ],
    ['no scope', { scopes: [] }, 'invalid_scope'],
    ['a legacy scope', { scopes: ['read'] }, 'invalid_scope'],
    ['a scope list as a string', { scopes: 'trade' }, 'invalid_scope'],
    ['scopes missing', { scopes: undefined }, 'invalid_scope'],
    ['an empty state', { state: '' }, 'invalid_state'],
    ['a state with a newline', { state: 'a\nb' }, 'invalid_state'],
    ['a state with a bidi override', { state: 'a\u202Eb' }, 'invalid_state'],
    ['no state', { state: undefined }, 'invalid_state'],
    [
      'a plain challenge of 42 characters',
      { codeChallenge: CHALLENGE.slice(1) },
      'invalid_code_challenge',
    ],
    ['a padded challenge', { codeChallenge: `${CHALLENGE}=` }, 'invalid_code_challenge'],
    [
      'a base64 (not base64url) challenge',
      { codeChallenge: CHALLENGE.replace('-', '+') },
      'invalid_code_challenge',
    ],
    ['prompt=login', { prompt: 'login' }, 'invalid_option'],
    ['two partner aliases (t, ca)', { t: 'a', ca: 'b' }, 'conflicting_options'],
    [
      'two partner aliases (affiliateToken, sidi)',
      { affiliateToken: 'a', sidi: 'b' },
      'conflicting_options',
    ],
    [
      'all four partner aliases',
      { t: 'a', affiliateToken: 'b', sidi: 'c', ca: 'd' },
      'conflicting_options',
    ],
  ])('refuses %s', (_, override, code) => {
    expect(errorCodeOf({ ...BASE, ...override })).toBe(code);
  });

  it('never puts an option value in its message', () => {
    const secret = 'SECRETVALUE123';
    for (const override of [
      { clientId: `${secret}-` },
      { redirectUri: `http://${secret}.example.com/` },
      { state: `${secret}\n` },
      { codeChallenge: secret },
      { t: secret, ca: secret },
    ]) {
      try {
        buildAuthorizationUrl({ ...BASE, ...override });
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
      }
    }
  });
});
