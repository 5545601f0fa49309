// Builds the page with esbuild, serves it, starts the mock server with app 1089 redirecting to
// this page, and drives headless Chromium through the login: the login button, the mock's
// consent page, the redirect back, the signed-in page, a reload, logout, and a denied login.
// Prints `ok - ...` / `not ok - ...` lines and exits 1 on a failure.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startMockServer } from '@deriv-auth/mock-server';

let failures = 0;
function check(condition, name, detail = '') {
  if (!condition) failures += 1;
  console.log(
    `${condition ? 'ok' : 'not ok'} - ${name}${condition || !detail ? '' : ` (${detail})`}`,
  );
}

await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'esm',
  outfile: 'dist/main.js',
  logLevel: 'warning',
});
const script = await readFile('dist/main.js');
const template = await readFile('index.html', 'utf8');
let page = template;

// The page's own server: every path is the page (the redirect lands on `/?acct1=...`).
const http = createServer((request, response) => {
  const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
  if (request.url === '/main.js')
    response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script);
  else response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(page);
});
http.listen(0, '127.0.0.1');
await once(http, 'listening');
const origin = `http://127.0.0.1:${http.address().port}`;

const mock = await startMockServer({ apps: [{ appId: 1089, redirectUri: `${origin}/` }] });
page = template.replace('%OAUTH_URL%', mock.oauthUrl).replace('%ENDPOINT%', mock.wsUrl);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
const statusIs = (tab, pattern) =>
  tab.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('#status')?.textContent ?? ''),
    pattern.source,
    { timeout: 20_000 },
  );

try {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

  await tab.goto(`${origin}/`);
  check((await tab.textContent('#status')) === 'Signed out', 'the page starts signed out');
  await tab.click('#login');
  await tab.waitForURL((url) => url.origin === new URL(mock.oauthUrl).origin);
  check(true, "the login button opens the mock's login page");
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await statusIs(tab, /^Signed in as /);
  const status = await tab.textContent('#status');
  console.log(`  ${status}`);
  check(
    /^Signed in as VRTC1859315 \(10000 USD\)$/.test(status ?? ''),
    'the page shows the authorized demo account',
  );
  check(
    !/token\d|acct\d/.test(tab.url()),
    'the address bar holds no token after the redirect',
    // The URL is shown with every value cut: it fails exactly when a token is still in it.
    tab.url().replace(/=[^&#]*/g, '=…'),
  );

  await tab.reload();
  await statusIs(tab, /^Signed in as VRTC1859315/);
  check(true, 'a reload resumes the session from sessionStorage');

  await tab.click('#logout');
  await statusIs(tab, /^Signed out/);
  check(true, 'logout signs out');
  check(problems.length === 0, 'no console errors or uncaught exceptions', problems.join(' | '));
  await context.close();

  const denied = await browser.newContext();
  const deniedTab = await denied.newPage();
  await deniedTab.goto(`${origin}/`);
  await deniedTab.click('#login');
  await deniedTab.getByRole('button', { name: 'Deny' }).click();
  await statusIs(deniedTab, /^Login failed/);
  check(
    (await deniedTab.textContent('#status')) === 'Login failed: provider_error',
    'a denied login shows provider_error',
  );
  await denied.close();
} catch (error) {
  check(false, 'the browser run finished', error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  await mock.close();
  http.close();
}
process.exitCode = failures > 0 ? 1 : 0;
