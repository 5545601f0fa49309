import type { TokenResponse } from '@deriv-auth/core';
import { describe, expect, it } from 'vitest';
import { isDerivSessionError } from './derivSessionError.js';
import { requiresLogin } from './requiresLogin.js';
import { rejectionOf } from './test/harness.js';
import { createTokenSource } from './tokenSource.js';

const reply = (accessToken: string, extra: Partial<TokenResponse> = {}): TokenResponse => ({
  access_token: accessToken,
  token_type: 'bearer',
  ...extra,
});

describe('createTokenSource', () => {
  it('coalesces concurrent refreshes into one, keeping the refresh token the reply omits', async () => {
    const calls: string[] = [];
    let release: (value: TokenResponse) => void = () => undefined;
    const tokens = createTokenSource({
      accessToken: 'ory_at_old',
      refreshToken: 'ory_rt_1',
      refresh: (refreshToken) => {
        calls.push(refreshToken);
        return new Promise((resolve) => (release = resolve));
      },
    });
    const first = tokens.refresh('ory_at_old');
    const second = tokens.refresh('ory_at_old');
    const third = tokens.getAccessToken();
    release(reply('ory_at_new'));
    expect(await Promise.all([first, second, third])).toEqual([
      'ory_at_new',
      'ory_at_new',
      'ory_at_new',
    ]);
    // A caller refused with the old token after the refresh gets the new one, no second refresh.
    expect(await tokens.refresh('ory_at_old')).toBe('ory_at_new');
    expect(calls).toEqual(['ory_rt_1']);
    // Refused with the current token: a new refresh.
    const again = tokens.refresh('ory_at_new');
    release(reply('ory_at_newer'));
    expect(await again).toBe('ory_at_newer');
    expect(calls).toEqual(['ory_rt_1', 'ory_rt_1']);
  });

  it('refreshes first when the known expiry has passed, and reads expires_in', async () => {
    let now = 1_000;
    const refreshed: string[] = [];
    const tokens = createTokenSource({
      accessToken: 'ory_at_a',
      refreshToken: 'ory_rt_a',
      expiresAt: 2_000,
      now: () => now,
      refresh: (refreshToken) => {
        refreshed.push(refreshToken);
        return Promise.resolve(reply('ory_at_b', { expires_in: 10, refresh_token: 'ory_rt_b' }));
      },
    });
    expect(await tokens.getAccessToken()).toBe('ory_at_a');
    now = 2_000;
    expect(await tokens.getAccessToken()).toBe('ory_at_b');
    now = 11_999;
    expect(await tokens.getAccessToken()).toBe('ory_at_b');
    now = 12_000;
    expect(await tokens.getAccessToken()).toBe('ory_at_b');
    expect(refreshed).toEqual(['ory_rt_a', 'ory_rt_b']);
  });

  it('ends with login_required when there is no refresh, and stays ended', async () => {
    const tokens = createTokenSource({ accessToken: 'ory_at_a', refreshToken: 'ory_rt_a' });
    const error = await rejectionOf(tokens.refresh('ory_at_a'));
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(requiresLogin(error)).toBe(true);
    expect(isDerivSessionError(await rejectionOf(tokens.getAccessToken()))).toBe(true);
  });

  it('ends with login_required when the refresh is refused, calls it once, keeps its text out', async () => {
    let calls = 0;
    const tokens = createTokenSource({
      accessToken: 'ory_at_a',
      refreshToken: 'ory_rt_secret_refresh',
      refresh: (refreshToken) => {
        calls += 1;
        return Promise.reject(new Error(`invalid_grant for ${refreshToken}`));
      },
    });
    const error = await rejectionOf(tokens.refresh('ory_at_a'));
    expect(isDerivSessionError(error) && error.code).toBe('login_required');
    expect(JSON.stringify([error.message, error.cause])).not.toContain('ory_rt_secret_refresh');
    await rejectionOf(tokens.refresh('ory_at_a'));
    await rejectionOf(tokens.getAccessToken());
    expect(calls).toBe(1);
  });

  it('forgets the tokens on clear', async () => {
    const tokens = createTokenSource({ accessToken: 'ory_at_a' });
    tokens.clear();
    expect(requiresLogin(await rejectionOf(tokens.getAccessToken()))).toBe(true);
  });
});
