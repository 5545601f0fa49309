/**
 * A local Deriv-compatible OAuth and WebSocket server for demos and tests.
 * @packageDocumentation
 */
export { startMockServer } from './startMockServer.js';
export {
  ALL_SCOPES,
  DEFAULT_APP_ID,
  DEFAULT_CLIENT_ID,
  DEFAULT_REDIRECT_URI,
  NEW_API_SCOPES,
  defaultApps,
  defaultClients,
  defaultUsers,
} from './fixtures.js';
export type {
  MockIssueTokensOptions,
  MockNewApi,
  MockNewApiLoginOptions,
  MockNewApiLoginResult,
  MockNewApiOptions,
  MockNewApiScope,
  MockOAuthClient,
  MockRefreshMode,
  MockTokenResponse,
} from './newApiTypes.js';
export type {
  MockAccount,
  MockApp,
  MockConnectionInfo,
  MockFault,
  MockFaultOptions,
  MockLoginAccount,
  MockLoginOptions,
  MockLoginResult,
  MockOAuthOptions,
  MockRateLimit,
  MockReceivedMessage,
  MockScope,
  MockServer,
  MockServerOptions,
  MockUser,
} from './types.js';
