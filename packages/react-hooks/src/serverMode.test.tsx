// Server mode: the session takes its sockets and accounts from @deriv-auth/server
// (createAuthServerBackend); the provider and hooks are used exactly as with browser tokens.
//
// Node environment with a happy-dom document added by hand (test/pageGlobals.ts): the auth server
// runs in this process and needs Node's own Request and Headers (happy-dom's, as a browser's
// should, drop the `Cookie` header it reads).
import './test/pageGlobals.js';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  createAuthServerBackend,
  createDerivSession,
  requiresLogin,
  type AuthServerBackend,
  type DerivSession,
} from '@deriv-auth/ws-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startAuthServerStack,
  type AuthServerStack,
} from '../../ws-client/src/test/authServerStack.js';
import { DerivProvider } from './DerivProvider.js';
import { NodeWebSocket } from './test/harness.js';
import { useConnectionStatus } from './useConnectionStatus.js';
import { useSessionActions } from './useSessionActions.js';
import { useSessionSnapshot } from './useSessionSnapshot.js';

let stack: AuthServerStack | undefined;
let session: DerivSession | undefined;

afterEach(async () => {
  cleanup();
  await session?.close();
  await stack?.close();
  stack = session = undefined;
});

/** An app page: who is signed in, a switch button, a sign-out button, and "sign in again". */
function TradePage({ backend }: { backend: AuthServerBackend }) {
  const status = useSessionSnapshot((snapshot) => snapshot.status);
  const active = useSessionSnapshot((snapshot) => snapshot.activeAccount ?? 'none');
  const error = useSessionSnapshot((snapshot) => snapshot.error);
  const connection = useConnectionStatus();
  const { authorize, switchAccount, logout } = useSessionActions();
  return (
    <>
      <p>{`status:${status} account:${active} connection:${connection}`}</p>
      {requiresLogin(error) && <a href={backend.loginUrl('/trade')}>Sign in again</a>}
      <button onClick={() => void authorize().catch(() => undefined)}>Start</button>
      <button onClick={() => void switchAccount('DOT90004581').catch(() => undefined)}>Demo</button>
      <button
        onClick={() =>
          void logout()
            .then(() => backend.logout())
            .catch(() => undefined)
        }
      >
        Sign out
      </button>
    </>
  );
}

async function renderSignedIn(): Promise<{ stack: AuthServerStack; backend: AuthServerBackend }> {
  stack = await startAuthServerStack();
  await stack.signIn();
  const backend = createAuthServerBackend({
    baseUrl: `${stack.origin}/auth`,
    fetch: stack.browserFetch,
  });
  session = createDerivSession({
    client: {
      appId: 1089,
      endpoint: stack.mock.newApi.publicWsUrl,
      WebSocket: NodeWebSocket,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    },
    newApi: backend,
  });
  render(
    <DerivProvider session={session}>
      <TradePage backend={backend} />
    </DerivProvider>,
  );
  return { stack, backend };
}

const line = (text: string) => screen.findByText(new RegExp(text), undefined, { timeout: 5_000 });

describe('DerivProvider and the hooks with a session on @deriv-auth/server', () => {
  it('authorize, switch, reconnect and sign out, unchanged', async () => {
    const { stack, backend } = await renderSignedIn();
    fireEvent.click(screen.getByText('Start'));
    await line('status:authorized account:DOT90004580 connection:open');
    fireEvent.click(screen.getByText('Demo'));
    await line('status:authorized account:DOT90004581 connection:open');
    act(() => {
      stack.mock.inject({ type: 'drop' });
    });
    // A fresh one-time URL for the new socket (one each: first account, switch, reconnect).
    await waitFor(
      () => {
        expect(stack.requests.filter((request) => request === 'POST /auth/otp')).toHaveLength(3);
      },
      { timeout: 5_000 },
    );
    await line('status:authorized account:DOT90004581 connection:open');
    fireEvent.click(screen.getByText('Sign out'));
    await line('status:signed_out');
    await waitFor(() => {
      expect(stack.jar.has('deriv_session')).toBe(false);
    });
    expect(await backend.readSession()).toMatchObject({ signedIn: false });
  });

  it('shows "sign in again" when the server’s session ends', async () => {
    const { stack, backend } = await renderSignedIn();
    fireEvent.click(screen.getByText('Start'));
    await line('status:authorized');
    const kept = new Map(stack.jar);
    await backend.logout(); // another tab
    for (const [name, value] of kept) stack.jar.set(name, value);
    act(() => {
      stack.mock.inject({ type: 'drop' });
    });
    await line('status:error');
    expect(screen.getByText('Sign in again').getAttribute('href')).toBe(
      `${stack.origin}/auth/login?returnTo=%2Ftrade`,
    );
  });
});
