import { describe, expect, it } from 'vitest';
import { historyUrls, saveScreenshot } from './browser.js';
import {
  expectAuthorized,
  loginThroughOAuthPage,
  tokensFromCallback,
  useDemoStack,
} from './demoStack.js';

const stack = useDemoStack();

describe('logging in through the OAuth page', () => {
  it('lands authorized with the default account and its details', async () => {
    const demo = await stack.open();
    await demo.page.getByRole('heading', { name: 'Sign in with your Deriv account' }).waitFor();
    await saveScreenshot(demo.page, '01-landing');

    await demo.page.getByRole('button', { name: 'Log in with Deriv' }).click();
    await demo.page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    const loginUrl = new URL(demo.page.url());
    expect(loginUrl.searchParams.get('app_id')).toBe(String(stack.appId));
    expect(loginUrl.searchParams.get('state')).toMatch(/^[\w-]{22,}$/);
    await saveScreenshot(demo.page, '02-mock-oauth-page');
    // Slow the server's authorize down to see the callback page at work: by then the tokens
    // must already be gone from the address bar.
    const undoDelay = stack.mock.inject({ type: 'delay', call: 'authorize', ms: 1500 });
    await demo.page.getByRole('button', { name: 'Authorize', exact: true }).click();
    await demo.page.getByTestId('callback').waitFor();
    expect(new URL(demo.page.url()).pathname).toBe('/redirect');
    expect(new URL(demo.page.url()).search).toBe('');
    await saveScreenshot(demo.page, '03-callback-authorizing');
    undoDelay();

    await expectAuthorized(demo, 'CR799393');
    await expect(demo.page.title()).resolves.toBe('Signed in as CR799393 · Deriv login demo');
    const account = demo.page.getByTestId('account');
    await expect(account.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/\S/);
    await expect(demo.page.getByTestId('currency').textContent()).resolves.toBe('USD');
    await expect(demo.page.getByTestId('balance').textContent()).resolves.toMatch(
      /^\$[\d,]+\.\d{2}$/,
    );
    await expect(demo.page.getByTestId('landing-company').textContent()).resolves.toMatch(/\S/);
    const scopes = await demo.page.getByTestId('scopes').locator('li').allTextContents();
    expect(scopes).toEqual(
      expect.arrayContaining(['read', 'trade', 'trading_information', 'payments', 'admin']),
    );
    const listed = await demo.page
      .locator('[data-testid="account-list"] li')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-account')));
    expect(listed).toEqual(['CR799393', 'VRTC1859315']);
    await expect(demo.page.getByTestId('connection').textContent()).resolves.toContain('Connected');
    expect(new URL(demo.page.url()).pathname).toBe('/');
    await saveScreenshot(demo.page, '04-authorized');

    // The server agrees: one connection, authorized as the account shown.
    expect(stack.mock.connections().map((connection) => connection.loginid)).toEqual(['CR799393']);
  });

  it('leaves no token in the address bar, the history, or any Referer', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const tokens = tokensFromCallback(demo);
    const leaks = (text: string): boolean =>
      tokens.some((token) => text.includes(token)) || /token\d+=/i.test(text);

    expect(leaks(demo.page.url())).toBe(false);
    const history = await historyUrls(demo);
    expect(history.some((url) => url.includes('/oauth2/authorize'))).toBe(true);
    expect(history.filter(leaks)).toEqual([]);
    await expect(
      demo.page.evaluate(() => [
        window.location.href,
        document.referrer,
        JSON.stringify(window.history.state),
      ]),
    ).resolves.toSatisfy((values: string[]) => !values.some(leaks));

    // Only the navigation that brought the tokens may carry them; nothing after it, in URL or Referer.
    const callbackIndex = demo.requests.findIndex(
      (request) => request.isNavigation && request.url.includes('/redirect?'),
    );
    expect(callbackIndex).toBeGreaterThan(0);
    const after = demo.requests.slice(callbackIndex + 1);
    expect(after.length).toBeGreaterThan(2); // the app's script, style, icon...
    expect(after.filter((request) => leaks(request.url)).map((request) => request.url)).toEqual([]);
    for (const request of demo.requests) {
      const referer = (await request.headers)['referer'] ?? '';
      expect(leaks(referer), `Referer of ${request.url}`).toBe(false);
    }
    // The callback page itself asks for nothing from another origin.
    const origins = new Set(after.map((request) => new URL(request.url).origin));
    expect([...origins]).toEqual([stack.demoUrl]);
  });

  it('does not process the callback again on reload, and refuses a replayed callback URL', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const callbackUrl =
      demo.requests.find((request) => request.isNavigation && request.url.includes('/redirect?'))
        ?.url ?? '';
    const historyLength = await demo.page.evaluate(() => window.history.length);

    await demo.page.reload();
    await expectAuthorized(demo, 'CR799393');
    expect(new URL(demo.page.url()).pathname).toBe('/');
    await expect(demo.page.evaluate(() => window.history.length)).resolves.toBe(historyLength);
    const callbackNavigations = demo.requests.filter(
      (request) => request.isNavigation && new URL(request.url).pathname === '/redirect',
    );
    expect(callbackNavigations).toHaveLength(1);

    // Someone replays the callback URL (copied from a log, say): the one-time state is gone.
    await demo.page.goto(callbackUrl);
    const error = demo.page.getByRole('alert');
    await error.waitFor();
    await expect(error.getAttribute('data-code')).resolves.toBe('login_not_started');
    expect(new URL(demo.page.url()).search).toBe('');
    await saveScreenshot(demo.page, '05-replayed-callback-refused');
  });
});
