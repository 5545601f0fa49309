import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { useDemoStack } from './demoStack.js';
import { findFreePort } from './ports.js';

const stack = useDemoStack();

const expectSecurityHeaders = (headers: Headers, mockOrigin: string): string => {
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  const policy = headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain(`connect-src 'self' ${mockOrigin}`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("form-action 'none'");
  return policy;
};

describe('the callback page is locked down', () => {
  it('production build (vite preview): headers, meta tags, nothing third-party', async () => {
    const response = await fetch(
      `${stack.demoUrl}/redirect?acct1=CR1&token1=a1-x&cur1=usd&state=s`,
    );
    expect(response.status).toBe(200);
    // `no-cache` would still let the browser store the page under its token-bearing URL.
    expect(response.headers.get('cache-control')).toBe('no-store');
    const policy = expectSecurityHeaders(
      response.headers,
      new URL(stack.mock.httpUrl).origin.replace('http:', 'ws:'),
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const html = await response.text();
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    // Every script and stylesheet is the app's own file.
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThan(1);
    expect(sources.filter((source) => !source.startsWith('/'))).toEqual([]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // And it is the production bundle: React's production build, no development JSX runtime.
    const script = sources.find((source) => source.endsWith('.js')) ?? '';
    const bundle = await (await fetch(`${stack.demoUrl}${script}`)).text();
    expect(bundle).not.toContain('jsxDEV');
    expect(bundle.length).toBeLessThan(400_000);
  });
});

describe('the dev server', () => {
  let server: ViteDevServer | undefined;
  let devUrl = '';

  beforeAll(async () => {
    const port = await findFreePort();
    devUrl = `http://127.0.0.1:${port}`;
    process.env['VITE_DERIV_APP_ID'] = String(stack.appId);
    process.env['VITE_DERIV_OAUTH_URL'] = stack.mock.oauthUrl;
    process.env['VITE_DERIV_WS_URL'] = stack.mock.wsUrl;
    server = await createServer({
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port, strictPort: true },
    });
    await server.listen();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serves the same headers, and runs under its policy without violations', async () => {
    const response = await fetch(`${devUrl}/redirect?acct1=CR1&token1=a1-x&cur1=usd&state=s`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const policy = expectSecurityHeaders(
      response.headers,
      new URL(stack.mock.httpUrl).origin.replace('http:', 'ws:'),
    );
    expect(policy).toMatch(/script-src 'self' 'sha256-[\w+/=]+';/);
    // React Refresh's inline preamble runs (its hash is allowed), HMR connects: a violation or an
    // exception would be a console error, which fails the test (see useDemoStack).
    const demo = await stack.open(`${devUrl}/`);
    await demo.page.getByRole('button', { name: 'Log in with Deriv' }).waitFor();
    await expect(
      demo.page.evaluate(() => typeof (window as { $RefreshReg$?: unknown }).$RefreshReg$),
    ).resolves.toBe('function');
    await saveScreenshot(demo.page, '14-dev-server-landing');
  });
});
