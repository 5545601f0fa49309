import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, type DemoPage, type RecordedRequest } from './browser.js';
import {
  expectAuthorized,
  loginThroughOAuthPage,
  tokensFromCallback,
  useDemoStack,
} from './demoStack.js';

const stack = useDemoStack();

/** Every file under `directory`, recursively (a profile holds a few hundred). */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The profile files holding any of `tokens`, as UTF-8 or UTF-16 (Chromium stores both). */
async function filesHolding(profile: string, tokens: readonly string[]): Promise<string[]> {
  const needles = tokens.flatMap((token) => [
    Buffer.from(token, 'utf8'),
    Buffer.from(token, 'utf16le'),
  ]);
  const holding: string[] = [];
  for (const file of await filesUnder(profile)) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (needles.some((needle) => bytes.includes(needle))) holding.push(relative(profile, file));
  }
  return holding.sort();
}

describe('what the browser keeps after a login', () => {
  it('the callback page is not in the disk cache of a persistent profile', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'deriv-demo-profile-'));
    try {
      // A real, persistent profile (`--user-data-dir`): what a user's browser has.
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: RecordedRequest[] = [];
      context.on('request', (request) => {
        requests.push({
          url: request.url(),
          method: request.method(),
          resourceType: request.resourceType(),
          isNavigation: request.isNavigationRequest(),
          headers: Promise.resolve({}),
        });
      });
      const demo: DemoPage = { context, page, requests, problems: [], tolerated: [] };
      await page.goto(`${stack.demoUrl}/`);
      await loginThroughOAuthPage(demo);
      await expectAuthorized(demo, 'CR799393');
      const tokens = tokensFromCallback(demo);
      // Closing the browser without logging out, as a user closing the window would.
      await context.close();

      const holding = await filesHolding(profile, tokens);
      // Reported, not asserted: what the browser keeps that no response header can change (the
      // History database records the visited callback URL before replaceState runs; README).
      console.info(`Profile files holding the callback's token:\n  ${holding.join('\n  ')}`);
      expect(holding.filter((file) => /cache/i.test(file))).toEqual([]);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('the navigation timing entry still names the callback URL after replaceState', async () => {
    const demo = await stack.open();
    await loginThroughOAuthPage(demo);
    await expectAuthorized(demo, 'CR799393');
    const tokens = tokensFromCallback(demo);
    const seen = await demo.page.evaluate(() => ({
      location: window.location.href,
      navigation: performance.getEntriesByType('navigation')[0]?.name ?? '',
      resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    }));
    // The address bar is clean...
    for (const token of tokens) expect(seen.location).not.toContain(token);
    // ...but the navigation entry keeps the URL the document was loaded from, tokens included,
    // and no API clears it (performance.clearResourceTimings() only clears `resource` entries,
    // which name the page's own subresources, never the callback URL). Documented in the READMEs.
    expect(new URL(seen.navigation).pathname).toBe('/redirect');
    for (const token of tokens) expect(seen.navigation).toContain(token);
    for (const token of tokens) expect(seen.resources.join(' ')).not.toContain(token);
  });
});

describe('source maps', () => {
  it('the production build ships none: no sourceMappingURL, no /assets/*.js.map', async () => {
    const html = await (await fetch(`${stack.demoUrl}/`)).text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const bundle = await (await fetch(`${stack.demoUrl}${script ?? ''}`)).text();
      expect(/sourceMappingURL/.test(bundle), `${script ?? ''} names a source map`).toBe(false);
      const map = await fetch(`${stack.demoUrl}${script ?? ''}.map`);
      const body = await map.text();
      // Either a 404 or the SPA's HTML fallback: never a source map.
      expect(map.status === 404 || !body.includes('"mappings"')).toBe(true);
    }
  });
});
