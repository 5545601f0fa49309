import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import {
  expectAuthorized,
  loginThroughOAuthPage,
  tokensFromCallback,
  useDemoStack,
} from './demoStack.js';

const stack = useDemoStack();

describe('switching accounts and logging out', () => {
  it('switches to the other account of the login', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');

    await demo.page.getByRole('button', { name: 'Switch to VRTC1859315' }).click();
    await expectAuthorized(demo, 'VRTC1859315');
    await expect(
      demo.page.locator('[data-account="VRTC1859315"]').getAttribute('aria-current'),
    ).resolves.toBe('true');
    await expect(demo.page.getByTestId('account').textContent()).resolves.toContain('Demo');
    await saveScreenshot(demo.page, '06-switched-account');
    expect(stack.mock.connections().map((connection) => connection.loginid)).toEqual([
      'VRTC1859315',
    ]);

    // The choice survives a reload of the tab.
    await demo.page.reload();
    await expectAuthorized(demo, 'VRTC1859315');
  });

  it('logs out: back to the landing page, server told, tokens forgotten', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const tokens = tokensFromCallback(demo);
    // The previous test's socket may still be closing: pick this page's connection.
    const connection = stack.mock
      .connections()
      .find((candidate) => candidate.loginid === 'CR799393');
    expect(connection).toBeDefined();

    await demo.page.getByRole('button', { name: 'Log out' }).click();
    await demo.page.getByTestId('landing').waitFor();
    await saveScreenshot(demo.page, '08-logged-out');
    const calls = stack.mock.log(connection?.id).map((entry) => JSON.stringify(entry));
    expect(calls.some((call) => call.includes('"logout"'))).toBe(true);
    const stored = await demo.page.evaluate(() => Object.values(window.sessionStorage).join(' '));
    expect(tokens.filter((token) => stored.includes(token))).toEqual([]);

    await demo.page.reload();
    await demo.page.getByTestId('landing').waitFor();
    await expect(demo.page.getByRole('alert').count()).resolves.toBe(0);
  });
});

describe('a user with several accounts', () => {
  it('lists them all, switches to a crypto account, and offers no switch to a disabled one', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo, { user: 'multi' });
    await expectAuthorized(demo, 'CR900010');
    const rows = demo.page.locator('[data-testid="account-list"] li');
    await expect(
      rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-account'))),
    ).resolves.toEqual(['CR900010', 'CR900011', 'VRTC900013', 'CR900012']);
    await expect(demo.page.locator('[data-account="CR900012"]').textContent()).resolves.toContain(
      'disabled',
    );
    await expect(
      demo.page.getByRole('button', { name: 'Switch to CR900012' }).count(),
    ).resolves.toBe(0);

    await demo.page.getByRole('button', { name: 'Switch to CR900011' }).click();
    await expectAuthorized(demo, 'CR900011');
    await expect(demo.page.getByTestId('currency').textContent()).resolves.toBe('BTC');
    await expect(demo.page.getByTestId('balance').textContent()).resolves.toContain('0.015');
    await saveScreenshot(demo.page, '07-multi-account-btc');
  });
});
