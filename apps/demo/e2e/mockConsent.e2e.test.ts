/**
 * The mock server's consent page in a real browser: a page on another origin cannot approve a
 * login for the user (a form it auto-submits is refused, even with a form token it fetched
 * itself), `GET ...&auto=1` approves only when the server was started with `autoApprove`.
 * Independent of the demo build: each test starts its own mock server and a second origin.
 */
import { createServer, type Server } from 'node:http';
import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';

const APP_ID = 4242;

/** Another origin: serves one page (set per test) and records hits on `/callback`. */
interface OtherSite {
  readonly origin: string;
  page: string;
  readonly callbacks: string[];
  close(): Promise<void>;
}

function startOtherSite(): Promise<OtherSite> {
  const site: { page: string; callbacks: string[] } = { page: '', callbacks: [] };
  const server: Server = createServer((request, response) => {
    if (request.url?.startsWith('/callback') === true) {
      site.callbacks.push(request.url);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('callback');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(site.page);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve(
        Object.assign(site, {
          origin: `http://127.0.0.1:${port}`,
          close: () =>
            new Promise<void>((done) =>
              server.close(() => {
                done();
              }),
            ),
        }),
      );
    });
  });
}

/** A hidden form that posts `fields` to `action` as soon as the page loads. */
function autoSubmittingPage(action: string, fields: URLSearchParams): string {
  const inputs = [...fields]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  return `<!doctype html><html><body><form method="post" action="${action}">${inputs}</form>
<script>document.forms[0].submit()</script></body></html>`;
}

let browser: Browser;
let site: OtherSite;
let mock: MockServer | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startOtherSite();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await mock?.close();
  mock = undefined;
  site.callbacks.length = 0;
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

async function startMock(autoApprove: boolean): Promise<MockServer> {
  mock = await startMockServer({
    apps: [{ appId: APP_ID, redirectUri: `${site.origin}/callback`, name: 'Consent test' }],
    oauth: { autoApprove },
  });
  return mock;
}

async function newPage(): ReturnType<BrowserContext['newPage']> {
  context = await browser.newContext();
  return context.newPage();
}

describe("the mock's consent page in Chromium", () => {
  it('refuses a form another origin auto-submits, even with a valid form token', async () => {
    const server = await startMock(true);
    // The attacker's server reads a fresh form token off the login page, as anyone could.
    const loginPage = await (await fetch(`${server.oauthUrl}?app_id=${APP_ID}`)).text();
    const consent = /name="consent" value="([^"]+)"/.exec(loginPage)?.[1] ?? '';
    expect(consent).not.toBe('');
    site.page = autoSubmittingPage(
      server.oauthUrl,
      new URLSearchParams({ app_id: String(APP_ID), user: 'john', decision: 'authorize', consent }),
    );
    const page = await newPage();
    const posted = page.waitForResponse(
      (response) =>
        response.url().startsWith(server.oauthUrl) && response.request().method() === 'POST',
    );
    await page.goto(`${site.origin}/attack`);
    const response = await posted;
    expect(response.status()).toBe(403);
    expect(response.headers()['location']).toBeUndefined();
    expect(await page.getByRole('alert').textContent()).toContain(
      'only be submitted from the login page',
    );
    expect(site.callbacks).toEqual([]);
  });

  it('refuses GET ...&auto=1 without the autoApprove option', async () => {
    const server = await startMock(false);
    const page = await newPage();
    const response = await page.goto(`${server.oauthUrl}?app_id=${APP_ID}&user=john&auto=1`);
    expect(response?.status()).toBe(403);
    expect(new URL(page.url()).origin).toBe(server.httpUrl);
    expect(site.callbacks).toEqual([]);
  });

  it('approves GET ...&auto=1 with the autoApprove option', async () => {
    const server = await startMock(true);
    const page = await newPage();
    await page.goto(`${server.oauthUrl}?app_id=${APP_ID}&user=john&auto=1&state=s1`);
    await page.waitForURL((url) => url.pathname === '/callback');
    const callback = new URL(page.url());
    expect(callback.origin).toBe(site.origin);
    expect(callback.searchParams.get('acct1')).toBe('CR799393');
    expect(callback.searchParams.get('token1')).toMatch(/^a1-/);
    expect(callback.searchParams.get('state')).toBe('s1');
  });

  it('still accepts its own form, pressed by the user', async () => {
    const server = await startMock(false);
    const page = await newPage();
    await page.goto(`${server.oauthUrl}?app_id=${APP_ID}&state=s2`);
    await page.locator('input[name="user"][value="multi"]').check();
    await page.getByRole('button', { name: 'Authorize', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    expect(new URL(page.url()).searchParams.get('acct1')).toBe('CR900010');
  });
});
