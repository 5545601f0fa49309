// @vitest-environment happy-dom
import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockServer } from '@deriv-auth/mock-server';
import {
  createDerivClient,
  createDerivSession,
  createMemoryStorage,
  type DerivSession,
} from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserEnvironment, type BrowserEnvironment } from '@deriv-auth/login';
import { DerivProvider } from './DerivProvider.js';
import {
  NodeWebSocket,
  createTestSession,
  followLogin,
  liveTimers,
  startServer,
  visit,
} from './test/harness.js';
import { useConnectionStatus } from './useConnectionStatus.js';
import { useSessionSnapshot } from './useSessionSnapshot.js';
import { useLogin } from './useLogin.js';
import { useOAuthCallback } from './useOAuthCallback.js';

let server: MockServer;
let serverClosed: boolean;
let sessions: DerivSession[];
let assigned: string[];
let environment: BrowserEnvironment;

beforeEach(async () => {
  server = await startServer();
  serverClosed = false;
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
});

afterEach(async () => {
  cleanup();
  await Promise.all(sessions.map((session) => session.close()));
  if (!serverClosed) await server.close();
});

function newSession(): DerivSession {
  const session = createTestSession(server);
  sessions.push(session);
  return session;
}

function LoginPage() {
  const { login } = useLogin({ appId: 1089, oauthUrl: server.oauthUrl, environment });
  return <button onClick={() => login({ returnTo: '/trade' })}>Log in</button>;
}

function CallbackPage({ account }: { account?: 'virtual' }) {
  const callback = useOAuthCallback({ environment, ...(account ? { account } : {}) });
  const loginid = useSessionSnapshot((snapshot) => snapshot.authorize?.loginid);
  const status = useSessionSnapshot((snapshot) => snapshot.status);
  const error = useSessionSnapshot((snapshot) => snapshot.error?.code);
  return (
    <p>
      callback:{callback.status} session:{status} loginid:{loginid ?? '-'} error:{error ?? '-'}
      {callback.status === 'success' ? ` returnTo:${callback.returnTo ?? '-'}` : ''}
      {callback.status === 'error' ? ` callbackError:${callback.error.code}` : ''}
    </p>
  );
}

/** Login page -> mock server's non-interactive login -> back on the callback URL with tokens. */
async function loginAs(user = 'john'): Promise<string> {
  const loginPage = render(
    <DerivProvider session={newSession()}>
      <LoginPage />
    </DerivProvider>,
  );
  fireEvent.click(screen.getByText('Log in'));
  loginPage.unmount();
  expect(assigned).toHaveLength(1);
  const callbackUrl = await followLogin(assigned[0] ?? '', user);
  visit(callbackUrl);
  return callbackUrl;
}

const authorizeCalls = () =>
  server.received.filter((message) => message.call === 'authorize').length;

describe('the login flow in React against the mock server', () => {
  it('goes from the login URL through the mock login back to an authorized session', async () => {
    const callbackUrl = await loginAs();
    expect(callbackUrl.startsWith('http://localhost:5173/redirect?')).toBe(true);
    expect(new URL(callbackUrl).searchParams.get('token1')).toBeTruthy();

    render(
      <DerivProvider session={newSession()}>
        <CallbackPage />
      </DerivProvider>,
    );
    // The tokens left the address bar before the first paint.
    expect(window.location.href).toBe('http://localhost:5173/redirect');
    await screen.findByText(
      /callback:success session:authorized loginid:CR799393 error:- returnTo:\/trade/,
    );
    expect(authorizeCalls()).toBe(1);
  });

  it('processes the callback once under StrictMode (double render, double effects)', async () => {
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
        screen.getAllByText(/callback:success session:authorized loginid:VRTC1859315/),
      ).toHaveLength(2);
    });
    expect(authorizeCalls()).toBe(1);
  });

  it('surfaces an invalid token as an error state in the callback and the session', async () => {
    await loginAs('revoked');
    const session = newSession();
    render(
      <DerivProvider session={session}>
        <CallbackPage />
      </DerivProvider>,
    );
    await screen.findByText(
      /callback:error session:error loginid:- error:session_ended callbackError:session_ended/,
    );
    // The session ended because Deriv answered InvalidToken; the token itself is shown nowhere.
    const { error } = session.getSnapshot();
    expect(error?.cause).toMatchObject({ name: 'DerivApiError', code: 'InvalidToken' });
    expect(document.body.innerHTML).not.toMatch(/token1|a1-/);
    expect(JSON.stringify(session.getSnapshot())).not.toMatch(/a1-/);
  });

  it('refuses a callback opened in a tab that never started the login', async () => {
    await loginAs();
    window.sessionStorage.clear(); // another tab: its sessionStorage never saw the state
    render(
      <DerivProvider session={newSession()}>
        <CallbackPage />
      </DerivProvider>,
    );
    await screen.findByText(/callback:error session:signed_out .* callbackError:login_not_started/);
    expect(window.location.search).toBe('');
    expect(authorizeCalls()).toBe(0);
  });

  it('shows a refused login through useOAuthCallback, and then logs nothing to the console', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await loginAs();
      window.sessionStorage.clear(); // a forged or replayed callback: nobody started it here
      render(
        <DerivProvider session={newSession()}>
          <CallbackPage />
        </DerivProvider>,
      );
      await screen.findByText(/callbackError:login_not_started/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('stops updating a tree unmounted while connecting and leaves no live timer once the session closes', async () => {
    await loginAs();
    // The client made here, so its own timer and listener counts can be read at the end.
    const client = createDerivClient({
      appId: 1089,
      endpoint: server.wsUrl,
      WebSocket: NodeWebSocket,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    const session = createDerivSession({ client, storage: createMemoryStorage() });
    sessions.push(session);
    let renders = 0;
    function Status() {
      renders += 1;
      return <span>{useConnectionStatus()}</span>;
    }
    const page = render(
      <DerivProvider session={session}>
        <Status />
        <CallbackPage />
      </DerivProvider>,
    );
    await waitFor(() => {
      expect(session.getSnapshot().connection).toBe('connecting');
    });
    const rendersAtUnmount = renders;
    const consoleError = vi.spyOn(console, 'error');
    page.unmount();

    // The session (not React) owns the socket: the login still completes after the unmount.
    await waitFor(() => {
      expect(session.getSnapshot().status).toBe('authorized');
    });
    expect(renders).toBe(rendersAtUnmount);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    await session.close();
    await client.close(); // a session handed a client leaves closing it to its owner
    await server.close();
    serverClosed = true;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    // Nothing the hooks started outlives the session and the server: no timer at all is left.
    // Nothing the hooks or the session started outlives them: the client owns no timer, socket
    // listener, abort listener or subscriber, and React holds no subscription.
    expect(client.getDiagnostics()).toEqual({
      inflightRequests: 0,
      queuedRequests: 0,
      timers: 0,
      socketListeners: 0,
      abortListeners: 0,
      subscribers: 0,
      listenerErrors: 0,
      droppedMessages: 0,
      streams: 0,
      streamConsumers: 0,
    });
    // And no timer at all is left in the process. Counted process-wide, so short one-shot timers
    // already set elsewhere (vitest's own 100 ms report batching) get time to fire; a keep-alive
    // (30 s) or reconnect loop never would. Polled with plain sleeps, not `vi.waitFor`: its own
    // interval and timeout timers are live while it polls, so once its first check saw a
    // short-lived timer it could never see zero.
    const deadline = Date.now() + 5_000;
    while (liveTimers() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(liveTimers()).toBe(0);
  });
});
