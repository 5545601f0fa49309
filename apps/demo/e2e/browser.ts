import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); override with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Where screenshots go: kept by CI as artifacts. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary `--user-data-dir`
 * (it refuses one in `args`), and every {@link openDemo} a fresh incognito-like context.
 *
 * @returns The browser; close it in `afterAll`.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** One request the page made, with the headers Chromium actually sent. */
export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly resourceType: string;
  readonly isNavigation: boolean;
  readonly headers: Promise<Record<string, string>>;
}

/** A fresh browser context on the demo, recording what happens in it. */
export interface DemoPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request of every page of the context, in order. */
  readonly requests: RecordedRequest[];
  /** Console errors and uncaught exceptions (CSP violations show up here). */
  readonly problems: string[];
  /** Problems a test expects (a refused WebSocket while the server is down): not reported. */
  readonly tolerated: RegExp[];
}

/**
 * Opens a new context and page on the demo and records its requests and problems.
 *
 * @param browser - From {@link launchChromium}.
 * @param url - The page to open.
 * @returns The recording page.
 */
export async function openDemo(browser: Browser, url: string): Promise<DemoPage> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 860 },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      isNavigation: request.isNavigationRequest(),
      // Headers as sent (Referer included); a request cut short by a navigation may have none.
      headers: request.allHeaders().catch(() => request.headers()),
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { context, page, requests, problems, tolerated: [] };
}

/**
 * Every URL in the tab's session history (back and forward entries too), read over CDP.
 *
 * @param demo - The recording page.
 * @returns The history URLs.
 */
export async function historyUrls(demo: DemoPage): Promise<string[]> {
  const cdp = await demo.context.newCDPSession(demo.page);
  try {
    const { entries } = await cdp.send('Page.getNavigationHistory');
    return entries.map((entry) => entry.url);
  } finally {
    await cdp.detach();
  }
}

/**
 * Saves a full-page screenshot as `test-results/<name>.png`.
 *
 * @param page - The page.
 * @param name - File name without extension.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({
    path: `${ARTIFACTS_DIR}${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });
}

/**
 * Closes each page's browser context and fails the test when a page logged a console error or
 * threw, unless the test said that problem was expected (`tolerated`).
 */
export async function closePages(opened: readonly DemoPage[]): Promise<void> {
  for (const demo of opened) {
    await demo.context.close();
    const problems = demo.problems.filter(
      (problem) => !demo.tolerated.some((pattern) => pattern.test(problem)),
    );
    expect(problems, 'console errors or exceptions in the page').toEqual([]);
  }
}
