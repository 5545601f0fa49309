/**
 * Public types of the mock's New API side (OAuth 2.0 + PKCE, REST accounts, one-time socket URLs):
 * its options, registered clients, faults and test helpers.
 * @module
 */

/** A scope of Deriv's New API (space separated in the authorize request's `scope`). */
export type MockNewApiScope = 'trade' | 'payment' | 'account_manage' | 'application_read';

/**
 * An OAuth client registered with the mock's New API: `/oauth2/auth` redirects only to one of its
 * exact `redirectUris`, and `/oauth2/token` and the REST API answer CORS requests from its origins.
 *
 * @example
 * ```ts
 * await startMockServer({
 *   newApi: { clients: [{ clientId: 'myApp123', redirectUris: ['http://localhost:3000/callback'] }] },
 * });
 * ```
 * @see https://developers.deriv.com/docs/authentication
 */
export interface MockOAuthClient {
  /** The client id: letters and digits only, like Deriv's `32izC2lBT4MmiSNWuxq2l`. */
  readonly clientId: string;
  /** Every redirect URI the client registered, compared exactly (no prefix, no normalisation). */
  readonly redirectUris: readonly string[];
  /** Name shown on the consent page. */
  readonly name?: string;
  /** Browser origins allowed by CORS besides the origins of `redirectUris`. */
  readonly allowedOrigins?: readonly string[];
}

/**
 * How the mock answers the refresh-token grant. Whether Deriv supports refresh is unconfirmed, so
 * every answer is available:
 * - `'rotate'` (default): each refresh returns a new refresh token; the old one is refused.
 * - `'reuse'`: the reply omits `refresh_token`; the old one keeps working.
 * - `'disabled'`: no refresh token is issued, and the grant answers `unsupported_grant_type`.
 */
export type MockRefreshMode = 'rotate' | 'reuse' | 'disabled';

/**
 * Options of the New API side (all optional). Lifetimes Deriv does not publish are configurable;
 * 0 makes a code, token or OTP expire at once (how tests reach the expired path without waiting).
 *
 * @example
 * ```ts
 * await startMockServer({
 *   newApi: { accessTokenTtlSeconds: 0, refresh: 'reuse', restRateLimit: { maxRequests: 3, windowMs: 60_000 } },
 * });
 * ```
 */
export interface MockNewApiOptions {
  /** OAuth clients in addition to the default `mockClient1089` (same id replaces it). */
  readonly clients?: readonly MockOAuthClient[];
  /** Lifetime of an authorization code; 60 s by default. */
  readonly authorizationCodeTtlSeconds?: number;
  /** Lifetime of an access token; 3600 s by default (Deriv's is unconfirmed). */
  readonly accessTokenTtlSeconds?: number;
  /** Send `expires_in` in token replies; `true` by default (test clients without it with `false`). */
  readonly sendExpiresIn?: boolean;
  /** The refresh-token grant: `'rotate'` (default), `'reuse'` or `'disabled'`. */
  readonly refresh?: MockRefreshMode;
  /** Lifetime of a one-time socket URL; 120 s by default (a third party's measure). */
  readonly otpTtlSeconds?: number;
  /** REST calls allowed per token and window (429 past it); 60 a minute by default, `false` for none. */
  readonly restRateLimit?: { readonly maxRequests: number; readonly windowMs: number } | false;
  /** Send REST `balance` as a string with two decimals (`"10000.00"`), as Deriv's reference app types it. */
  readonly balanceAsString?: boolean;
  /** Open OTP sockets allowed per user; 5 by default (Deriv's documented limit). */
  readonly maxSocketsPerUser?: number;
}

/** Options of {@link MockNewApi.login}. */
export interface MockNewApiLoginOptions {
  /** A registered client id; `mockClient1089` by default. */
  readonly clientId?: string;
  /** One of the client's registered redirect URIs; its first one by default. */
  readonly redirectUri?: string;
  /** Fixture user id; the first user (`john`) by default. */
  readonly user?: string;
  /** Scopes granted; all four by default. */
  readonly scopes?: readonly MockNewApiScope[];
  /** Echoed in `redirectUrl`. */
  readonly state?: string;
  /** The PKCE challenge the code is bound to; without it the helper makes a verifier and returns it. */
  readonly codeChallenge?: string;
}

/** What {@link MockNewApi.login} produced: the callback URL with the code, and the code's verifier. */
export interface MockNewApiLoginResult {
  /** `redirectUri?code=ory_ac_...&state=...`, what the browser would land on. */
  readonly redirectUrl: string;
  readonly code: string;
  /** The verifier the helper generated (absent when `codeChallenge` was given). */
  readonly codeVerifier?: string;
}

/** The body of a successful `/oauth2/token` reply (RFC 6749 §5.1). */
export interface MockTokenResponse {
  /** `ory_at_...`: the bearer token of the REST calls. */
  readonly access_token: string;
  readonly token_type: 'bearer';
  /** Seconds the access token lives; absent with `sendExpiresIn: false`. */
  readonly expires_in?: number;
  /** `ory_rt_...`; absent with `refresh: 'disabled'`, and in `'reuse'` refresh replies. */
  readonly refresh_token?: string;
  /** The granted scopes, space separated. */
  readonly scope: string;
}

/** Options of {@link MockNewApi.issueTokens}. */
export interface MockIssueTokensOptions {
  /** A registered client id; `mockClient1089` by default. */
  readonly clientId?: string;
  /** Fixture user id; the first user (`john`) by default. */
  readonly user?: string;
  /** Scopes granted; all four by default. */
  readonly scopes?: readonly MockNewApiScope[];
}

/**
 * Test helpers of the New API side, as `server.newApi`.
 *
 * @example
 * ```ts
 * const tokens = server.newApi.issueTokens({ user: 'multi', scopes: ['trade'] });
 * const response = await fetch(`${server.newApi.restUrl}/trading/v1/options/accounts`, {
 *   headers: { authorization: `Bearer ${tokens.access_token}` },
 * });
 * ```
 */
export interface MockNewApi {
  /** `http://127.0.0.1:PORT/oauth2/auth`. */
  readonly authorizeUrl: string;
  /** `http://127.0.0.1:PORT/oauth2/token`. */
  readonly tokenUrl: string;
  /** `http://127.0.0.1:PORT`: the REST base (paths as Deriv's, `/trading/v1/options/...`). */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT/trading/v1/options/ws/public`. */
  readonly publicWsUrl: string;
  /**
   * Log in as if the user approved the consent page: an authorization code bound to the client,
   * redirect URI, scopes and PKCE challenge.
   *
   * @throws {Error} for an unregistered client, a redirect URI it did not register, or an unknown user
   */
  login(options?: MockNewApiLoginOptions): MockNewApiLoginResult;
  /**
   * Tokens as a code exchange would return them, without the HTTP round trips.
   *
   * @throws {Error} for an unregistered client or an unknown user
   */
  issueTokens(options?: MockIssueTokensOptions): MockTokenResponse;
}
