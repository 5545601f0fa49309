import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { expectAuthorized, loginThroughOAuthPage, useDemoStack } from './demoStack.js';

const stack = useDemoStack();

describe('losing the connection', () => {
  it('shows reconnecting while the server is away, then is authorized again', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    // Chromium logs each refused WebSocket handshake as a console error: expected here.
    demo.tolerated.push(/WebSocket connection to .* failed/);

    // Restart the server (sockets dropped, sessions forgotten, tokens kept) and hold it "down"
    // by refusing handshakes, so the reconnecting state can be seen and photographed.
    stack.mock.inject({ type: 'refuseHandshake', status: 503 });
    await stack.mock.restart();
    await demo.page.locator('[data-testid="connection"][data-status="reconnecting"]').waitFor();
    const notice = demo.page.getByTestId('reconnecting');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Reconnecting');
    await expect(demo.page.getByTestId('loginid').textContent()).resolves.toBe('CR799393');
    await saveScreenshot(demo.page, '12-reconnecting');

    stack.mock.clearFaults();
    await expectAuthorized(demo, 'CR799393');
    await notice.waitFor({ state: 'detached' });
    // A new socket, authorized again by the client on its own.
    expect(stack.mock.connections().map((connection) => connection.loginid)).toEqual(['CR799393']);
    await saveScreenshot(demo.page, '13-reconnected');
  });
});
