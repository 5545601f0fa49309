import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, type DemoPage } from './browser.js';
import { expectAuthorized } from './demoStack.js';
import { loginThroughServer, useServerModeStack } from './serverModeStack.js';

const stack = useServerModeStack();

/** The mock's access and refresh tokens, by shape (the server keeps them; the page never may). */
const TOKEN = /ory_(?:at|rt)_[\w.-]+/;

/** Every response body and WebSocket frame the page could read, collected while it runs. */
function recordReadable(page: Page): string[] {
  const texts: string[] = [];
  page.on('response', (response) => {
    // Redirects have no body to read; everything else the page (or its scripts) could read.
    if (response.status() >= 300 && response.status() < 400) return;
    void response.text().then(
      (text) => texts.push(`${response.url()} ${text}`),
      () => undefined,
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => texts.push(String(frame.payload)));
    socket.on('framesent', (frame) => texts.push(String(frame.payload)));
  });
  return texts;
}

/** What scripts in the page can read: both storages and `document.cookie`. */
function pageStorage(demo: DemoPage): Promise<string[]> {
  return demo.page.evaluate(() => [
    JSON.stringify(Object.entries(window.sessionStorage)),
    JSON.stringify(Object.entries(window.localStorage)),
    document.cookie,
  ]);
}

const otpRequests = (demo: DemoPage): number =>
  demo.requests.filter(
    (request) => request.method === 'POST' && new URL(request.url).pathname === '/auth/otp',
  ).length;

describe('server mode: the tokens stay on the demo’s server', () => {
  it('logs in, is authorized, switches, reconnects and logs out, the page holding no token', async () => {
    const demo = await stack.open();
    const readable = recordReadable(demo.page);
    await demo.page.getByTestId('landing').waitFor();
    await saveScreenshot(demo.page, 'server-01-landing');
    await loginThroughServer(demo);
    await expectAuthorized(demo, 'DOT90004580');
    await saveScreenshot(demo.page, 'server-02-authorized');

    // The session cookie: HttpOnly, on the auth routes only; the page's script sees no cookie.
    const cookies = await demo.context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'deriv_session');
    expect(session).toMatchObject({ httpOnly: true, path: '/auth', sameSite: 'Lax' });
    await expect(demo.page.evaluate(() => document.cookie)).resolves.toBe('');

    await demo.page.getByRole('button', { name: 'Switch to DOT90004581' }).click();
    await expectAuthorized(demo, 'DOT90004581');
    expect(otpRequests(demo)).toBe(2);

    stack.mock.inject({ type: 'drop' });
    await demo.page.getByTestId('reconnecting').waitFor();
    await expectAuthorized(demo, 'DOT90004581');
    expect(otpRequests(demo)).toBe(3); // a fresh one-time URL for the new socket
    expect(stack.mock.connections().filter((info) => info.accountId !== undefined)).toHaveLength(1);

    const stored = await pageStorage(demo);
    await demo.page.getByRole('button', { name: 'Log out' }).click();
    await demo.page.getByTestId('landing').waitFor();
    expect((await demo.context.cookies()).map((cookie) => cookie.name)).not.toContain(
      'deriv_session',
    );
    await expect(
      demo.page.evaluate(() => fetch('/auth/session').then((response) => response.json())),
    ).resolves.toEqual({ signedIn: false, reason: 'no_session' });

    // Nothing the page could read ever held a token: storage, cookies, bodies, frames, URLs.
    const texts = [
      ...stored,
      ...(await pageStorage(demo)),
      ...readable,
      ...demo.requests.map((request) => request.url),
    ];
    expect(readable.some((text) => text.includes('/auth/session'))).toBe(true);
    expect(texts.filter((text) => TOKEN.test(text))).toEqual([]);
  });

  it('refuses a tampered session cookie: signed out, nothing authorized', async () => {
    const demo = await stack.open();
    await loginThroughServer(demo);
    await expectAuthorized(demo, 'DOT90004580');
    const cookies = await demo.context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'deriv_session');
    if (!session) throw new Error('no session cookie');
    // Flip one character inside the ciphertext: the authentication tag no longer matches.
    const middle = Math.floor(session.value.length / 2);
    const flipped = session.value[middle] === 'A' ? 'B' : 'A';
    const tampered = `${session.value.slice(0, middle)}${flipped}${session.value.slice(middle + 1)}`;
    await demo.context.addCookies([{ ...session, value: tampered }]);
    const [answer] = await Promise.all([
      demo.page.waitForResponse((response) => response.url().endsWith('/auth/session')),
      demo.page.reload(),
    ]);
    await expect(answer.json()).resolves.toEqual({ signedIn: false, reason: 'session_expired' });
    await demo.page.getByTestId('landing').waitFor();
    expect(otpRequests(demo)).toBe(1); // the first login's only
    expect((await demo.context.cookies()).map((cookie) => cookie.name)).not.toContain(
      'deriv_session',
    );
  });

  it('refuses a replayed callback', async () => {
    const demo = await stack.open();
    await loginThroughServer(demo);
    await expectAuthorized(demo, 'DOT90004580');
    const callback = demo.requests.find(
      (request) => request.isNavigation && new URL(request.url).pathname === '/auth/callback',
    );
    if (!callback) throw new Error('no callback navigation recorded');
    const replay = await demo.page.goto(callback.url);
    expect(replay?.request().redirectedFrom()?.url()).toBe(callback.url);
    await demo.page.getByTestId('auth-error').waitFor();
    await expect(demo.page.getByTestId('auth-error').textContent()).resolves.toContain(
      'already used',
    );
    expect(new URL(demo.page.url()).search).toBe(''); // the code is gone from the address bar
    // The session of the first callback stands; the replay started none.
    await expectAuthorized(demo, 'DOT90004580');
  });

  it('refuses a cross-site POST: logout from another site does nothing, otp cannot be read', async () => {
    const demo = await stack.open();
    await loginThroughServer(demo);
    await expectAuthorized(demo, 'DOT90004580');
    const attacker = 'http://attacker.example/';
    await demo.page.route(attacker, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${stack.demoUrl}/auth/logout"><button>Win</button></form>`,
      }),
    );
    await demo.page.goto(attacker);
    const otp = await demo.page.evaluate(
      (url) =>
        fetch(url, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accountId: 'DOT90004580' }),
        }).then(
          (response) => `read ${response.status}`,
          () => 'blocked',
        ),
      `${stack.demoUrl}/auth/otp`,
    );
    expect(otp).toBe('blocked');
    demo.tolerated.push(/CORS|Failed to load resource|net::ERR_FAILED/);
    const [logout] = await Promise.all([
      demo.page.waitForResponse((response) => response.url().endsWith('/auth/logout')),
      demo.page.getByRole('button', { name: 'Win' }).click(),
    ]);
    expect(logout.status()).toBe(403);
    // Still signed in on the demo.
    await demo.page.goto(stack.demoUrl);
    await expectAuthorized(demo, 'DOT90004580');
  });
});
