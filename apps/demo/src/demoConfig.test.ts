import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, buildSecurityHeaders } from './contentSecurityPolicy';
import { DERIV_DEFAULTS, readDemoConfig } from './demoConfig';

describe('readDemoConfig', () => {
  it('targets the real Deriv services when nothing is set', () => {
    expect(readDemoConfig({})).toEqual({
      ...DERIV_DEFAULTS,
      oauthUrl: 'https://oauth.deriv.com/oauth2/authorize',
      defaultAccount: 'first',
      storage: 'session',
      flow: 'legacy',
    });
  });

  it('reads the New API client and flow; the New API needs a client id', () => {
    expect(
      readDemoConfig({
        VITE_DERIV_FLOW: 'new-api',
        VITE_DERIV_CLIENT_ID: 'demoClient1',
        VITE_DERIV_REST_URL: 'http://127.0.0.1:8080/',
      }),
    ).toMatchObject({
      flow: 'newApi',
      newApi: {
        clientId: 'demoClient1',
        authorizationUrl: 'https://auth.deriv.com/oauth2/auth',
        restUrl: 'http://127.0.0.1:8080',
      },
    });
    expect(() => readDemoConfig({ VITE_DERIV_FLOW: 'new-api' })).toThrow(/VITE_DERIV_CLIENT_ID/);
    expect(() => readDemoConfig({ VITE_DERIV_CLIENT_ID: 'not a client' })).toThrow(
      /VITE_DERIV_CLIENT_ID/,
    );
  });

  it('reads every variable', () => {
    const config = readDemoConfig({
      VITE_DERIV_APP_ID: '4321',
      VITE_DERIV_OAUTH_URL: 'http://127.0.0.1:8080/oauth2/authorize',
      VITE_DERIV_WS_URL: 'ws://127.0.0.1:8080/websockets/v3',
      VITE_DERIV_LANGUAGE: 'ES',
      VITE_DERIV_BRAND: 'deriv',
      VITE_DERIV_DEFAULT_ACCOUNT: 'virtual',
      VITE_DERIV_STORAGE: 'memory',
    });
    expect(config).toMatchObject({
      appId: 4321,
      language: 'ES',
      defaultAccount: 'virtual',
      storage: 'memory',
    });
    expect(config.wsUrl).toBe('ws://127.0.0.1:8080/websockets/v3');
  });

  it.each([
    ['VITE_DERIV_APP_ID', 'abc'],
    ['VITE_DERIV_APP_ID', '0'],
    ['VITE_DERIV_WS_URL', 'https://ws.derivws.com/websockets/v3'],
    ['VITE_DERIV_OAUTH_URL', 'javascript:alert(1)'],
    ['VITE_DERIV_STORAGE', 'local'],
  ])('refuses %s=%s', (key, value) => {
    expect(() => readDemoConfig({ [key]: value })).toThrow(key);
  });
});

describe('buildContentSecurityPolicy', () => {
  it('allows only the own origin and the WebSocket origin', () => {
    const policy = buildContentSecurityPolicy({ wsUrl: 'wss://ws.derivws.com/websockets/v3' });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self' wss://ws.derivws.com;");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('frame-ancestors');
  });

  it('adds frame-ancestors and no-referrer to the headers', () => {
    const headers = buildSecurityHeaders({ wsUrl: 'ws://127.0.0.1:8080/websockets/v3' });
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
