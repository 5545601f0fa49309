import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import {
  OTHER_APP_ID,
  expectAuthorized,
  loginThroughOAuthPage,
  useDemoStack,
} from './demoStack.js';

const stack = useDemoStack();

describe('error states', () => {
  it('explains a denied login and offers to try again', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo, { decision: 'Deny' });
    const alert = demo.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('provider_error');
    await expect(alert.textContent()).resolves.toContain('Login cancelled');
    expect(new URL(demo.page.url()).search).toBe('');
    expect(stack.mock.connections()).toEqual([]);
    await saveScreenshot(demo.page, '09-login-denied');

    // Trying again works.
    await demo.page.getByRole('button', { name: 'Log in again' }).click();
    await demo.page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    await demo.page.getByRole('button', { name: 'Authorize', exact: true }).click();
    await expectAuthorized(demo, 'CR799393');
  });

  it('explains a revoked token', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo, { user: 'revoked' });
    const alert = demo.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('InvalidToken');
    await expect(alert.textContent()).resolves.toContain('expired or revoked');
    await expect(demo.page.getByRole('button', { name: 'Log in again' }).count()).resolves.toBe(1);
    await saveScreenshot(demo.page, '10-revoked-token');
  });

  it('explains a session revoked while signed in, at the next authorize', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo, { user: 'readonly' });
    // Wait for the authorized view: the callback authorizes after the navigation settles.
    await demo.page.getByTestId('scopes').locator('li').nth(1).waitFor();
    await expect(demo.page.getByTestId('scopes').locator('li').allTextContents()).resolves.toEqual([
      'read',
      'trading_information',
    ]);
    const account = await demo.page.getByTestId('account').getAttribute('data-loginid');
    expect(account).toMatch(/^[A-Z]+\d+$/);
    stack.mock.revokeUser('readonly');
    await demo.page.reload();
    const alert = demo.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('InvalidToken');
    await demo.page.getByRole('button', { name: 'Log in with Deriv' }).waitFor();
  });

  it('refuses tokens issued for another app id', async () => {
    const demo = await stack.open();
    await demo.page.getByRole('button', { name: 'Log in with Deriv' }).click();
    await demo.page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    const state = new URL(demo.page.url()).searchParams.get('state') ?? undefined;
    // The user comes back with tokens another app obtained (same redirect URL, valid state).
    const { redirectUrl } = await stack.mock.login({
      appId: OTHER_APP_ID,
      user: 'john',
      ...(state === undefined ? {} : { state }),
    });
    await demo.page.goto(redirectUrl);
    const alert = demo.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('InvalidToken');
    await expect(alert.textContent()).resolves.toContain('another app');
    expect(new URL(demo.page.url()).search).toBe('');
    await saveScreenshot(demo.page, '11-token-for-another-app');
  });
});
