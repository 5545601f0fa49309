// @vitest-environment happy-dom
import { isDerivApiError } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import { isDerivSessionError, type DerivSession } from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import { completeLogin } from './completeLogin.js';
import { startLogin } from './startLogin.js';
import { createTestSession, followLogin, startServer, visit } from './test/harness.js';

let server: MockServer;
let session: DerivSession;
let environment: BrowserEnvironment;

beforeEach(async () => {
  server = await startServer();
  session = createTestSession(server);
  window.sessionStorage.clear();
  visit('http://localhost:5173/');
  // happy-dom's real location, history and sessionStorage; leaving the page is not simulated.
  environment = createBrowserEnvironment({
    location: {
      get href() {
        return window.location.href;
      },
      assign: () => undefined,
    },
  });
});

afterEach(async () => {
  await session.close();
  await server.close();
});

/** Starts a login, goes through the mock's login as `user`, returns the callback URL with tokens. */
async function callbackFor(user: string): Promise<URL> {
  const loginUrl = startLogin({
    appId: 1089,
    oauthUrl: server.oauthUrl,
    environment,
    navigate: false,
  });
  return new URL(await followLogin(loginUrl, user));
}

const tokensOf = (callback: URL): string[] =>
  [...callback.searchParams].filter(([key]) => /^token\d+$/.test(key)).map(([, value]) => value);

describe('completeLogin against the mock server', () => {
  it('rejects a revoked token with DerivSessionError session_ended, the API error as cause', async () => {
    const callback = await callbackFor('revoked');
    visit(callback.href);
    const error: unknown = await completeLogin({ session, environment }).catch(
      (failure: unknown) => failure,
    );
    expect(isDerivSessionError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'DerivSessionError', code: 'session_ended' });
    const cause = (error as Error).cause;
    expect(isDerivApiError(cause)).toBe(true);
    expect(cause).toMatchObject({ code: 'InvalidToken' });
    for (const token of tokensOf(callback)) {
      expect(JSON.stringify(error)).not.toContain(token);
      expect(String(error)).not.toContain(token);
    }
  });

  it('completes a hash-router callback and leaves no token in location or history', async () => {
    const callback = await callbackFor('john');
    const tokens = tokensOf(callback);
    expect(tokens.length).toBeGreaterThan(0);
    // What a hash-routed app receives when its redirect URL is `/#/callback`.
    visit(`http://localhost:5173/#/callback${callback.search}`);
    const promise = completeLogin({ session, environment });
    expect(window.location.href).toBe('http://localhost:5173/#/callback');
    await expect(promise).resolves.toMatchObject({ handled: true, account: 'CR799393' });
    const kept = [window.location.href, JSON.stringify(window.history.state), document.URL];
    for (const token of tokens) for (const text of kept) expect(text).not.toContain(token);
    expect(session.getSnapshot().authorize?.loginid).toBe('CR799393');
  });
});
