/**
 * The New API login's types, apart from its code: `startLogin` and `completeLogin` dispatch to the
 * code through the login object (so a legacy app does not bundle it), and share these types.
 */
import type { BuildAuthorizationUrlOptions, NewApiScope, TokenResponse } from '@deriv-auth/core';
import type { AccessTokenSource, AuthorizeResult, DerivSession } from '@deriv-auth/ws-client';
import type { AccountChoice } from './accountChoice.js';
import type { BrowserEnvironment } from './browserEnvironment.js';
import type { TokenEndpointConfig } from './internal/tokenEndpoint.js';

/**
 * Options of `startLogin` for Deriv's New API: the login made by `createNewApiLogin`, the
 * sign-up and partner options of core's `buildAuthorizationUrl`, plus the same browser glue.
 */
export type StartNewApiLoginOptions = Omit<
  BuildAuthorizationUrlOptions,
  'clientId' | 'redirectUri' | 'scopes' | 'state' | 'codeChallenge' | 'authorizationUrl'
> & {
  /** The New API login (`createNewApiLogin`): switches `startLogin` to OAuth 2.0 + PKCE. */
  newApi: NewApiLogin;
  /** Scopes for this login; default the login's. */
  scopes?: readonly NewApiScope[] | undefined;
  /** Same-origin path to come back to after login, returned by `completeLogin` once checked. */
  returnTo?: string | undefined;
  /** How long the callback is accepted, in ms (default {@link DEFAULT_LOGIN_TTL_MS}). */
  ttlMs?: number | undefined;
  /** Where the one-time state and verifier are kept (default the login's, `'@deriv-auth/login'`). */
  storageKey?: string | undefined;
  /** Leave the page for the login URL (default `true`); `false` only returns the URL. */
  navigate?: boolean | undefined;
  /** Browser facilities (default the login's environment). */
  environment?: BrowserEnvironment | undefined;
};

/**
 * An app's New API login: give its `tokens` to the session, and the login itself to
 * `startLogin({ newApi })` and `completeLogin({ newApi })` (or the React hooks' `newApi` option).
 *
 * @example
 * ```ts
 * const login = createNewApiLogin({ clientId: 'myApp123', redirectUri: 'https://app.example/cb' });
 * const session = createDerivSession({ client: { appId: 1089, endpoint: DEFAULT_PUBLIC_SOCKET_URL }, newApi: { tokens: login.tokens } });
 * ```
 */
export interface NewApiLogin {
  /** The access tokens, for `createDerivSession({ newApi: { tokens } })`; empty until signed in. */
  readonly tokens: AccessTokenSource;
  /** The client id the login was created for. */
  readonly clientId: string;
}

/** @internal What `startLogin` and `completeLogin` need besides the public half. */
export interface NewApiLoginInternals {
  readonly endpoint: TokenEndpointConfig;
  readonly scopes: readonly NewApiScope[];
  readonly storageKey: string | undefined;
  readonly environment: () => BrowserEnvironment;
  /** Replaces the tokens with those of a code exchange, and stores them. */
  readonly signIn: (tokens: TokenResponse) => void;
  /** Forgets the tokens of a login that was refused after the exchange. */
  readonly signOut: () => void;
  /** Whether a page URL is an authorization callback (`?code=&state=`), never throwing. */
  readonly hasCallback: (href: string) => boolean;
  /** The URL without the callback's parameters, never throwing. */
  readonly stripCallback: (href: string) => string;
  /** After the checks: the exchange, the session's accounts and the chosen account. */
  readonly complete: (request: NewApiCompletionRequest) => Promise<NewApiCompletion>;
  /** `startLogin({ newApi })`. */
  readonly start: (options: StartNewApiLoginOptions) => Promise<string>;
  /** The authorization code grant with the PKCE verifier. */
  readonly exchange: (
    callback: { code: string; state: string },
    codeVerifier: string,
  ) => Promise<TokenResponse>;
}

/** @internal What `completeLogin` hands over once the callback passed its checks. */
export interface NewApiCompletionRequest {
  /** `logout` is used when present (a real session): it closes what a refused login opened. */
  readonly session: Pick<DerivSession, 'setAccounts' | 'authorize'> &
    Partial<Pick<DerivSession, 'logout'>>;
  readonly account: AccountChoice | undefined;
  readonly callback: { readonly code: string; readonly state: string };
  readonly codeVerifier: string;
  readonly returnTo: string | undefined;
}

/** @internal A completed New API login, as `completeLogin` resolves it. */
export interface NewApiCompletion {
  readonly handled: true;
  readonly account: string;
  readonly authorize: AuthorizeResult;
  readonly returnTo?: string | undefined;
}
