/**
 * Public types of the mock server: its options, fixtures, handle, faults and log entries.
 * @module
 */

import type { DerivAccount, DerivScope } from '@deriv-auth/core';
import type { MockNewApi, MockNewApiOptions } from './newApiTypes.js';

/** A permission scope of a Deriv token (the `auth_scopes` of the official schemas): core's `DerivScope`. */
export type MockScope = DerivScope;

/** An account as the OAuth redirect hands it to an app (login id, session token, currency): core's `DerivAccount`. */
export type MockLoginAccount = DerivAccount;

/**
 * An app registered with the mock OAuth server: Deriv redirects only to its registered URL.
 *
 * @example
 * ```ts
 * await startMockServer({ apps: [{ appId: 4242, redirectUri: 'http://localhost:3000/callback', name: 'My app' }] });
 * ```
 * @see https://developers.deriv.com/docs/setting-up-a-deriv-application
 */
export interface MockApp {
  /** The numeric `app_id`. */
  readonly appId: number;
  /** The exact URL the login redirects to (Deriv has no `redirect_uri` parameter). */
  readonly redirectUri: string;
  /** Name shown on the login page. */
  readonly name?: string;
}

/** One trading account of a fixture user. */
export interface MockAccount {
  /** Login id, e.g. `CR799393` (letters then digits). */
  readonly loginid: string;
  /** Currency code, `''` when the account has no currency yet. */
  readonly currency: string;
  /** Demo (virtual) account. */
  readonly isVirtual?: boolean;
  /** Disabled accounts are listed in `account_list` but get no token at login. */
  readonly isDisabled?: boolean;
  /** Starting balance, 0 by default. */
  readonly balance?: number;
  /** Landing company short name, `svg` (real) or `virtual` by default. */
  readonly landingCompanyName?: string;
  /**
   * The account's id on the New API (`account_id`, e.g. `DOT90004580`); by default `DOT` and the
   * login id's digits padded to 8. Demo or real comes from `isVirtual`, never from this id.
   */
  readonly accountId?: string;
  /** The New API's `group`, `row` by default. */
  readonly group?: string;
}

/**
 * A fixture user that can log in on the mock OAuth page.
 *
 * @example
 * ```ts
 * const euro: MockUser = {
 *   id: 'euro',
 *   fullname: 'Eva Euro',
 *   email: 'eva@example.com',
 *   accounts: [{ loginid: 'MF900100', currency: 'EUR', landingCompanyName: 'maltainvest', balance: 50 }],
 *   scopes: ['read'],
 * };
 * await startMockServer({ users: [euro] });
 * ```
 */
export interface MockUser {
  /** Id used by `login({ user })`, the `user` query parameter and the login page. */
  readonly id: string;
  /** Full name, as `authorize.fullname`. */
  readonly fullname: string;
  /** E-mail, as `authorize.email`. */
  readonly email: string;
  /** Two-letter country code, `id` by default. */
  readonly country?: string;
  /** The user's accounts; the first enabled one is the default account of a login. */
  readonly accounts: readonly MockAccount[];
  /** Scopes of the tokens issued at login; all five by default. */
  readonly scopes?: readonly MockScope[];
  /** Every login yields a token that is already revoked. */
  readonly tokensRevoked?: boolean;
}

/** Per-connection rate limit: more than `maxRequests` within `windowMs` answers `RateLimit`. */
export interface MockRateLimit {
  readonly maxRequests: number;
  readonly windowMs: number;
}

/**
 * Rules of the mock's OAuth login page. By default it behaves like a real provider: a decision is
 * taken only from its own form (POST, same origin, one-time form token), and every HTTP request
 * must name the server in `Host`.
 *
 * @example
 * ```ts
 * // Tests that log in with one request: GET ...?app_id=1089&user=john&auto=1 answers the 302.
 * await startMockServer({ oauth: { autoApprove: true } });
 * ```
 */
export interface MockOAuthOptions {
  /**
   * Let `GET /oauth2/authorize?...&auto=1` approve (and `auto=deny` deny) without the form, from any
   * page. For non-interactive tests only; `false` by default (such a GET answers 403).
   */
  readonly autoApprove?: boolean;
  /**
   * Extra host names (no port) accepted in `Host`, e.g. a container name. Always accepted:
   * `localhost`, `127.0.0.1`, `[::1]`, the bound `host`, and every interface address when bound to
   * `0.0.0.0` / `::`.
   */
  readonly allowedHosts?: readonly string[];
}

/**
 * Options of {@link startMockServer}; every field is optional.
 *
 * @example
 * ```ts
 * await startMockServer({ port: 8080, idleTimeoutMs: 5_000, rateLimit: { maxRequests: 10, windowMs: 1_000 } });
 * ```
 */
export interface MockServerOptions {
  /** TCP port, 0 (any free port) by default. */
  readonly port?: number;
  /** Interface to bind, `127.0.0.1` by default. */
  readonly host?: string;
  /** Apps registered in addition to the default app 1089 (same id replaces it). */
  readonly apps?: readonly MockApp[];
  /** Users added to the default fixtures (same id replaces one). */
  readonly users?: readonly MockUser[];
  /** Close sockets that send nothing for this long; 120 000 ms (Deriv's ~2 min) by default, 0 disables. */
  readonly idleTimeoutMs?: number;
  /** Optional per-connection rate limiting (`ping` is exempt, as on Deriv); off by default. */
  readonly rateLimit?: MockRateLimit | false;
  /** Keep at most this many entries in the received log (oldest dropped); 10 000 by default. */
  readonly maxLogEntries?: number;
  /** Rules of the OAuth login page: non-interactive approval, extra host names. */
  readonly oauth?: MockOAuthOptions;
  /** The New API side: OAuth clients, lifetimes, refresh, REST rate limit, socket limit. */
  readonly newApi?: MockNewApiOptions;
  /** Tick streams (`ticks` with `subscribe: 1`): one update per symbol every `intervalMs` (1 000 by default). */
  readonly ticks?: { readonly intervalMs?: number };
}

/**
 * A fault to inject with {@link MockServer.inject}. Calls are named by their request key (`authorize`).
 * Faults without `call`/`onCall` (`drop`, `close`, `malformed`) act at once on the open connections.
 *
 * @example
 * ```ts
 * server.inject({ type: 'drop', onCall: 'authorize' }, { times: 1 });
 * server.inject({ type: 'delay', call: 'balance', ms: 2_000 });
 * server.inject({ type: 'refuseHandshake', status: 403 });
 * ```
 */
export type MockFault =
  /** Destroy the TCP connection now, or when a request for `onCall` arrives. */
  | { readonly type: 'drop'; readonly onCall?: string }
  /** Answer `call` only after `ms` milliseconds. */
  | { readonly type: 'delay'; readonly call: string; readonly ms: number }
  /** Never answer `call`. */
  | { readonly type: 'noAnswer'; readonly call: string }
  /** Send a frame that is not JSON now, or instead of the answer to `call`. */
  | { readonly type: 'malformed'; readonly call?: string }
  /** Answer `call` with a `req_id` nobody sent (the real answer never comes). */
  | { readonly type: 'unknownReqId'; readonly call: string }
  /** Close the WebSocket with `code` now, or when a request for `onCall` arrives. */
  | {
      readonly type: 'close';
      readonly code: number;
      readonly reason?: string;
      readonly onCall?: string;
    }
  /** Answer the WebSocket upgrade with an HTTP error (403 by default). */
  | { readonly type: 'refuseHandshake'; readonly status?: number }
  /**
   * Stop pushing updates of `call`'s streams (`ticks`, `balance`) while the fault is in force; the
   * subscriptions stay open and requests are still answered. Remove the fault to resume.
   */
  | { readonly type: 'stallStream'; readonly call: string }
  /** Accept the TCP connection but never finish the WebSocket handshake. */
  | { readonly type: 'stallHandshake' }
  /** New API: every access token issued so far expires now (REST 401, no OTP) until a refresh. */
  | { readonly type: 'accessTokenExpired' }
  /** New API: the refresh-token grant answers `400 invalid_grant`. */
  | { readonly type: 'refuseRefresh' }
  /** New API: the OTP endpoint answers `500 InternalError` ("Failed to generate OTP"). */
  | { readonly type: 'otpServerError' }
  /** New API: the next OTP socket upgrade answers 401 as if its OTP had been used. */
  | { readonly type: 'otpAlreadyUsed' };

/** Where and how often a fault applies. */
export interface MockFaultOptions {
  /** Only this connection (see {@link MockServer.connections}); every connection by default. */
  readonly connectionId?: string;
  /** Apply at most this many times, then remove itself; unlimited by default. */
  readonly times?: number;
}

/** A live WebSocket connection as {@link MockServer.connections} reports it. */
export interface MockConnectionInfo {
  readonly id: string;
  /** The legacy `app_id`; 0 on New API sockets. */
  readonly appId: number;
  /** Which endpoint it opened: the legacy `/websockets/v3`, or a New API socket. */
  readonly endpoint: 'legacy' | 'demo' | 'real' | 'public';
  /** New API OTP sockets: the account (`account_id`) the socket is scoped to. */
  readonly accountId?: string;
  /** The active account of the session, when authorized. */
  readonly loginid?: string;
  /** Every account authorized on this connection (the `authorize` token plus `tokens`). */
  readonly authorizedLoginids: readonly string[];
  /** Live subscriptions (`subscribe: 1` not yet forgotten) on this connection. */
  readonly subscriptions: number;
}

/** One message a connection received, secrets replaced by `<not shown>`. */
export interface MockReceivedMessage {
  readonly connectionId: string;
  /** `Date.now()` at arrival. */
  readonly at: number;
  /** The call it names (`authorize`, `ping`...), when recognised. */
  readonly call?: string;
  /**
   * The redacted request; the text `<invalid JSON>` when the frame was not a JSON object, or
   * `<nested too deeply>` when it was refused for nesting past 64 levels.
   */
  readonly message: Readonly<Record<string, unknown>> | '<invalid JSON>' | '<nested too deeply>';
}

/** Options of {@link MockServer.login}. */
export interface MockLoginOptions {
  readonly appId: number;
  /** Fixture user id; the first user (`john`) by default. */
  readonly user?: string;
  readonly state?: string;
  readonly route?: string;
}

/** What a login produced: the redirect URL (with tokens) and the accounts parsed from it. */
export interface MockLoginResult {
  readonly redirectUrl: string;
  readonly accounts: MockLoginAccount[];
}

/**
 * A running mock server, returned by {@link startMockServer}.
 *
 * @example
 * ```ts
 * const server = await startMockServer();
 * const { accounts } = await server.login({ appId: 1089, user: 'readonly' });
 * server.inject({ type: 'noAnswer', call: 'ping' }, { times: 1 });
 * await server.restart(); // same port, sessions forgotten, tokens still valid
 * expect(server.log().map((entry) => entry.call)).toContain('authorize');
 * await server.close();
 * ```
 */
export interface MockServer {
  /** `http://127.0.0.1:PORT`. */
  readonly httpUrl: string;
  /** `ws://127.0.0.1:PORT/websockets/v3` (append `?app_id=N`). */
  readonly wsUrl: string;
  /** `http://127.0.0.1:PORT/oauth2/authorize`. */
  readonly oauthUrl: string;
  readonly port: number;
  /** Every message received since start (or the last `clearLog`), redacted. */
  readonly received: readonly MockReceivedMessage[];
  /** Stop listening and drop every socket. */
  close(): Promise<void>;
  /**
   * Drop every socket and listen again on the same port: sessions and streams forgotten; tokens,
   * balances and injected faults kept.
   *
   * @returns once listening again
   */
  restart(): Promise<void>;
  /**
   * Log in as if the user pressed Authorize on the OAuth page: fresh tokens bound to `appId`.
   *
   * @param options - app id, fixture user (`john` by default), `state` and `route` to send back
   * @returns the redirect URL a browser would land on, and its accounts
   * @throws {Error} (as a rejection) for an unregistered app id or an unknown user
   */
  login(options: MockLoginOptions): Promise<MockLoginResult>;
  /**
   * Make a token invalid from now on: `authorize` with it answers `InvalidToken`, and a session
   * already authorized with it gets `InvalidToken` on its next call that needs auth (then is signed out).
   * A New API access or refresh token is refused from then on (REST `401`, `invalid_grant`).
   */
  revokeToken(token: string): void;
  /** Revoke every token issued to a user so far, as {@link MockServer.revokeToken} does for one. */
  revokeUser(userId: string): void;
  /**
   * Inject a fault. `drop`, `close` and `malformed` without a call act at once; the others wait.
   *
   * @param fault - what goes wrong, see {@link MockFault}
   * @param options - one connection only (`connectionId`) and how many times (`times`, unlimited by default)
   * @returns a function that removes the fault
   * @throws {RangeError} for a close code that cannot be sent, a close reason over 123 bytes, a negative delay or `times` below 1
   */
  inject(fault: MockFault, options?: MockFaultOptions): () => void;
  /** Remove every injected fault. */
  clearFaults(): void;
  /** The live WebSocket connections. */
  connections(): MockConnectionInfo[];
  /** What one connection (or every connection) received, redacted. */
  log(connectionId?: string): MockReceivedMessage[];
  /** Forget the received log. */
  clearLog(): void;
  /** The New API side: its URLs and test helpers (`login`, `issueTokens`). */
  readonly newApi: MockNewApi;
}
