/**
 * The New API side of the server, beside the legacy one on the same port: its shared context and
 * the HTTP routes (`/oauth2/auth`, `/oauth2/token`, `/trading/v1/options/...`) the legacy router
 * hands over after its request-target and `Host` checks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockNewApiOptions } from '../newApiTypes.js';
import type { ConsentGuard } from './consentGuard.js';
import type { FaultRegistry } from './faultRegistry.js';
import type { MockState } from './mockState.js';
import { NewApiAccounts } from './newApiAccounts.js';
import { resolveNewApiConfig } from './newApiConfig.js';
import type { NewApiContext } from './newApiContext.js';
import { AUTHORIZE_PATH, handleAuthorizeRequest } from './newApiOAuth.js';
import { handleRestRequest, REST_PREFIX } from './newApiRest.js';
import { handleTokenRequest, TOKEN_PATH } from './newApiTokenEndpoint.js';
import { NewApiTokens } from './newApiTokens.js';

/**
 * The New API's state and configuration.
 *
 * @throws {RangeError} for options out of range (see `resolveNewApiConfig`) or clashing account ids
 */
export function createNewApiContext(
  state: MockState,
  guard: ConsentGuard,
  faults: FaultRegistry,
  options: MockNewApiOptions | undefined,
): NewApiContext {
  const config = resolveNewApiConfig(options);
  return {
    state,
    config,
    guard,
    faults,
    tokens: new NewApiTokens(
      config,
      new Set(
        [...state.users.values()]
          .filter((user) => user.tokensRevoked === true)
          .map((user) => user.id),
      ),
    ),
    accounts: new NewApiAccounts(state),
  };
}

/** Answers a New API HTTP request and returns true, or returns false for any other path. */
export function routeNewApiRequest(
  context: NewApiContext,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  if (url.pathname === AUTHORIZE_PATH) handleAuthorizeRequest(context, url, request, response);
  else if (url.pathname === TOKEN_PATH) handleTokenRequest(context, request, response);
  else if (url.pathname.startsWith(REST_PREFIX)) handleRestRequest(context, url, request, response);
  else return false;
  return true;
}
