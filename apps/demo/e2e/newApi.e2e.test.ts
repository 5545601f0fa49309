import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { expectAuthorized, useDemoStack } from './demoStack.js';
import {
  EXPECTED_REFUSALS,
  chooseNewApi,
  expectNoSecretsLeaked,
  loginWithNewApi,
  recordNewApi,
} from './newApiStack.js';

const stack = useDemoStack();

/** What the server answers to a WebSocket upgrade on `url`: 101 when it opens, else the status. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url.replace(/^ws/, 'http'), {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
      },
    });
    request.once('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    request.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
    request.end();
  });
}

const otpSockets = (urls: readonly string[]) => urls.filter((url) => url.includes('otp='));

describe('the demo on the New API', () => {
  it('logs in with PKCE, switches on a new one-time socket, logs out, and leaks no secret', async () => {
    const demo = await stack.open();
    const recording = recordNewApi(demo);
    await chooseNewApi(demo);
    await loginWithNewApi(demo);
    await expectAuthorized(demo, 'DOT90004580');
    await saveScreenshot(demo.page, 'new-api-01-authorized');
    expect(otpSockets(recording.socketUrls)).toHaveLength(1);

    await demo.page.getByRole('button', { name: 'Switch to DOT90004581' }).click();
    await expectAuthorized(demo, 'DOT90004581');
    // One socket per account: the switch opened a new socket from a new one-time URL.
    const sockets = otpSockets(recording.socketUrls);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]).not.toBe(sockets[0]);
    expect(sockets[1]).toContain('/ws/demo?otp=');

    // A reload resumes the remembered account from this tab's tokens.
    await demo.page.reload();
    await expectAuthorized(demo, 'DOT90004581');

    await demo.page.getByRole('button', { name: 'Log out' }).click();
    await demo.page.getByTestId('landing').waitFor();
    const stored = await demo.page.evaluate(() => Object.keys(window.sessionStorage));
    expect(stored).not.toContain('@deriv-auth/login:tokens');
    await demo.page.reload();
    await demo.page.getByTestId('landing').waitFor();
    await expect(demo.page.getByRole('alert').count()).resolves.toBe(0);

    await expectNoSecretsLeaked(demo, recording);
  });

  it('reconnects after a server close and a restart, each from a fresh one-time URL; the old one is refused', async () => {
    const demo = await stack.open();
    demo.tolerated.push(...EXPECTED_REFUSALS);
    const recording = recordNewApi(demo);
    await chooseNewApi(demo);
    await loginWithNewApi(demo);
    await expectAuthorized(demo, 'DOT90004580');
    const [first] = otpSockets(recording.socketUrls);

    // The server closes the socket: the client reconnects from a second one-time URL.
    stack.mock.inject({ type: 'close', code: 1011, reason: 'server going away' });
    await expect.poll(() => otpSockets(recording.socketUrls).length, { timeout: 15_000 }).toBe(2);
    await expectAuthorized(demo, 'DOT90004580');

    // The whole server restarts (sessions forgotten, tokens kept): a third one-time URL.
    await stack.mock.restart();
    await expect.poll(() => otpSockets(recording.socketUrls).length, { timeout: 15_000 }).toBe(3);
    await expectAuthorized(demo, 'DOT90004580');
    const latest = otpSockets(recording.socketUrls).at(-1);
    expect(latest).not.toBe(first);
    // One-time: the first URL opens nothing any more.
    await expect(upgradeStatus(first ?? '')).resolves.toBe(401);
    await expectNoSecretsLeaked(demo, recording);
  });

  it('refreshes an expired access token for the next socket and stays signed in', async () => {
    const demo = await stack.open();
    demo.tolerated.push(...EXPECTED_REFUSALS);
    const recording = recordNewApi(demo);
    await chooseNewApi(demo);
    await loginWithNewApi(demo);
    await expectAuthorized(demo, 'DOT90004580');

    stack.mock.inject({ type: 'accessTokenExpired' });
    await demo.page.getByRole('button', { name: 'Switch to DOT90004581' }).click();
    await expectAuthorized(demo, 'DOT90004581');
    const grants = recording.tokenExchanges.map(
      (exchange) => new URLSearchParams(exchange.request).get('grant_type') ?? '',
    );
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    await expectNoSecretsLeaked(demo, recording);
  });

  it('goes back to the login screen when the refresh is refused', async () => {
    const demo = await stack.open();
    demo.tolerated.push(...EXPECTED_REFUSALS);
    const recording = recordNewApi(demo);
    await chooseNewApi(demo);
    await loginWithNewApi(demo);
    await expectAuthorized(demo, 'DOT90004580');

    stack.mock.inject({ type: 'accessTokenExpired' });
    stack.mock.inject({ type: 'refuseRefresh' });
    await demo.page.getByRole('button', { name: 'Switch to DOT90004581' }).click();
    await demo.page.getByTestId('landing').waitFor();
    await demo.page.locator('[data-testid="error"][data-code="login_required"]').waitFor();
    await saveScreenshot(demo.page, 'new-api-02-login-required');
    const stored = await demo.page.evaluate(() => Object.keys(window.sessionStorage));
    expect(stored).not.toContain('@deriv-auth/login:tokens');
    await expectNoSecretsLeaked(demo, recording);
  });
});
