// Server mode of `scripts/start.mjs` (`--flow=server`, or DEMO_FLOW=server): the demo's own
// server hosts @deriv-auth/server's routes on /auth beside Vite (src/serverModePlugin.ts), against
// the mock server's New API, with an OAuth client registered for that server's callback.
import { randomBytes } from 'node:crypto';

/** The client id the demo's server signs in with at the mock. */
export const SERVER_MODE_CLIENT_ID = 'derivAuthDemoServer';
export const SERVER_MODE_PREFIX = '/auth';

/** @param {string[]} argv @param {NodeJS.ProcessEnv} env */
export function isServerMode(argv, env) {
  return argv.includes('--flow=server') || env.DEMO_FLOW === 'server';
}

/** The mock's New API options: the demo server's client, redirecting to `${appUrl}/auth/callback`. */
export function serverModeMockOptions(/** @type {string} */ appUrl) {
  return {
    clients: [
      {
        clientId: SERVER_MODE_CLIENT_ID,
        redirectUris: [`${appUrl}${SERVER_MODE_PREFIX}/callback`],
        name: 'Deriv login demo (server mode)',
      },
    ],
  };
}

/**
 * The environment read by the page (`VITE_*`) and by the plugin (`DEMO_AUTH_*`).
 * @param {{ newApi: { authorizeUrl: string, tokenUrl: string, restUrl: string, publicWsUrl: string } }} mock
 * @param {string} appUrl
 */
export function serverModeEnvironment(mock, appUrl) {
  return {
    VITE_DERIV_AUTH_SERVER: SERVER_MODE_PREFIX,
    VITE_DERIV_PUBLIC_WS_URL: mock.newApi.publicWsUrl,
    DEMO_AUTH_CLIENT_ID: SERVER_MODE_CLIENT_ID,
    DEMO_AUTH_APP_ORIGIN: appUrl,
    // A fresh secret per run: sessions do not outlive the demo process.
    DEMO_AUTH_SECRET: randomBytes(32).toString('base64url'),
    DEMO_AUTH_AUTHORIZATION_URL: mock.newApi.authorizeUrl,
    DEMO_AUTH_TOKEN_URL: mock.newApi.tokenUrl,
    DEMO_AUTH_REST_URL: mock.newApi.restUrl,
  };
}
