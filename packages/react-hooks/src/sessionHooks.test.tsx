// @vitest-environment happy-dom
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockServer } from '@deriv-auth/mock-server';
import type { DerivSession, SessionSnapshot } from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DerivProvider, useSession } from './DerivProvider.js';
import { isDerivReactError } from './derivReactError.js';
import { createTestSession, startServer } from './test/harness.js';
import { useConnectionStatus } from './useConnectionStatus.js';
import { useSessionActions } from './useSessionActions.js';
import { useSessionSnapshot } from './useSessionSnapshot.js';
import { useOAuthCallback } from './useOAuthCallback.js';

let server: MockServer;
let session: DerivSession;

beforeEach(async () => {
  server = await startServer();
  session = createTestSession(server);
  const { accounts } = await server.login({ appId: 1089, user: 'john' });
  session.setAccounts(accounts);
});

afterEach(async () => {
  cleanup();
  await session.close();
  await server.close();
});

describe('hooks without a provider', () => {
  it.each([
    ['useSessionSnapshot', () => useSessionSnapshot()],
    ['useConnectionStatus', () => useConnectionStatus()],
    ['useSessionActions', () => useSessionActions()],
    ['useOAuthCallback', () => useOAuthCallback()],
    ['useSession', () => useSession()],
  ])('%s throws a clear missing_provider error', (_name, hook) => {
    function Orphan() {
      hook();
      return null;
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let thrown: unknown;
    try {
      render(<Orphan />);
    } catch (error) {
      thrown = error;
    }
    quiet.mockRestore();
    expect(isDerivReactError(thrown) && thrown.code).toBe('missing_provider');
    expect((thrown as Error).message).toMatch(/inside <DerivProvider session=\{\.\.\.\}>/);
  });
});

describe('session hooks against the mock server', () => {
  it('re-renders a connection-status reader only when the status changes (counted from mount to authorized)', async () => {
    const seen: string[] = [];
    function Status() {
      const status = useConnectionStatus();
      seen.push(status);
      return <span>{status}</span>;
    }
    let fullRenders = 0;
    function Everything() {
      fullRenders += 1;
      useSessionSnapshot();
      return null;
    }
    render(
      <DerivProvider session={session}>
        <Status />
        <Everything />
      </DerivProvider>,
    );
    await act(async () => {
      await session.authorize();
    });
    expect(session.getSnapshot().status).toBe('authorized');
    // Reported figure: at most one render per distinct status (idle -> connecting -> open).
    console.info(
      `connection-status renders from mount to authorized: ${String(seen.length)} (${seen.join(' -> ')}); whole-snapshot renders: ${String(fullRenders)}`,
    );
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen.at(-1)).toBe('open');

    // A session change that leaves the connection open renders the whole-snapshot reader only.
    const [statusRenders, everythingRenders] = [seen.length, fullRenders];
    await act(async () => {
      await session.switchAccount('VRTC1859315');
    });
    expect(session.getSnapshot().activeAccount).toBe('VRTC1859315');
    expect(fullRenders).toBeGreaterThan(everythingRenders);
    expect(seen).toHaveLength(statusRenders);
  });

  it('keeps a derived selection stable with a structural isEqual', async () => {
    let renders = 0;
    function Accounts() {
      renders += 1;
      const ids = useSessionSnapshot(
        (snapshot) => snapshot.accounts.map((account) => account.account),
        (a, b) => a.join() === b.join(),
      );
      return <span>{ids.join(',')}</span>;
    }
    render(
      <DerivProvider session={session}>
        <Accounts />
      </DerivProvider>,
    );
    await act(async () => {
      await session.authorize();
    });
    expect(screen.getByText('CR799393,VRTC1859315')).toBeTruthy();
    expect(renders).toBe(1);
  });

  it('switches account and logs out through useSessionActions, and the hooks follow', async () => {
    function Account() {
      const { switchAccount, logout, authorize } = useSessionActions();
      const active = useSessionSnapshot((snapshot) => snapshot.activeAccount);
      const status = useSessionSnapshot((snapshot) => snapshot.status);
      const [failure, setFailure] = useState('');
      const run = (action: () => Promise<unknown>) => () => {
        action().catch((error: unknown) => {
          setFailure(String(error));
        });
      };
      return (
        <div>
          <p>
            {status}:{active ?? '-'}
            {failure}
          </p>
          <button onClick={run(() => authorize())}>authorize</button>
          <button onClick={run(() => switchAccount('VRTC1859315'))}>demo</button>
          <button onClick={run(() => logout())}>logout</button>
        </div>
      );
    }
    render(
      <DerivProvider session={session}>
        <Account />
      </DerivProvider>,
    );
    fireEvent.click(screen.getByText('authorize'));
    await screen.findByText('authorized:CR799393');
    fireEvent.click(screen.getByText('demo'));
    await screen.findByText('authorized:VRTC1859315');
    expect(server.connections()[0]?.loginid).toBe('VRTC1859315');
    fireEvent.click(screen.getByText('logout'));
    await screen.findByText('signed_out:-');
    // The session signs out locally at once, then tells the server: wait for that message.
    await vi.waitFor(() => {
      expect(server.received.some((message) => message.call === 'logout')).toBe(true);
    });
  });

  it('returns the same actions object on every render', () => {
    const actions: unknown[] = [];
    function Actions() {
      actions.push(useSessionActions());
      return null;
    }
    const view = render(
      <DerivProvider session={session}>
        <Actions />
      </DerivProvider>,
    );
    view.rerender(
      <DerivProvider session={session}>
        <Actions />
      </DerivProvider>,
    );
    expect(actions).toHaveLength(2);
    expect(actions[0]).toBe(actions[1]);
  });

  it('shows a server restart in the hooks: reconnecting, then open and authorized again', async () => {
    const statuses: SessionSnapshot['connection'][] = [];
    function Status() {
      const status = useConnectionStatus();
      const loginid = useSessionSnapshot((snapshot) => snapshot.authorize?.loginid);
      statuses.push(status);
      return (
        <span>
          {status}/{loginid ?? '-'}
        </span>
      );
    }
    render(
      <DerivProvider session={session}>
        <Status />
      </DerivProvider>,
    );
    await act(async () => {
      await session.authorize();
    });
    await screen.findByText('open/CR799393');
    statuses.length = 0;

    await act(async () => {
      await server.restart();
    });
    await waitFor(() => {
      expect(statuses).toContain('reconnecting');
    });
    await waitFor(() => {
      expect(session.getSnapshot()).toMatchObject({ status: 'authorized', connection: 'open' });
    });
    await screen.findByText('open/CR799393');
    // The session re-authorized on the new socket by itself.
    await waitFor(() => {
      expect(server.connections()[0]?.loginid).toBe('CR799393');
    });
  });
});
