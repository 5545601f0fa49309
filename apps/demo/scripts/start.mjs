#!/usr/bin/env node
// Starts the embedded Deriv mock server and the demo together, prints the URL, and stops both on
// Ctrl-C. `pnpm demo` at the repository root builds the packages first and then runs this.
//
//   node scripts/start.mjs               Vite dev server (hot reload)
//   node scripts/start.mjs --production  `vite build` + `vite preview` (the production headers)
//   node scripts/start.mjs --flow=server server mode: @deriv-auth/server on /auth beside Vite
//                                        (scripts/serverMode.mjs); combines with --production
//   node scripts/start.mjs --flow=new-api  start on Deriv's New API (OAuth 2.0 + PKCE); the login
//                                         screen switches flows either way (VITE_DERIV_FLOW too)
//
// Environment: DEMO_PORT (default 5173), DEMO_MOCK_PORT (default 0 = any free port),
// VITE_DERIV_APP_ID (default 1089). The OAuth and WebSocket URLs are set to the mock server's.
// Both servers load vite.config.ts, so both send the security headers and `Cache-Control: no-store`
// on the callback route /redirect.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@deriv-auth/mock-server';
import { build, createServer, preview } from 'vite';
import { isServerMode, serverModeEnvironment, serverModeMockOptions } from './serverMode.mjs';

const serverMode = isServerMode(process.argv, process.env);

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
const port = Number(process.env.DEMO_PORT ?? (production ? 4173 : 5173));
const mockPort = Number(process.env.DEMO_MOCK_PORT ?? 0);
const appId = Number(process.env.VITE_DERIV_APP_ID ?? 1089);
// Dev listens on `localhost`, preview on 127.0.0.1 (vite.config.ts); the redirect must land on the
// same origin the login started from, or the one-time state stored in sessionStorage is missing.
const host = production ? '127.0.0.1' : 'localhost';
const appUrl = `http://${host}:${port}`;

// New API: an OAuth client registered with the mock for the same redirect page.
const clientId = process.env.VITE_DERIV_CLIENT_ID ?? 'derivLoginDemo';
const flowFlag = process.argv.find((arg) => arg.startsWith('--flow='))?.slice('--flow='.length);

const mock = await startMockServer({
  port: mockPort,
  apps: [{ appId, redirectUri: `${appUrl}/redirect`, name: 'Deriv login demo' }],
  newApi: {
    clients: [
      { clientId, redirectUris: [`${appUrl}/redirect`], name: 'Deriv login demo' },
      ...(serverMode ? serverModeMockOptions(appUrl).clients : []),
    ],
  },
});
if (serverMode) Object.assign(process.env, serverModeEnvironment(mock, appUrl));
process.env.VITE_DERIV_APP_ID = String(appId);
process.env.VITE_DERIV_OAUTH_URL = mock.oauthUrl;
process.env.VITE_DERIV_WS_URL = mock.wsUrl;
process.env.VITE_DERIV_CLIENT_ID = clientId;
process.env.VITE_DERIV_AUTH_URL = mock.newApi.authorizeUrl;
process.env.VITE_DERIV_TOKEN_URL = mock.newApi.tokenUrl;
process.env.VITE_DERIV_REST_URL = mock.newApi.restUrl;
process.env.VITE_DERIV_PUBLIC_WS_URL = mock.newApi.publicWsUrl;
// `--flow=server` is server mode (above), not a browser flow.
if (flowFlag !== undefined && flowFlag !== 'server') process.env.VITE_DERIV_FLOW = flowFlag;

/** @type {{ close(): Promise<void> } | undefined} */
let server;
try {
  if (production) {
    // Bound to this mock server's URLs: kept out of `dist/` (the real-Deriv build).
    const outDir = join(root, 'node_modules', '.cache', 'demo-mock-build');
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const previewServer = await preview({ root, build: { outDir }, preview: { port, host } });
    server = { close: () => previewServer.close() };
  } else {
    const devServer = await createServer({ root, server: { port, host } });
    await devServer.listen();
    server = devServer;
  }
} catch (error) {
  await mock.close();
  throw error;
}

console.log(`
  Deriv login demo (${production ? 'production build' : 'dev server'}${serverMode ? ', server mode: tokens on /auth' : ''}) on the embedded mock server

  Open             ${appUrl}/
  Mock OAuth page  ${mock.oauthUrl}?app_id=${appId}
  Mock WebSocket   ${mock.wsUrl}
  New API          client ${clientId}, ${mock.newApi.authorizeUrl} (flow: ${process.env.VITE_DERIV_FLOW ?? 'legacy'})
  Users            john (real + demo account), multi, nocurrency, readonly, revoked

  Press Ctrl-C to stop both.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo and the mock server...');
  const results = await Promise.allSettled([server?.close(), mock.close()]);
  const failed = results.filter((result) => result.status === 'rejected');
  for (const result of failed) console.error(result.reason);
  process.exit(failed.length === 0 ? 0 : 1);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
