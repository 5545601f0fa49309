// @vitest-environment happy-dom
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createDerivSession, createMemoryStorage } from '@deriv-auth/ws-client';
import { describe, expect, it, vi } from 'vitest';
import { DerivProvider } from './DerivProvider.js';
import { SessionView } from './test/sessionView.js';
import { visit } from './test/harness.js';

describe('hydration', () => {
  it('hydrates server HTML without a mismatch, then shows the browser state', async () => {
    visit('http://localhost:5173/');
    const page = (accounts: number) => {
      const session = createDerivSession({
        client: { appId: 1089 },
        storage: createMemoryStorage(),
      });
      // The browser session already holds accounts (restored from storage): it differs from the server's.
      if (accounts)
        session.setAccounts([
          { account: 'CR799393', token: 'a1-hydrationtoken000000', currency: 'USD' },
        ]);
      return {
        session,
        element: (
          <DerivProvider session={session}>
            <SessionView />
          </DerivProvider>
        ),
      };
    };
    const server = page(0);
    const container = document.createElement('div');
    container.innerHTML = renderToString(server.element);
    document.body.append(container);

    const browser = page(1);
    const errors: unknown[] = [];
    const consoleError = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => errors.push(args));
    const root = await act(() =>
      hydrateRoot(container, browser.element, {
        onRecoverableError: (error) => errors.push(error),
      }),
    );
    consoleError.mockRestore();
    expect(errors).toEqual([]);
    // After hydration the real browser snapshot is shown; this page is not a login callback.
    expect(container.textContent).toBe(
      'session:signed_out connection:idle accounts:1 callback:noneLog in',
    );
    act(() => {
      root.unmount();
    });
    await Promise.all([server.session.close(), browser.session.close()]);
  });
});
