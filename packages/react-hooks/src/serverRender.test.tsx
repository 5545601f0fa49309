// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { createDerivSession, createMemoryStorage } from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';
import * as hooks from './index.js';
import { SessionView } from './test/sessionView.js';

describe('server-side rendering', () => {
  it('imports and renders every hook with react-dom/server without a window', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof hooks.useSessionSnapshot).toBe('function');
    // A session may be created on the server too: nothing connects until something is sent.
    const session = createDerivSession({ client: { appId: 1089 }, storage: createMemoryStorage() });
    const html = renderToString(
      <hooks.DerivProvider session={session}>
        <SessionView />
      </hooks.DerivProvider>,
    );
    expect(html).toBe(
      '<p>session:signed_out connection:idle accounts:0 callback:idle</p><button>Log in</button>',
    );
    expect(session.getSnapshot().connection).toBe('idle');
    await session.close();
  });
});
