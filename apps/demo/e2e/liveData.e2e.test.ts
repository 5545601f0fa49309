import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { expectAuthorized, loginThroughOAuthPage, useDemoStack } from './demoStack.js';

const stack = useDemoStack();

/** Waits until the tick card shows a quote other than `previous` (a tick a second by default). */
async function nextQuote(page: Page, previous: string | null): Promise<string | null> {
  const quote = page.getByTestId('live-tick-quote');
  await page.waitForFunction(
    ([text]) => {
      const shown = document.querySelector('[data-testid="live-tick-quote"]')?.textContent;
      return shown !== undefined && shown !== text && shown !== '…';
    },
    [previous],
    { timeout: 15_000 },
  );
  return quote.textContent();
}

/** Live subscriptions the mock server holds, over every connection. */
const serverSubscriptions = (): number =>
  stack.mock.connections().reduce((sum, connection) => sum + connection.subscriptions, 0);

describe('live data on the account screen', () => {
  it('shows a moving tick price and the live balance, and both come back after a reconnect', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const { page } = demo;

    await page.locator('[data-testid="live-tick"][data-status="live"]').waitFor();
    const first = await nextQuote(page, null);
    expect(first).toMatch(/^\d+\.\d{2}$/);
    await nextQuote(page, first);
    const amount = page.getByTestId('live-balance-amount');
    await page.locator('[data-testid="live-balance"][data-status="live"]').waitFor();
    await expect(amount.getAttribute('data-loginid')).resolves.toBe('CR799393');
    await expect(amount.textContent()).resolves.toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(serverSubscriptions()).toBe(2);
    await saveScreenshot(page, '20-live-data');

    // Server away: both cards mark their value as stale instead of going silent.
    demo.tolerated.push(/WebSocket connection to .* failed/);
    stack.mock.inject({ type: 'refuseHandshake', status: 503 });
    await stack.mock.restart();
    await page.locator('[data-testid="live-tick"][data-gap="true"]').waitFor();
    await page.locator('[data-testid="live-balance"][data-gap="true"]').waitFor();
    const stale = await page.getByTestId('live-tick-quote').textContent();
    expect(stale).toMatch(/^\d+\.\d{2}$/); // the last price stays on screen, dimmed
    await saveScreenshot(page, '21-live-data-gap');

    // Back: re-authorized, re-subscribed once each, fresh values again.
    stack.mock.clearFaults();
    await expectAuthorized(demo, 'CR799393');
    await page.locator('[data-testid="live-tick"][data-gap="false"]').waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid="live-balance"][data-gap="false"]')
      .waitFor({ timeout: 15_000 });
    await nextQuote(page, await page.getByTestId('live-tick-quote').textContent());
    expect(serverSubscriptions()).toBe(2);
  });

  it('follows a switch to the demo account, and a buy moves the balance', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const { page } = demo;
    await page.getByRole('button', { name: 'Switch to VRTC1859315' }).click();
    await expectAuthorized(demo, 'VRTC1859315');
    const amount = page.locator('[data-testid="live-balance-amount"][data-loginid="VRTC1859315"]');
    await amount.waitFor();
    const before = await amount.textContent();

    await page.getByRole('button', { name: /Buy a 10 rise contract/ }).click();
    await page.waitForFunction(
      ([text]) =>
        document.querySelector('[data-testid="live-balance-amount"]')?.textContent !== text,
      [before],
      { timeout: 15_000 },
    );
    const toNumber = (text: string | null): number => Number(text?.replace(/[^\d.]/g, ''));
    expect(toNumber(await amount.textContent())).toBe(toNumber(before) - 10);
    // The real account's balance stream was forgotten; the tick stream went on through the switch.
    expect(serverSubscriptions()).toBe(2);
    await saveScreenshot(page, '22-live-balance-after-buy');
  });
});
