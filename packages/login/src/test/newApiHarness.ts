import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import {
  createDerivSession,
  createMemoryStorage,
  type DerivSession,
  type TokenStorage,
} from '@deriv-auth/ws-client';
import { createNewApiLogin, type NewApiLogin, type NewApiLoginOptions } from '../newApiLogin.js';
import type { FakeBrowser } from './fakeBrowser.js';
import { NodeWebSocket } from './harness.js';

/** The OAuth client the tests register with the mock's New API, and its redirect URI. */
export const TEST_CLIENT_ID = 'loginTests1';
export const TEST_REDIRECT_URI = 'http://localhost:5173/callback';

/** A mock server with the test client registered and the non-interactive consent opt-in. */
export function startNewApiServer(): Promise<MockServer> {
  return startMockServer({
    port: 0,
    oauth: { autoApprove: true },
    newApi: { clients: [{ clientId: TEST_CLIENT_ID, redirectUris: [TEST_REDIRECT_URI] }] },
  });
}

/** A New API login against `server`, in `browser`. */
export function createTestLogin(
  server: MockServer,
  browser: FakeBrowser,
  options: Partial<NewApiLoginOptions> = {},
): NewApiLogin {
  return createNewApiLogin({
    clientId: TEST_CLIENT_ID,
    redirectUri: TEST_REDIRECT_URI,
    authorizationUrl: server.newApi.authorizeUrl,
    tokenUrl: server.newApi.tokenUrl,
    environment: browser.environment,
    ...options,
  });
}

/** A session created as an app would for the New API: the login's tokens, the mock's REST. */
export function createNewApiSession(
  server: MockServer,
  login: NewApiLogin,
  storage: TokenStorage = createMemoryStorage(),
): DerivSession {
  return createDerivSession({
    client: {
      appId: 1089,
      endpoint: server.newApi.publicWsUrl,
      WebSocket: NodeWebSocket,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    },
    storage,
    newApi: { tokens: login.tokens, restUrl: server.newApi.restUrl },
  });
}
