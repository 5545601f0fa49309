import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { closePages, launchChromium, openDemo, type DemoPage } from './browser.js';
import { E2E_CLIENT_ID } from './newApiClient.js';

/** A second app registered with the same redirect: its tokens must be refused by the demo. */
export const OTHER_APP_ID = 9876;

/** What a test file works with: the mock server, the browser, the demo's URL. */
export interface DemoStack {
  readonly demoUrl: string;
  readonly appId: number;
  readonly mock: MockServer;
  readonly browser: Browser;
  /** A fresh context on the demo's start page; closed after the test. */
  open(path?: string): Promise<DemoPage>;
}

/**
 * Registers hooks that start the mock server (on the port the demo build is bound to) and
 * Chromium for this file, and close both afterwards. Every page opened is closed after its test,
 * and must not have logged a console error (a CSP violation, an exception).
 *
 * @returns The stack; read its fields inside tests and hooks only.
 */
export function useDemoStack(): DemoStack {
  const demoUrl = inject('demoUrl');
  const appId = inject('appId');
  let mock: MockServer | undefined;
  let browser: Browser | undefined;
  let pages: DemoPage[] = [];

  beforeAll(async () => {
    const redirectUri = `${demoUrl}/redirect`;
    mock = await startMockServer({
      port: inject('mockPort'),
      apps: [
        { appId, redirectUri, name: 'Deriv login demo (e2e)' },
        { appId: OTHER_APP_ID, redirectUri, name: 'Some other app' },
      ],
      newApi: { clients: [{ clientId: E2E_CLIENT_ID, redirectUris: [redirectUri] }] },
    });
    browser = await launchChromium();
  });

  afterEach(async () => {
    const opened = pages;
    pages = [];
    await closePages(opened);
    mock?.clearFaults();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside tests)`);
    return value;
  };

  return {
    demoUrl,
    appId,
    get mock() {
      return required(mock, 'The mock server');
    },
    get browser() {
      return required(browser, 'Chromium');
    },
    async open(path = '/') {
      const demo = await openDemo(required(browser, 'Chromium'), new URL(path, demoUrl).href);
      pages.push(demo);
      return demo;
    },
  };
}

/** A decision on the mock's login page. */
export interface LoginThroughPageOptions {
  /** Fixture user to pick (default `john`). */
  readonly user?: string;
  /** Button to press (default `Authorize`). */
  readonly decision?: 'Authorize' | 'Deny';
}

/**
 * Clicks "Log in with Deriv", picks a user on the mock's OAuth page and presses a button, like a
 * person would. Resolves once the browser is back on the demo.
 *
 * @param demo - A page on the demo's landing screen.
 * @param options - User and decision.
 */
export async function loginThroughOAuthPage(
  demo: DemoPage,
  options: LoginThroughPageOptions = {},
): Promise<void> {
  const { page } = demo;
  await page.getByRole('button', { name: 'Log in with Deriv' }).click();
  await page.waitForURL((url) => url.pathname === '/oauth2/authorize');
  await page.locator(`input[name="user"][value="${options.user ?? 'john'}"]`).check();
  await page.getByRole('button', { name: options.decision ?? 'Authorize', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/redirect' || url.pathname === '/');
}

/**
 * The tokens the mock handed to the browser, read from the one request that had to carry them:
 * the navigation to `/redirect`.
 *
 * @param demo - The recording page.
 * @returns Every `tokenN` value of the latest callback navigation.
 */
export function tokensFromCallback(demo: DemoPage): string[] {
  const callback = demo.requests
    .filter((request) => request.isNavigation && new URL(request.url).pathname === '/redirect')
    .at(-1);
  if (callback === undefined) throw new Error('No callback navigation was recorded');
  const tokens = [...new URL(callback.url).searchParams]
    .filter(([key]) => /^token\d+$/.test(key))
    .map(([, value]) => value);
  expect(tokens.length).toBeGreaterThan(0);
  return tokens;
}

/**
 * Waits for the account view of `loginid`.
 *
 * @param demo - The page.
 * @param loginid - The account that must be authorized.
 */
export async function expectAuthorized(demo: DemoPage, loginid: string): Promise<void> {
  await demo.page.locator(`[data-testid="account"][data-loginid="${loginid}"]`).waitFor();
  await demo.page.locator('[data-testid="connection"][data-status="open"]').waitFor();
}
