import {
  DEFAULT_AUTHORIZATION_URL,
  DEFAULT_TOKEN_URL,
  hasAuthorizationCallback,
  hasOAuthCallback,
  stripAuthorizationCallback,
  stripOAuthCallback,
  type NewApiScope,
  type TokenResponse,
} from '@deriv-auth/core';
import {
  DerivSessionError,
  createTokenSource,
  type AccessTokenSource,
} from '@deriv-auth/ws-client';
import { createBrowserEnvironment, type BrowserEnvironment } from './browserEnvironment.js';
import { completeNewApi } from './internal/completeNewApi.js';
import { DEFAULT_STORAGE_KEY } from './internal/loginRecord.js';
import { registerNewApiLogin } from './internal/newApiRegistry.js';
import { startNewApiLogin } from './internal/startNewApiLogin.js';
import { exchangeCode, refreshTokens, type TokenEndpointConfig } from './internal/tokenEndpoint.js';
import { createTokenStore, type StoredTokens } from './internal/tokenStore.js';
import type { NewApiLogin, NewApiLoginInternals } from './newApiTypes.js';

export type { NewApiLogin } from './newApiTypes.js';

/** Options of {@link createNewApiLogin}: the app's OAuth client and where its tokens live. */
export interface NewApiLoginOptions {
  /** The app's OAuth client id (alphanumeric, e.g. `32izC2lBT4MmiSNWuxq2l`; not a legacy app id). */
  clientId: string;
  /** The redirect URI exactly as registered with Deriv (the page that calls `completeLogin`). */
  redirectUri: string;
  /** Scopes asked for (default `['trade']`: accounts, OTP sockets, trading). */
  scopes?: readonly NewApiScope[] | undefined;
  /** Authorize endpoint; default `https://auth.deriv.com/oauth2/auth` (core's `DEFAULT_AUTHORIZATION_URL`). */
  authorizationUrl?: string | undefined;
  /** Token endpoint; default `https://auth.deriv.com/oauth2/token` (core's `DEFAULT_TOKEN_URL`). */
  tokenUrl?: string | undefined;
  /**
   * Where the tokens are kept between reloads: `'session'` (default, this tab's `sessionStorage`,
   * as Deriv's reference SPA does) or `'memory'` (gone on reload: the user signs in again).
   */
  tokenStorage?: 'session' | 'memory' | undefined;
  /**
   * Use the refresh-token grant when an access token expires (default `true`). Whether Deriv
   * supports refresh is unconfirmed: without it (or when it is refused) the session ends with
   * `DerivSessionError` `login_required`.
   */
  refresh?: boolean | undefined;
  /** `fetch` for the token endpoint; default `globalThis.fetch`, read at call time. */
  fetch?: typeof fetch | undefined;
  /** Time a token request may take; default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** Key prefix in `sessionStorage` (default `'@deriv-auth/login'`, tokens under `<key>:tokens`). */
  storageKey?: string | undefined;
  /** Browser facilities (default {@link createBrowserEnvironment}, read on first use). */
  environment?: BrowserEnvironment | undefined;
}

// A lifetime that is not a finite number (`1e400` parses as Infinity) counts as unknown, as in
// ws-client's token source: storing NaN would read back as signed out.
const expiresAtOf = (tokens: TokenResponse, now: number): number | undefined => {
  const expiresAt = tokens.expires_in === undefined ? undefined : now + tokens.expires_in * 1000;
  return expiresAt !== undefined && Number.isFinite(expiresAt) ? expiresAt : undefined;
};

/**
 * Creates the New API login of an app: OAuth 2.0 authorization code with PKCE as a public client
 * (no secret), its tokens held for the session and refreshed when they expire.
 *
 * @remarks
 * Nothing touches the browser until it is used, so creating it at module level is safe on a
 * server. With `tokenStorage: 'session'`, a reload finds the tokens again (the session resumes its
 * remembered account); a logout (`session.logout()`) or a refused refresh deletes them.
 *
 * @param options - The OAuth client, endpoints, token storage and refresh choice.
 * @returns The login to hand to `startLogin`/`completeLogin` and, `tokens`, to the session.
 * @example
 * ```ts
 * import { completeLogin, createNewApiLogin, startLogin } from '@deriv-auth/login';
 * import { createDerivSession, createSessionStorage } from '@deriv-auth/ws-client';
 *
 * const login = createNewApiLogin({ clientId: 'myApp123', redirectUri: `${location.origin}/callback` });
 * const session = createDerivSession({
 *   client: { appId: 1089 },
 *   storage: createSessionStorage(),
 *   newApi: { tokens: login.tokens },
 * });
 * document.querySelector('button')!.onclick = () => void startLogin({ newApi: login });
 * void completeLogin({ session, newApi: login }); // on the callback page
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export function createNewApiLogin(options: NewApiLoginOptions): NewApiLogin {
  const endpoint: TokenEndpointConfig = {
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    authorizationUrl: options.authorizationUrl ?? DEFAULT_AUTHORIZATION_URL,
    tokenUrl: options.tokenUrl ?? DEFAULT_TOKEN_URL,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
  };
  let browser: BrowserEnvironment | undefined = options.environment;
  const environment = (): BrowserEnvironment => (browser ??= createBrowserEnvironment());
  const store = createTokenStore(
    options.tokenStorage ?? 'session',
    environment,
    `${options.storageKey ?? DEFAULT_STORAGE_KEY}:tokens`,
  );
  const refresh = options.refresh === false ? undefined : refreshTokens.bind(undefined, endpoint);

  let source: AccessTokenSource | undefined;
  let loaded = false;
  const open = (stored: StoredTokens): AccessTokenSource => {
    const created: AccessTokenSource = createTokenSource({
      ...stored,
      refresh,
      now: () => environment().now(),
      onTokens: (tokens) => {
        // A refresh that finishes after a logout or a newer login stores nothing: the tokens
        // would sign the tab back in on the next reload, or overwrite the new user's.
        if (source !== created) return;
        store.save({
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token ?? stored.refreshToken,
          expiresAt: expiresAtOf(tokens, environment().now()),
        });
      },
    });
    return created;
  };
  const current = (): AccessTokenSource | undefined => {
    if (!loaded) {
      loaded = true;
      const stored = store.load();
      if (stored) source = open(stored);
    }
    return source;
  };
  const signedOut = (): Promise<never> =>
    Promise.reject(new DerivSessionError('login_required', 'Signed out; sign in again.'));
  // A refused or impossible refresh ends the stored login too: a reload must not retry it. Only
  // the login it belongs to: a newer login's tokens stay.
  const forgetOnFailure = (active: AccessTokenSource, promise: Promise<string>): Promise<string> =>
    promise.catch((error: unknown) => {
      if (source === active) store.clear();
      throw error;
    });

  const tokens: AccessTokenSource = {
    getAccessToken: () => {
      const active = current();
      return active ? forgetOnFailure(active, active.getAccessToken()) : signedOut();
    },
    refresh: (rejected) => {
      const active = current();
      return active ? forgetOnFailure(active, active.refresh(rejected)) : signedOut();
    },
    clear: () => {
      source?.clear();
      source = undefined;
      loaded = true;
      store.clear();
    },
  };
  const login: NewApiLogin = Object.freeze({ tokens, clientId: options.clientId });
  const config = {
    endpoint,
    scopes: options.scopes ?? (['trade'] as const),
    storageKey: options.storageKey,
    environment,
  };
  // The New API's code lives here, reached through the login object: startLogin and
  // completeLogin only dispatch, so an app on the legacy flow does not bundle oauth4webapi's grants.
  const internal: NewApiLoginInternals = {
    ...config,
    // A legacy callback (`acct1/token1`) reaching a New API app (an old bookmark, a misconfigured
    // redirect) has its tokens removed too, then is refused: nothing token-bearing stays in the URL.
    hasCallback: (href) => hasAuthorizationCallback(href) || hasOAuthCallback(href),
    stripCallback: (href) => stripOAuthCallback(stripAuthorizationCallback(href)),
    complete: (request) => completeNewApi(internal, request),
    start: (startOptions) => startNewApiLogin(config, startOptions),
    exchange: (callback, codeVerifier) => exchangeCode(endpoint, callback, codeVerifier),
    signIn: (reply) => {
      const stored: StoredTokens = {
        accessToken: reply.access_token,
        refreshToken: reply.refresh_token,
        expiresAt: expiresAtOf(reply, environment().now()),
      };
      // Stored first: a storage failure leaves the previous login as it was.
      store.save(stored);
      loaded = true;
      source?.clear();
      source = open(stored);
    },
    signOut: () => {
      tokens.clear();
    },
  };
  registerNewApiLogin(login, internal);
  return login;
}
