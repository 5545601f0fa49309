/**
 * The server's calls to Deriv: code exchange and refresh through oauth4webapi (RFC 6749 / 7636
 * checks included), and the two REST calls the routes need. Nothing here logs or throws a token.
 */
import type { NewApiScope } from '@deriv-auth/core';
import {
  AccountListResponseSchema,
  OtpResponseSchema,
  RestErrorEnvelopeSchema,
} from '@deriv-auth/core/schemas';
import * as oauth from 'oauth4webapi';

/** Normalised tokens of a code exchange or refresh. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string | undefined;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  scopes: string[];
}

/** One of the signed-in user's accounts, as the `session` route shows it. */
export interface SessionAccount {
  /** `account_id`, e.g. `DOT90004581`. */
  id: string;
  currency: string;
  /** From `account_type`, never from the id's prefix. */
  type: 'demo' | 'real';
  /** `active` or `inactive` (other values pass through). */
  status: string;
}

/** Why a token grant failed: `refused` ends the session; `unavailable` may pass. */
export class TokenGrantError extends Error {
  override name = 'TokenGrantError';
  constructor(readonly reason: 'refused' | 'unavailable') {
    super(
      reason === 'refused' ? 'token grant refused' : 'token endpoint unavailable or unexpected',
    );
  }
}

/** The outcome of an OTP request, with no text from Deriv. */
export type OtpOutcome =
  { kind: 'url'; url: string } | { kind: 'unauthorized' } | { kind: 'failed'; status: number };

export interface DerivApiOptions {
  clientId: string;
  redirectUri: string;
  authorizationUrl: string;
  tokenUrl: string;
  restUrl: string;
  scopes: readonly NewApiScope[];
  /** Access-token lifetime when Deriv sends no `expires_in`, in seconds. */
  defaultTokenLifetimeSeconds: number;
  fetch: typeof fetch;
  now: () => number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Every call to Deriv gives up after this long. Shorter than the refresh lock's 10 s lifetime
 * (sessions.ts), so a refresh always ends while its instance still holds the lock.
 */
export const DERIV_CALL_TIMEOUT_MS = 8_000;

export interface DerivApi {
  /** Checks the callback's query (state, repeats, `error=`) the oauth4webapi way; throws on any problem. */
  validateCallback(query: URLSearchParams, expectedState: string): URLSearchParams;
  exchangeCode(callback: URLSearchParams, codeVerifier: string): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  listAccounts(accessToken: string): Promise<SessionAccount[]>;
  createOtp(accessToken: string, accountId: string): Promise<OtpOutcome>;
}

export function createDerivApi(options: DerivApiOptions): DerivApi {
  const as: oauth.AuthorizationServer = {
    issuer: new URL(options.authorizationUrl).origin,
    authorization_endpoint: options.authorizationUrl,
    token_endpoint: options.tokenUrl,
  };
  const client: oauth.Client = { client_id: options.clientId };
  const clientAuth = oauth.None();
  // http:// only for a loopback token endpoint (the mock server); oauth4webapi refuses it otherwise.
  const requestOptions: oauth.TokenEndpointRequestOptions = {
    signal: () => AbortSignal.timeout(DERIV_CALL_TIMEOUT_MS),
    [oauth.customFetch]: options.fetch,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated to stand out: loopback only, by design
    [oauth.allowInsecureRequests]: LOOPBACK.has(new URL(options.tokenUrl).hostname),
  };

  const toTokenSet = (
    result: oauth.TokenEndpointResponse,
    previousRefreshToken?: string,
  ): TokenSet => {
    const lifetime = result.expires_in ?? options.defaultTokenLifetimeSeconds;
    return {
      accessToken: result.access_token,
      // Deriv's reference app keeps the old refresh token when a refresh omits a new one.
      refreshToken: result.refresh_token ?? previousRefreshToken,
      expiresAt: options.now() + lifetime * 1000,
      scopes: result.scope ? result.scope.split(' ').filter(Boolean) : [...options.scopes],
    };
  };

  const grant = async (
    send: () => Promise<Response>,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
    previousRefreshToken?: string,
  ): Promise<TokenSet> => {
    let response: Response;
    try {
      response = await send();
    } catch {
      throw new TokenGrantError('unavailable');
    }
    try {
      return toTokenSet(await process(response), previousRefreshToken);
    } catch (error) {
      // An RFC 6749 §5.2 error (invalid_grant, invalid_client...) is a refusal; anything else
      // (a 5xx page, a malformed body) is the endpoint misbehaving.
      const refused =
        error instanceof oauth.ResponseBodyError ||
        error instanceof oauth.WWWAuthenticateChallengeError;
      throw new TokenGrantError(refused ? 'refused' : 'unavailable');
    }
  };

  /**
   * One REST call, body read, within the deadline. A timer cleared once the body is in, rather
   * than `AbortSignal.timeout`: that one fires for every call 8 s later, finished or not, and its
   * abort events were a visible share of the `otp` route's profile (and of its p99) under load.
   */
  const rest = async (
    path: string,
    accessToken: string,
    method: 'GET' | 'POST',
  ): Promise<{ ok: boolean; status: number; body: unknown }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, DERIV_CALL_TIMEOUT_MS);
    try {
      const response = await options.fetch(new URL(path, options.restUrl), {
        method,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: controller.signal,
      });
      const body: unknown = await response.json().catch(() => undefined);
      return { ok: response.ok, status: response.status, body };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    validateCallback: (query, expectedState) =>
      oauth.validateAuthResponse(as, client, query, expectedState),
    exchangeCode: (callback, codeVerifier) =>
      grant(
        () =>
          oauth.authorizationCodeGrantRequest(
            as,
            client,
            clientAuth,
            callback,
            options.redirectUri,
            codeVerifier,
            requestOptions,
          ),
        (response) => oauth.processAuthorizationCodeResponse(as, client, response),
      ),
    refresh: (refreshToken) =>
      grant(
        () => oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions),
        (response) => oauth.processRefreshTokenResponse(as, client, response),
        refreshToken,
      ),
    async listAccounts(accessToken) {
      const response = await rest('/trading/v1/options/accounts', accessToken, 'GET');
      const body = response.body;
      const parsed = AccountListResponseSchema.safeParse(body);
      if (!response.ok || !parsed.success) throw new Error(`account list: HTTP ${response.status}`);
      return parsed.data.data.map((account) => ({
        id: account.account_id,
        currency: account.currency,
        type: account.account_type,
        status: account.status,
      }));
    },
    async createOtp(accessToken, accountId) {
      const response = await rest(
        `/trading/v1/options/accounts/${encodeURIComponent(accountId)}/otp`,
        accessToken,
        'POST',
      );
      const body = response.body;
      if (response.ok) {
        const parsed = OtpResponseSchema.safeParse(body);
        return parsed.success
          ? { kind: 'url', url: parsed.data.data.url }
          : { kind: 'failed', status: 502 };
      }
      const envelope = RestErrorEnvelopeSchema.safeParse(body);
      const status = envelope.success
        ? (envelope.data.errors[0]?.status ?? response.status)
        : response.status;
      return status === 401 ? { kind: 'unauthorized' } : { kind: 'failed', status };
    },
  };
}
