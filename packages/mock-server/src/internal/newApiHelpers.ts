/**
 * `server.newApi`: the New API's URLs and the test helpers that skip the browser (`login`, as if
 * the user pressed Authorize) and the code exchange (`issueTokens`).
 */
import { DEFAULT_CLIENT_ID, NEW_API_SCOPES } from '../fixtures.js';
import type {
  MockIssueTokensOptions,
  MockNewApi,
  MockNewApiLoginOptions,
  MockNewApiLoginResult,
  MockOAuthClient,
} from '../newApiTypes.js';
import type { NewApiContext } from './newApiContext.js';
import { AUTHORIZE_PATH } from './newApiOAuth.js';
import { TOKEN_PATH } from './newApiTokenEndpoint.js';
import { PUBLIC_SOCKET_PATH } from './otpSockets.js';
import { createPkcePair, isS256Challenge } from './pkce.js';

function clientOf(context: NewApiContext, clientId: string | undefined): MockOAuthClient {
  const id = clientId ?? DEFAULT_CLIENT_ID;
  const client = context.config.clients.get(id);
  if (client === undefined)
    throw new Error(
      `No OAuth client "${id}" is registered; pass it in startMockServer({ newApi: { clients } }).`,
    );
  return client;
}

function userOf(context: NewApiContext, user: string | undefined): string {
  const id = user ?? context.state.users.keys().next().value ?? '';
  if (!context.state.users.has(id)) throw new Error(`Unknown mock user "${id}".`);
  return id;
}

/** Builds `server.newApi` for a server reachable at `httpUrl`. */
export function createNewApiHandle(context: NewApiContext, httpUrl: string): MockNewApi {
  return {
    authorizeUrl: `${httpUrl}${AUTHORIZE_PATH}`,
    tokenUrl: `${httpUrl}${TOKEN_PATH}`,
    restUrl: httpUrl,
    publicWsUrl: `${httpUrl.replace(/^http/u, 'ws')}${PUBLIC_SOCKET_PATH}`,
    login(options: MockNewApiLoginOptions = {}): MockNewApiLoginResult {
      const client = clientOf(context, options.clientId);
      const redirectUri = options.redirectUri ?? client.redirectUris[0] ?? '';
      if (!client.redirectUris.includes(redirectUri))
        throw new Error(`Client ${client.clientId} did not register that redirect URI.`);
      const userId = userOf(context, options.user);
      if (options.codeChallenge !== undefined && !isS256Challenge(options.codeChallenge))
        throw new Error('codeChallenge must be an S256 challenge (43 base64url characters).');
      const pair = options.codeChallenge === undefined ? createPkcePair() : undefined;
      const code = context.tokens.issueCode(
        { clientId: client.clientId, userId, scopes: options.scopes ?? NEW_API_SCOPES },
        redirectUri,
        options.codeChallenge ?? pair?.challenge ?? '',
      );
      const url = new URL(redirectUri);
      url.searchParams.append('code', code);
      if (options.state !== undefined) url.searchParams.append('state', options.state);
      return {
        redirectUrl: url.toString(),
        code,
        ...(pair === undefined ? {} : { codeVerifier: pair.verifier }),
      };
    },
    issueTokens(options: MockIssueTokensOptions = {}) {
      const client = clientOf(context, options.clientId);
      const userId = userOf(context, options.user);
      return context.tokens.issueTokens(
        { clientId: client.clientId, userId, scopes: options.scopes ?? NEW_API_SCOPES },
        true,
      );
    },
  };
}
