import { describe, expect, it } from 'vitest';
import { readServerModeConfig } from './serverModeSession';
import { readServerModeSettings } from './serverModePlugin';

describe('server mode settings', () => {
  it('is off unless VITE_DERIV_AUTH_SERVER names a prefix', () => {
    expect(readServerModeConfig({})).toBeUndefined();
    expect(readServerModeSettings({})).toBeUndefined();
    expect(readServerModeConfig({ VITE_DERIV_AUTH_SERVER: '/auth' })).toEqual({
      prefix: '/auth',
      publicWsUrl: 'wss://api.derivws.com/trading/v1/options/ws/public',
    });
  });

  it('refuses a prefix that is not a path and a socket URL that is not ws(s)', () => {
    expect(() => readServerModeConfig({ VITE_DERIV_AUTH_SERVER: 'https://evil.example' })).toThrow(
      /must be a path/,
    );
    expect(() =>
      readServerModeConfig({
        VITE_DERIV_AUTH_SERVER: '/auth',
        VITE_DERIV_PUBLIC_WS_URL: 'https://x.example/',
      }),
    ).toThrow(/ws: or wss:/);
  });

  it('names the missing server variable instead of starting half configured', () => {
    expect(() => readServerModeSettings({ VITE_DERIV_AUTH_SERVER: '/auth' })).toThrow(
      /DEMO_AUTH_APP_ORIGIN/,
    );
  });
});
