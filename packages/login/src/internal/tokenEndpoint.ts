/**
 * The browser's calls to Deriv's token endpoint through oauth4webapi: the authorization code grant
 * with the PKCE verifier, and the refresh-token grant. A public client: no secret is sent. Nothing
 * here puts a code, verifier or token in an error: a refusal keeps only the RFC 6749 error code.
 */
import type { TokenResponse } from '@deriv-auth/core';
import * as oauth from 'oauth4webapi';
import { DerivLoginError } from '../derivLoginError.js';

/** Where and how to reach the token endpoint. */
export interface TokenEndpointConfig {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function serverOf(config: TokenEndpointConfig): oauth.AuthorizationServer {
  return {
    issuer: new URL(config.authorizationUrl).origin,
    authorization_endpoint: config.authorizationUrl,
    token_endpoint: config.tokenUrl,
  };
}

function requestOptions(config: TokenEndpointConfig): oauth.TokenEndpointRequestOptions {
  return {
    signal: () => AbortSignal.timeout(config.timeoutMs),
    // Read at call time: a test or an app may replace `fetch` after the login was created.
    [oauth.customFetch]: (url, init) => (config.fetch ?? globalThis.fetch)(url, init),
    // http:// only for a loopback token endpoint (the mock server); oauth4webapi refuses it otherwise.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated to stand out: loopback only, by design
    [oauth.allowInsecureRequests]: LOOPBACK.has(new URL(config.tokenUrl).hostname),
  };
}

function toTokenResponse(result: oauth.TokenEndpointResponse): TokenResponse {
  return {
    access_token: result.access_token,
    token_type: 'bearer',
    ...(result.expires_in !== undefined && { expires_in: result.expires_in }),
    ...(result.refresh_token !== undefined && { refresh_token: result.refresh_token }),
    ...(result.scope !== undefined && { scope: result.scope }),
  };
}

/** Runs one grant; a refusal and an unreachable endpoint become typed, token-free errors. */
async function grant(
  send: () => Promise<Response>,
  process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await send();
  } catch {
    // No cause: a fetch error may quote the request, and the request carries the code.
    throw new DerivLoginError('token_endpoint_unavailable', 'The token endpoint is unreachable.');
  }
  try {
    return toTokenResponse(await process(response));
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      // The RFC 6749 code is a fixed word; `error_description` is provider text and stays out.
      const code = /^[a-z_]{1,64}$/.test(error.error) ? error.error : 'unknown';
      throw new DerivLoginError(
        'code_exchange_refused',
        `The token endpoint refused the grant (${code}).`,
        { details: { error: code, status: error.status } },
      );
    }
    throw new DerivLoginError(
      'token_endpoint_unavailable',
      `The token endpoint answered HTTP ${String(response.status)} without a token response.`,
      { details: { status: response.status } },
    );
  }
}

/**
 * Exchanges the callback's code for tokens (`grant_type=authorization_code`, with `redirect_uri`
 * and `code_verifier`). `state` was already checked by core against the tab's record; oauth4webapi
 * only needs the checked parameters in its own form.
 */
export function exchangeCode(
  config: TokenEndpointConfig,
  callback: { code: string; state: string },
  codeVerifier: string,
): Promise<TokenResponse> {
  const server = serverOf(config);
  const client: oauth.Client = { client_id: config.clientId };
  return grant(
    () => {
      const parameters = oauth.validateAuthResponse(
        server,
        client,
        new URLSearchParams({ code: callback.code, state: callback.state }),
        callback.state,
      );
      return oauth.authorizationCodeGrantRequest(
        server,
        client,
        oauth.None(),
        parameters,
        config.redirectUri,
        codeVerifier,
        requestOptions(config),
      );
    },
    (response) => oauth.processAuthorizationCodeResponse(server, client, response),
  );
}

/** Exchanges a refresh token for new tokens (`grant_type=refresh_token`). */
export function refreshTokens(
  config: TokenEndpointConfig,
  refreshToken: string,
): Promise<TokenResponse> {
  const server = serverOf(config);
  const client: oauth.Client = { client_id: config.clientId };
  return grant(
    () =>
      oauth.refreshTokenGrantRequest(
        server,
        client,
        oauth.None(),
        refreshToken,
        requestOptions(config),
      ),
    (response) => oauth.processRefreshTokenResponse(server, client, response),
  );
}
