import { expect } from 'vitest';
import { historyUrls, type DemoPage } from './browser.js';

/** What a New API page leaked or not: every secret the network carried, and where to look. */
export interface NewApiRecording {
  /** Token endpoint request bodies (code, code_verifier, refresh_token) and replies. */
  readonly tokenExchanges: { request: string; response: Promise<string> }[];
  /** Every console line, of every level. */
  readonly consoleLines: string[];
  /** Every WebSocket URL the page opened (one-time URLs included). */
  readonly socketUrls: string[];
}

/**
 * Records what the secrets check needs on `demo`: token endpoint traffic, console lines, sockets.
 * Call right after opening the page.
 */
export function recordNewApi(demo: DemoPage): NewApiRecording {
  const recording: NewApiRecording = { tokenExchanges: [], consoleLines: [], socketUrls: [] };
  demo.context.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/oauth2/token' || request.method() !== 'POST') return;
    recording.tokenExchanges.push({
      request: request.postData() ?? '',
      response: request
        .response()
        .then((response) => response?.text() ?? '')
        .catch(() => ''),
    });
  });
  demo.page.on('console', (message) => recording.consoleLines.push(message.text()));
  demo.page.on('websocket', (socket) => recording.socketUrls.push(socket.url()));
  return recording;
}

/** The access tokens, refresh tokens and PKCE verifiers that crossed the network. */
export async function secretsOf(recording: NewApiRecording): Promise<string[]> {
  const secrets = new Set<string>();
  for (const exchange of recording.tokenExchanges) {
    const sent = new URLSearchParams(exchange.request);
    for (const key of ['code_verifier', 'refresh_token']) {
      const value = sent.get(key);
      if (value) secrets.add(value);
    }
    const text = await exchange.response;
    if (text.startsWith('{')) {
      const reply = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token'])
        if (typeof reply[key] === 'string') secrets.add(reply[key]);
    }
  }
  return [...secrets];
}

/** Switches the landing page to the New API flow (the page reloads with a New API session). */
export async function chooseNewApi(demo: DemoPage): Promise<void> {
  await demo.page.getByRole('radio', { name: /New API/ }).check();
  await demo.page.locator('[data-testid="flow-choice"][data-flow="newApi"]').waitFor();
}

/**
 * Logs in through the mock's New API consent page as `user`, like a person would. Resolves once
 * the browser is back on the demo.
 */
export async function loginWithNewApi(demo: DemoPage, user = 'john'): Promise<void> {
  const { page } = demo;
  await page.getByRole('button', { name: 'Log in with Deriv' }).click();
  await page.waitForURL((url) => url.pathname === '/oauth2/auth');
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await page.getByRole('button', { name: 'Authorize', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/redirect' || url.pathname === '/');
}

/**
 * No access token, refresh token or PKCE verifier in any URL the page requested or opened, any
 * history entry, any `Referer` sent, or any console line. The authorization code itself must be
 * gone from the history too (it is in the one redirect request by design).
 */
export async function expectNoSecretsLeaked(
  demo: DemoPage,
  recording: NewApiRecording,
): Promise<void> {
  const secrets = await secretsOf(recording);
  // The login must have produced something to look for, or the check proves nothing.
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  const codes = recording.tokenExchanges.flatMap(
    (exchange) => new URLSearchParams(exchange.request).get('code') ?? [],
  );
  const referers = await Promise.all(
    demo.requests.map(async (request) => (await request.headers)['referer'] ?? ''),
  );
  const history = await historyUrls(demo);
  const places: [string, string[]][] = [
    ['request URL', demo.requests.map((request) => request.url)],
    ['socket URL', recording.socketUrls],
    ['history entry', history],
    ['Referer header', referers],
    ['console line', recording.consoleLines],
  ];
  // The messages name the place, never the text: a failure must not print the secret it found.
  for (const [where, texts] of places)
    for (const [index, text] of texts.entries())
      for (const secret of secrets)
        expect(text.includes(secret), `${where} #${String(index)} holds a secret`).toBe(false);
  for (const code of codes)
    for (const [index, url] of history.entries())
      expect(url.includes(code), `history entry #${String(index)} holds the code`).toBe(false);
}

/** Browser noise a New API test expects: the refused REST or token calls it provokes. */
export const EXPECTED_REFUSALS = [
  /Failed to load resource: the server responded with a status of 40[01]/,
  /WebSocket connection to .* failed/,
];
