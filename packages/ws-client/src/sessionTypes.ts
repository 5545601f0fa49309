import type { DerivAccount, DerivAuthError, DerivScope } from '@deriv-auth/core';
import type { AuthorizeResult } from './authorizeResult.js';
import type { Authorizer } from './authorizer.js';
import type { CreateDerivClientOptions } from './options.js';
import type { DerivClient } from './createDerivClient.js';
import type { NewApiOptions } from './newApiOptions.js';
import type { TokenStorage } from './tokenStorage.js';
import type { ConnectionStatus } from './types.js';

/**
 * Where the session stands: `signed_out` (no authorized account), `authorizing` (first
 * authorization, a switch, or re-authorization after a reconnect), `authorized`, `error` (see
 * `error`).
 *
 * @example
 * ```ts
 * const signedIn = session.getSnapshot().status === 'authorized';
 * ```
 * @see {@link SessionSnapshot}
 */
export type SessionStatus = 'signed_out' | 'authorizing' | 'authorized' | 'error';

/**
 * Everything an app shows about the session, immutable and token-free: the same object until
 * something changes, so React can read it with `useSyncExternalStore`.
 *
 * @example
 * ```ts
 * const { status, activeAccount, authorize, accounts } = session.getSnapshot();
 * ```
 * @see {@link DerivSession.getSnapshot}
 */
export interface SessionSnapshot {
  readonly status: SessionStatus;
  /** The connection's status (see {@link ConnectionStatus}). */
  readonly connection: ConnectionStatus;
  /** The session's accounts, without their tokens. */
  readonly accounts: readonly { readonly account: string; readonly currency: string }[];
  /** The account requests act as, once chosen. */
  readonly activeAccount?: string;
  /** The last `authorize` result of the active account. */
  readonly authorize?: AuthorizeResult;
  /** Scopes granted to the active token (empty until authorized). */
  readonly scopes: readonly DerivScope[];
  /** Why the session is in `error`, or the last refusal. */
  readonly error?: DerivAuthError;
}

/**
 * Decides whether a call may go out with the granted scopes; return `false` to reject it locally.
 *
 * @example
 * ```ts
 * const allowEverything: ScopeCheck = () => true;
 * ```
 * @see {@link CreateDerivSessionOptions.checkScopes}
 */
export type ScopeCheck = (call: string, scopes: readonly DerivScope[]) => boolean;

/**
 * Options of {@link createDerivSession}.
 *
 * @example
 * ```ts
 * createDerivSession({ client: { appId: 1089, WebSocket }, accounts: redirect.accounts });
 * ```
 * @see {@link createDerivSession}
 */
export interface CreateDerivSessionOptions {
  /** A client to use, or options to create one (the session then closes it on `close()`). */
  client: DerivClient | CreateDerivClientOptions;
  /** Accounts from the OAuth redirect; default: whatever `storage` holds. */
  accounts?: DerivAccount[] | undefined;
  /** Where accounts are kept; default memory only. */
  storage?: TokenStorage | undefined;
  /** Local scope check before each call: `true` (default) uses core's map, `false` skips, or your own function. */
  checkScopes?: boolean | ScopeCheck | undefined;
  /** How a socket is authorized; default {@link createTokenAuthorizer} (with `newApi`: {@link createOtpAuthorizer}). */
  authorizer?: Authorizer | undefined;
  /**
   * Use Deriv's New API instead of the legacy tokens: accounts from its REST list, each socket
   * from a one-time URL, local logout (see {@link NewApiOptions}). `accounts` is then not needed;
   * `checkScopes` defaults to the authorized-state check only (New API scopes have no legacy mapping).
   */
  newApi?: NewApiOptions | undefined;
  /**
   * Authorize the stored active account as soon as the session is created, so a reload keeps the
   * user signed in. Default `true`; it applies only when `accounts` is not given (they come from
   * `storage`) and the storage remembers an active account (`loadActive`). The outcome shows in
   * the snapshot: `authorizing`, then `authorized`, or `error` (see `requiresLogin`).
   */
  resume?: boolean | undefined;
}

/**
 * What {@link DerivSession.logout} achieved on the server. The tokens are forgotten locally in
 * every case; `revoked: false` means the server may still accept some of them (the connection
 * was down or the client closed), so treat them as leaked credentials: they expire, or the user
 * can revoke them under Deriv's security settings.
 *
 * @example
 * ```ts
 * const { revoked, unrevoked } = await session.logout();
 * if (!revoked) console.warn('Could not revoke the sessions of', unrevoked.join(', '));
 * ```
 * @see {@link DerivSession.logout}
 */
export interface LogoutResult {
  /** `true` when no token the session handed out is known to remain valid on the server. */
  readonly revoked: boolean;
  /** Login ids whose tokens may still be valid (empty when `revoked`). */
  readonly unrevoked: readonly string[];
}

/**
 * A signed-in user's session over one client: accounts, the active one, its `authorize` data,
 * switching, logout, scope checks, and re-authorization after every reconnect.
 *
 * @example
 * ```ts
 * const session = createDerivSession({ client, accounts });
 * await session.authorize();
 * session.subscribe(() => console.log(session.getSnapshot().status));
 * ```
 * @see {@link createDerivSession}
 */
export interface DerivSession {
  /** The current {@link SessionSnapshot}; the same object until something changes. */
  getSnapshot(): SessionSnapshot;
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Replaces the session's accounts (e.g. after a new login) and stores them. */
  setAccounts(accounts: DerivAccount[]): void;
  /** Authorizes `account` (default: the active or first one) and keeps it authorized across reconnects. */
  authorize(account?: string): Promise<AuthorizeResult>;
  /** Makes another of the session's accounts active, on the same socket. */
  switchAccount(account: string): Promise<AuthorizeResult>;
  /**
   * Logs out one account (`loginid`) or all, forgetting their tokens, and revokes them on the
   * server: `logout` is sent once the socket is authorized (after a reconnect or an authorize in
   * flight), and tokens a refused switch left behind are authorized once more to be revoked.
   * Resolves with what could not be revoked (see {@link LogoutResult}); never rejects for a
   * connection failure. On the New API the logout is local (no revocation endpoint), then ends
   * the backend's sign-in when `newApi.logout` is set, and rejects only if that fails (the local
   * part is done by then).
   */
  logout(options?: { loginid?: string | undefined }): Promise<LogoutResult>;
  /** Sends a request as the active account, after the local scope check. */
  send: DerivClient['send'];
  /**
   * Opens a stream as the active account, after the local scope check (see
   * {@link DerivClient.stream}); a stream bound to the account ends with `account_switched` on a
   * switch or logout, a market stream (`ticks`) goes on.
   */
  stream: DerivClient['stream'];
  /** Detaches from the client (and closes it when the session created it). */
  close(): Promise<void>;
  /** The client underneath. */
  readonly client: DerivClient;
}
