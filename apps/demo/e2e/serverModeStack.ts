import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer, type MockServer, type MockServerOptions } from '@deriv-auth/mock-server';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';
// @ts-expect-error: a plain .mjs script of the demo (no declarations); its shape is checked below.
import * as serverModeScript from '../scripts/serverMode.mjs';
import { closePages, launchChromium, openDemo, type DemoPage } from './browser.js';
import { findFreePort } from './ports.js';

interface ServerModeScript {
  serverModeMockOptions(appUrl: string): NonNullable<MockServerOptions['newApi']>;
  serverModeEnvironment(mock: MockServer, appUrl: string): Record<string, string>;
}
const script = serverModeScript as ServerModeScript;

/** What a server-mode test works with. */
export interface ServerModeStack {
  /** The demo and its auth routes, one origin: `http://127.0.0.1:<port>`. */
  readonly demoUrl: string;
  readonly mock: MockServer;
  readonly browser: Browser;
  open(path?: string): Promise<DemoPage>;
}

/**
 * The demo in server mode, as `start.mjs --flow=server --production` runs it: a production build
 * whose page talks to `/auth` on its own origin, served by `vite preview` with
 * `@deriv-auth/server` mounted there (src/serverModePlugin.ts), against the mock's New API. Built
 * here rather than in globalSetup: the other files test the browser flows on their own build.
 *
 * @returns The stack; read its fields inside tests and hooks only.
 */
export function useServerModeStack(): ServerModeStack {
  let demoUrl = '';
  let mock: MockServer | undefined;
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let outDir: string | undefined;
  let pages: DemoPage[] = [];

  beforeAll(async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const mockPort = await findFreePort();
    const previewPort = await findFreePort();
    demoUrl = `http://127.0.0.1:${previewPort}`;
    mock = await startMockServer({
      port: mockPort,
      newApi: script.serverModeMockOptions(demoUrl),
    });
    const environment: Record<string, string> = {
      ...script.serverModeEnvironment(mock, demoUrl),
      VITE_DERIV_APP_ID: '1089',
      VITE_DERIV_OAUTH_URL: mock.oauthUrl,
      VITE_DERIV_WS_URL: mock.wsUrl,
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      NODE_ENV: 'production',
    };
    const saved = Object.fromEntries(
      Object.keys(environment).map((key) => [key, process.env[key]]),
    );
    Object.assign(process.env, environment);
    try {
      outDir = await mkdtemp(join(tmpdir(), 'deriv-demo-server-mode-'));
      await build({
        root,
        mode: 'production',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
      // vite.config.ts reads the DEMO_AUTH_* variables now, when preview loads it.
      server = await preview({
        root,
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port: previewPort, strictPort: true },
      });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
    }
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
    await server?.close();
    await mock?.close();
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside tests)`);
    return value;
  };

  return {
    get demoUrl() {
      return demoUrl;
    },
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

/** The login as a person does it: the demo's link, the mock's consent page, back on the demo. */
export async function loginThroughServer(demo: DemoPage, user = 'john'): Promise<void> {
  const { page } = demo;
  await page.getByRole('link', { name: 'Log in with Deriv' }).click();
  await page.waitForURL((url) => url.pathname === '/oauth2/auth');
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await page.getByRole('button', { name: 'Authorize', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/' && url.port !== '');
}
