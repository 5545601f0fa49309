// @vitest-environment happy-dom
import { StrictMode } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockServer } from '@deriv-auth/mock-server';
import type { DerivSession } from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBrowserEnvironment,
  createNewApiLogin,
  type BrowserEnvironment,
  type NewApiLogin,
} from '@deriv-auth/login';
import {
  createNewApiSession,
  startNewApiServer,
  TEST_CLIENT_ID,
  TEST_REDIRECT_URI,
} from '../../login/src/test/newApiHarness.js';
import { DerivProvider } from './DerivProvider.js';
import { followLogin, visit } from './test/harness.js';
import { useSessionSnapshot } from './useSessionSnapshot.js';
import { useLogin } from './useLogin.js';
import { useOAuthCallback } from './useOAuthCallback.js';

let server: MockServer;
let sessions: DerivSession[];
let assigned: string[];
let environment: BrowserEnvironment;
let login: NewApiLogin;

beforeEach(async () => {
  server = await startNewApiServer();
  sessions = [];
  assigned = [];
  window.sessionStorage.clear();
  visit('http://localhost:5173/');
  // The real happy-dom history and sessionStorage; only leaving the page is recorded instead.
  environment = createBrowserEnvironment({
    location: {
      get href() {
        return window.location.href;
      },
      assign: (url: string) => assigned.push(url),
    },
  });
  login = createNewApiLogin({
    clientId: TEST_CLIENT_ID,
    redirectUri: TEST_REDIRECT_URI,
    authorizationUrl: server.newApi.authorizeUrl,
    tokenUrl: server.newApi.tokenUrl,
    environment,
  });
});

afterEach(async () => {
  cleanup();
  await Promise.all(sessions.map((session) => session.close()));
  await server.close();
});

function newSession(): DerivSession {
  const session = createNewApiSession(server, login);
  sessions.push(session);
  return session;
}

function LoginPage() {
  // The one option that switches the hook to the New API.
  const { login: logIn } = useLogin({ newApi: login });
  return <button onClick={() => void logIn({ returnTo: '/trade' })}>Log in</button>;
}

function CallbackPage({ account }: { account?: 'virtual' }) {
  const callback = useOAuthCallback({ newApi: login, ...(account ? { account } : {}) });
  const loginid = useSessionSnapshot((snapshot) => snapshot.authorize?.loginid);
  const status = useSessionSnapshot((snapshot) => snapshot.status);
  return (
    <p>
      callback:{callback.status} session:{status} loginid:{loginid ?? '-'}
      {callback.status === 'success' ? ` returnTo:${callback.returnTo ?? '-'}` : ''}
      {callback.status === 'error' ? ` callbackError:${callback.error.code}` : ''}
    </p>
  );
}

/** Login page -> the mock's non-interactive consent -> back on the callback with a code. */
async function loginAs(user = 'john'): Promise<URL> {
  const page = render(
    <DerivProvider session={newSession()}>
      <LoginPage />
    </DerivProvider>,
  );
  fireEvent.click(screen.getByText('Log in'));
  await waitFor(() => {
    expect(assigned).toHaveLength(1);
  });
  page.unmount();
  const callback = new URL(await followLogin(assigned[0] ?? '', user));
  visit(callback.href);
  return callback;
}

const otpRequests = () => server.received.filter((message) => message.call === 'balance').length;

describe('the New API login flow in React against the mock server', () => {
  it('goes from useLogin through the PKCE login to a session authorized from a one-time URL', async () => {
    await loginAs();
    const authorizeUrl = new URL(assigned[0] ?? '');
    expect(authorizeUrl.searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const code = new URL(window.location.href).searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    render(
      <DerivProvider session={newSession()}>
        <CallbackPage />
      </DerivProvider>,
    );
    // The code left the address bar before the first paint.
    expect(window.location.href).toBe(TEST_REDIRECT_URI);
    await screen.findByText(
      /callback:success session:authorized loginid:DOT90004580 returnTo:\/trade/,
    );
    expect(JSON.stringify(window.history.state) + window.location.href).not.toContain(code);
  });

  it('runs the exchange once under StrictMode, and the account choice uses the list', async () => {
    await loginAs();
    render(
      <StrictMode>
        <DerivProvider session={newSession()}>
          <CallbackPage account="virtual" />
          <CallbackPage account="virtual" />
        </DerivProvider>
      </StrictMode>,
    );
    await waitFor(() => {
      expect(
        screen.getAllByText(/callback:success session:authorized loginid:DOT90004581/),
      ).toHaveLength(2);
    });
    // A second exchange of the same code would have failed (single use) and shown an error.
    expect(screen.queryByText(/callbackError/)).toBeNull();
    expect(otpRequests()).toBeGreaterThan(0);
  });

  it('shows a callback whose state does not match as an error state', async () => {
    const callback = await loginAs();
    callback.searchParams.set('state', 'not-the-state-this-tab-sent');
    visit(callback.href);
    render(
      <DerivProvider session={newSession()}>
        <CallbackPage />
      </DerivProvider>,
    );
    await screen.findByText(
      /callback:error session:signed_out loginid:- callbackError:state_mismatch/,
    );
    expect(window.location.href).toBe(TEST_REDIRECT_URI);
  });
});
