import type { TokenResponse } from '@deriv-auth/core';
import { DerivSessionError } from './derivSessionError.js';

/**
 * Where the New API's access token comes from. The session asks it for a token before each REST
 * call and, when Deriv answers 401 with that token, asks it once to `refresh`.
 *
 * @remarks
 * In the browser, {@link createTokenSource} holds the tokens the code exchange returned. A
 * backend that keeps tokens server side needs no token source at all: give the session an
 * `otpUrl` (and `listAccounts`) that ask the backend instead.
 *
 * @example
 * ```ts
 * const fixed: AccessTokenSource = {
 *   getAccessToken: () => Promise.resolve(accessToken),
 *   refresh: () => Promise.reject(new Error('no refresh')),
 *   clear: () => undefined,
 * };
 * ```
 */
export interface AccessTokenSource {
  /** A token believed valid (refreshed first when its known expiry has passed). */
  getAccessToken(): Promise<string>;
  /**
   * A new token after the server refused `rejected`. Concurrent calls share one refresh; a token
   * already replaced is not refreshed again. Rejects with `DerivSessionError` `login_required`
   * when there is no way to refresh, or the refresh was refused.
   */
  refresh(rejected: string): Promise<string>;
  /** Forgets every token (a logout). */
  clear(): void;
}

/** Options of {@link createTokenSource}: the token response of the code exchange, and how to refresh. */
export interface TokenSourceOptions {
  /** `access_token` of the code exchange: sent as `Authorization: Bearer` to the REST API only. */
  accessToken: string;
  /** `refresh_token` of the code exchange, when Deriv gave one; kept when a refresh omits it. */
  refreshToken?: string | undefined;
  /** When the access token expires (ms since the epoch); unknown when omitted (Deriv's lifetimes are undocumented). */
  expiresAt?: number | undefined;
  /**
   * Exchanges a refresh token for new tokens (`POST /oauth2/token`, `grant_type=refresh_token`).
   * Omit when your setup has no refresh (Deriv does not confirm it): an expired token then ends
   * the session with `login_required`.
   */
  refresh?: ((refreshToken: string) => Promise<TokenResponse>) | undefined;
  /** Called with each new token response (to store it), never with the old tokens. */
  onTokens?: ((tokens: TokenResponse) => void) | undefined;
  /** Wall clock in ms; default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A token source over tokens held in memory (the browser's code exchange): an expired token is
 * refreshed once, concurrent refreshes are coalesced, and a missing or refused refresh ends with
 * `login_required` and never a retry loop.
 *
 * @param options - the tokens and the refresh function.
 * @returns an {@link AccessTokenSource}.
 * @example
 * ```ts
 * const tokens = createTokenSource({
 *   accessToken: reply.access_token,
 *   refreshToken: reply.refresh_token,
 *   expiresAt: reply.expires_in === undefined ? undefined : Date.now() + reply.expires_in * 1000,
 * });
 * ```
 */
export function createTokenSource(options: TokenSourceOptions): AccessTokenSource {
  const now = options.now ?? (() => Date.now());
  let accessToken: string | undefined = options.accessToken;
  let refreshToken = options.refreshToken;
  let expiresAt = options.expiresAt;
  let refreshing: Promise<string> | undefined;
  // Once a refresh failed, every later call fails the same way: no loop of refused refreshes.
  let ended: DerivSessionError | undefined;

  const loginRequired = (message: string): DerivSessionError =>
    new DerivSessionError('login_required', message);

  const runRefresh = async (): Promise<string> => {
    const refresh = options.refresh;
    const current = refreshToken;
    if (!refresh || current === undefined)
      throw loginRequired(
        'The access token expired and there is no way to refresh it; sign in again.',
      );
    let reply: TokenResponse;
    try {
      reply = await refresh(current);
    } catch {
      // The reason is not kept: a refresh error may quote the refresh token.
      throw loginRequired('The access token could not be refreshed; sign in again.');
    }
    if (typeof reply.access_token !== 'string' || reply.access_token === '')
      throw loginRequired('The refresh returned no access token; sign in again.');
    accessToken = reply.access_token;
    refreshToken = typeof reply.refresh_token === 'string' ? reply.refresh_token : current;
    // Server data: a lifetime that is not a finite number is treated as unknown (refresh on 401).
    const lifetime = reply.expires_in;
    expiresAt =
      typeof lifetime === 'number' && Number.isFinite(lifetime)
        ? now() + lifetime * 1000
        : undefined;
    try {
      options.onTokens?.(reply);
    } catch {
      // The app's callback failing (storage full, a bug) must not throw away a good refresh.
    }
    return reply.access_token;
  };

  const refreshOnce = (): Promise<string> => {
    if (ended) return Promise.reject(ended);
    refreshing ??= runRefresh().then(
      (token) => {
        refreshing = undefined;
        return token;
      },
      (error: unknown) => {
        refreshing = undefined;
        ended = error as DerivSessionError;
        accessToken = undefined;
        refreshToken = undefined;
        throw error;
      },
    );
    return refreshing;
  };

  return {
    getAccessToken: () => {
      if (ended) return Promise.reject(ended);
      if (refreshing) return refreshing;
      if (accessToken === undefined)
        return Promise.reject(loginRequired('Signed out; sign in again.'));
      if (expiresAt !== undefined && now() >= expiresAt) return refreshOnce();
      return Promise.resolve(accessToken);
    },
    refresh: (rejected) => {
      if (refreshing) return refreshing;
      // Another caller already refreshed: the newer token is the answer.
      if (accessToken !== undefined && accessToken !== rejected && !ended)
        return Promise.resolve(accessToken);
      return refreshOnce();
    },
    clear: () => {
      accessToken = undefined;
      refreshToken = undefined;
      expiresAt = undefined;
    },
  };
}
