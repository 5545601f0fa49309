import {
  CALL_REQUIREMENTS,
  getCallName,
  isCallAllowed,
  isDerivApiError,
  isDerivAuthError,
  isDerivScope,
  LOGIN_ID_PATTERN,
} from '@deriv-auth/core';
import type { DerivAccount, DerivAuthError, DerivScope } from '@deriv-auth/core';
import { authorizeWithToken, type AuthorizeResult } from './authorizeWithToken.js';
import { createTokenAuthorizer } from './authorizer.js';
import type { ConnectionHandshake } from './connectionHandshake.js';
import { createDerivClient, type DerivClient } from './createDerivClient.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import { DerivSessionError } from './derivSessionError.js';
import { ListenerSet } from './internal/listenerSet.js';
import type {
  DerivSession,
  DerivSessionOptions,
  LogoutResult,
  SessionSnapshot,
} from './sessionTypes.js';
import { createMemoryStorage } from './tokenStorage.js';

interface SessionState {
  status: SessionSnapshot['status'];
  activeAccount: string | undefined;
  authorize: AuthorizeResult | undefined;
  error: DerivAuthError | undefined;
}

const sameAccount = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Creates a {@link DerivSession}: it authorizes the user's accounts on one client, re-authorizes
 * after every reconnect before any queued request, switches accounts on the same socket, checks
 * scopes locally, and never puts a token in its snapshot.
 *
 * @param options - the client (or its options), the accounts, storage, scope check, authorizer.
 * @returns the session.
 * @throws {TypeError} when client options carry an invalid endpoint.
 * With a storage that holds accounts and an active account (a page reload) and no `accounts`
 * option, the session authorizes that account at once (`resume`, default `true`).
 *
 * @example
 * ```ts
 * // sentState: the state you sent with the login URL (createOAuthState), read back from storage
 * const { accounts } = parseOAuthRedirect(location.href, { expectedState: sentState });
 * const session = createDerivSession({ client: { appId: 1089 }, accounts });
 * const me = await session.authorize();
 * console.log(me.loginid, session.getSnapshot().scopes);
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 */
export function createDerivSession(options: DerivSessionOptions): DerivSession {
  const ownsClient = !isDerivClient(options.client);
  const client = isDerivClient(options.client) ? options.client : createDerivClient(options.client);
  const storage = options.storage ?? createMemoryStorage();
  const authorizer = options.authorizer ?? createTokenAuthorizer();
  const checkScopes = options.checkScopes ?? true;
  const listeners = new ListenerSet();
  let accounts: DerivAccount[] = dedupe(options.accounts ?? storage.load() ?? []);
  if (options.accounts) storage.save(accounts);
  let state: SessionState = {
    status: 'signed_out',
    activeAccount: undefined,
    authorize: undefined,
    error: undefined,
  };
  let snapshot = buildSnapshot();
  /** Bumped whenever the active identity changes; replies and results of older epochs are dropped. */
  let epoch = 0;
  /** Whether a token was handed to the client since the last full logout (so one may be live). */
  let tokensSent = false;
  /**
   * Accounts forgotten by a refusal (`session_ended`) whose tokens may still be valid (the others
   * of a multi-account authorize): a later `logout()` still revokes them.
   */
  let unrevokedAfterRefusal: DerivAccount[] = [];

  function buildSnapshot(): SessionSnapshot {
    const next: { -readonly [K in keyof SessionSnapshot]: SessionSnapshot[K] } = {
      status: state.status,
      connection: client.getSnapshot().status,
      accounts: accounts.map(({ account, currency }) => Object.freeze({ account, currency })),
      scopes: Object.freeze((state.authorize?.scopes ?? []).filter(isDerivScope)),
    };
    if (state.activeAccount !== undefined) next.activeAccount = state.activeAccount;
    if (state.authorize !== undefined) next.authorize = state.authorize;
    if (state.error !== undefined) next.error = state.error;
    return Object.freeze(next);
  }

  function publish(): void {
    const next = buildSnapshot();
    const previous = snapshot;
    const changed =
      next.status !== previous.status ||
      next.connection !== previous.connection ||
      next.activeAccount !== previous.activeAccount ||
      next.authorize !== previous.authorize ||
      next.error !== previous.error ||
      JSON.stringify(next.accounts) !== JSON.stringify(previous.accounts);
    if (!changed) return;
    snapshot = next;
    listeners.notify();
  }

  function update(patch: Partial<SessionState>): void {
    state = { ...state, ...patch };
    publish();
  }

  const unsubscribeClient = client.subscribe(() => {
    const connection = client.getSnapshot();
    if (connection.status === 'closed' && state.status === 'authorizing') {
      const cause = connection.lastError;
      update({
        status: 'error',
        error: isDerivAuthError(cause)
          ? cause
          : new DerivSessionError(
              'not_authorized',
              'The connection closed before the session was authorized.',
              { cause },
            ),
      });
    } else publish();
  });

  function findAccount(account: string): DerivAccount | undefined {
    return accounts.find((candidate) => sameAccount(candidate.account, account));
  }

  function failWith(error: unknown, account: string, reason: string): DerivAuthError {
    if (isDerivApiError(error) && error.code === 'InvalidToken') {
      // The token is dead: forget it and end the session; no retry would ever succeed. The other
      // accounts' tokens may still be live: logout() revokes them.
      unrevokedAfterRefusal = dedupe([
        ...unrevokedAfterRefusal,
        ...accounts.filter((other) => !sameAccount(other.account, account)),
      ]);
      accounts = [];
      storage.clear();
      const when = reason === 'reconnect' ? 'after a reconnect' : 'when authorizing';
      return new DerivSessionError(
        'session_ended',
        `The server refused the token of ${account} ${when} (${error.code}); sign in again.`,
        { cause: error },
      );
    }
    return isDerivAuthError(error)
      ? error
      : new DerivSessionError('not_authorized', `Could not authorize ${account}.`, {
          cause: error,
        });
  }

  function authorize(accountName?: string): Promise<AuthorizeResult> {
    const remembered = storage.loadActive?.();
    const resumed = remembered !== undefined && findAccount(remembered) ? remembered : undefined;
    const name = accountName ?? state.activeAccount ?? resumed ?? accounts[0]?.account;
    if (name === undefined)
      return Promise.reject(
        new DerivSessionError('no_accounts', 'There is no account to authorize; sign in first.'),
      );
    const target = findAccount(name);
    if (!target) return Promise.reject(unknownAccount(name));
    const myEpoch = ++epoch;
    const isCurrent = (): boolean => myEpoch === epoch;
    tokensSent = true;
    update({
      status: 'authorizing',
      activeAccount: target.account,
      authorize: undefined,
      error: undefined,
    });
    const handshake: ConnectionHandshake<AuthorizeResult> = {
      run: async (context) => {
        const active = findAccount(target.account) ?? target;
        if (isCurrent() && state.status !== 'authorizing') update({ status: 'authorizing' });
        let result: AuthorizeResult;
        try {
          result = await authorizer.authorize({ ...context, account: active, accounts });
        } catch (error) {
          const transient = isDerivConnectionError(error) && error.code !== 'invalid_response';
          if (!transient && isCurrent())
            update({
              status: 'error',
              authorize: undefined,
              error: failWith(error, active.account, context.reason),
            });
          throw transient || !isCurrent() ? error : (state.error ?? error);
        }
        // A custom authorizer is typed to return a loginid; checked anyway, it decides the identity.
        const loginid = (result as { loginid?: unknown }).loginid;
        if (typeof loginid !== 'string' || !sameAccount(loginid, active.account)) {
          // A token smuggled in under another account's name: de-authorize the socket, refuse.
          await context.send({ logout: 1 }).catch(() => undefined);
          const mismatch = new DerivSessionError(
            'account_mismatch',
            `The token given for ${active.account} authorized ${typeof loginid === 'string' ? loginid : 'no account'}; the session was refused.`,
            {
              details: { expected: active.account, received: loginid },
            },
          );
          if (isCurrent()) update({ status: 'error', authorize: undefined, error: mismatch });
          throw mismatch;
        }
        if (isCurrent()) {
          storage.saveActive?.(active.account);
          update({ status: 'authorized', authorize: result, error: undefined });
        }
        return result;
      },
    };
    const socketUrl = authorizer.socketUrl;
    if (socketUrl)
      handshake.socketUrl = ({ url }) =>
        socketUrl({ account: findAccount(target.account) ?? target, url });
    return client.setHandshake(handshake).then((result) => {
      if (result === undefined)
        throw new DerivSessionError('not_authorized', 'The authorization was cancelled.');
      return result;
    });
  }

  /**
   * Sends `logout` as the socket's current identity: queued behind the installed handshake, so
   * it goes out once the socket is (re-)authorized, whatever the connection is doing now.
   */
  async function sendLogout(loginid?: string): Promise<'revoked' | 'unauthorized' | 'failed'> {
    try {
      await client.send(loginid === undefined ? { logout: 1 } : { logout: 1, loginid }, {
        timeoutMs: LOGOUT_TIMEOUT_MS,
      });
      return 'revoked';
    } catch (error) {
      // A dead token needs no revoking; an unauthorized socket has nothing to log out.
      if (isDerivApiError(error) && error.code === 'InvalidToken') return 'revoked';
      if (isDerivApiError(error) && error.code === 'AuthorizationRequired') return 'unauthorized';
      return 'failed';
    }
  }

  async function logout(logoutOptions?: { loginid?: string | undefined }): Promise<LogoutResult> {
    const loginid = logoutOptions?.loginid;
    const target = loginid === undefined ? undefined : findAccount(loginid);
    if (loginid !== undefined && !target) throw unknownAccount(loginid);
    if (target && accounts.length > 1) {
      accounts = accounts.filter((account) => account !== target);
      storage.save(accounts);
      const outcome = tokensSent ? await sendLogout(target.account) : 'revoked';
      if (state.activeAccount !== undefined && sameAccount(state.activeAccount, target.account)) {
        await authorize(accounts[0]?.account);
      } else publish();
      return outcome === 'revoked'
        ? { revoked: true, unrevoked: [] }
        : { revoked: false, unrevoked: [target.account] };
    }
    const held = dedupe([...accounts, ...unrevokedAfterRefusal]);
    const mayBeLive = tokensSent && held.length > 0;
    epoch += 1;
    accounts = [];
    unrevokedAfterRefusal = [];
    tokensSent = false;
    storage.clear();
    update({
      status: 'signed_out',
      activeAccount: undefined,
      authorize: undefined,
      error: undefined,
    });
    if (!mayBeLive) {
      await client.setHandshake(undefined);
      return { revoked: true, unrevoked: [] };
    }
    // The installed handshake (if any) authorizes the next socket first: logging out while
    // reconnecting or while the first authorize is in flight revokes once the socket is authorized.
    let outcome = await sendLogout();
    const [first, ...others] = held;
    if (outcome === 'unauthorized' && first) {
      // The socket is not authorized (a refused switch left it so): authorize the tokens still held,
      // once, to revoke them.
      const revoking = client.setHandshake({
        run: ({ send: sendOnSocket }) =>
          authorizeWithToken(sendOnSocket, {
            token: first.token,
            tokens: others.slice(0, 25).map((other) => other.token),
          }),
      });
      outcome = await revoking.then(
        () => sendLogout(),
        (error: unknown) =>
          isDerivApiError(error) && error.code === 'InvalidToken' ? 'revoked' : 'failed',
      );
    }
    // No re-authorization on the next socket.
    await client.setHandshake(undefined).catch(() => undefined);
    return outcome === 'revoked'
      ? { revoked: true, unrevoked: [] }
      : { revoked: false, unrevoked: held.map((account) => account.account) };
  }

  const send: DerivClient['send'] = (request, sendOptions) => {
    const call = getCallName(request);
    const requirement = call === undefined ? undefined : CALL_REQUIREMENTS[call];
    if (call !== undefined && requirement?.authRequired && checkScopes !== false) {
      if (state.status === 'signed_out' || state.status === 'error') {
        return Promise.reject(
          new DerivSessionError(
            'not_authorized',
            `\`${call}\` needs an authorized session; call authorize() first.`,
            { details: { call } },
          ),
        );
      }
      const scopes: readonly DerivScope[] = snapshot.scopes;
      const allowed =
        typeof checkScopes === 'function' ? checkScopes(call, scopes) : isCallAllowed(call, scopes);
      if (state.status === 'authorized' && !allowed) {
        return Promise.reject(
          new DerivSessionError(
            'permission_denied',
            `\`${call}\` needs one of the scopes ${requirement.scopes.join(', ')}; this session has ${scopes.join(', ') || 'none'}.`,
            {
              details: { call, required: requirement.scopes, granted: scopes },
            },
          ),
        );
      }
    }
    const sentEpoch = epoch;
    const reply = client.send(request, sendOptions);
    // Public calls do not depend on the account; everything else must come from the current one.
    if (requirement && !requirement.authRequired) return reply;
    return reply.then((value) => {
      if (sentEpoch !== epoch)
        throw new DerivSessionError(
          'account_switched',
          `The reply to \`${call ?? 'request'}\` belongs to an account that is no longer active.`,
        );
      return value;
    });
  };

  // Resume (a reload): accounts from storage and a remembered active account are authorized now.
  const remembered =
    options.resume !== false && options.accounts === undefined ? storage.loadActive?.() : undefined;
  if (remembered !== undefined && findAccount(remembered))
    // The outcome shows in the snapshot (`authorized`, or `error` with the reason).
    authorize(remembered).catch(() => undefined);

  return {
    client,
    getSnapshot: () => snapshot,
    subscribe: (listener) => listeners.add(listener),
    setAccounts: (next) => {
      accounts = dedupe(next);
      storage.save(accounts);
      if (state.activeAccount !== undefined && !findAccount(state.activeAccount))
        update({ activeAccount: undefined });
      else publish();
    },
    authorize,
    switchAccount: (account) => {
      if (!findAccount(account)) return Promise.reject(unknownAccount(account));
      return authorize(account);
    },
    logout,
    send,
    close: async () => {
      epoch += 1;
      unsubscribeClient();
      listeners.clear();
      if (ownsClient) await client.close();
      else await client.setHandshake(undefined);
    },
  };
}

/** How long a `logout` may take (re-authorization included) before it counts as not revoked. */
const LOGOUT_TIMEOUT_MS = 10_000;

function isDerivClient(value: DerivSessionOptions['client']): value is DerivClient {
  return typeof (value as Partial<DerivClient>).setHandshake === 'function';
}

/**
 * The `unknown_account` error. The name is echoed only when it looks like a loginid: a caller who
 * passes a token where an account name belongs (`authorize(token)`) must not find it in the message.
 */
function unknownAccount(name: string): DerivSessionError {
  const shown = LOGIN_ID_PATTERN.test(name) ? name : 'The given account name';
  return new DerivSessionError(
    'unknown_account',
    `${shown} is not one of this session's accounts.`,
  );
}

function dedupe(accounts: readonly DerivAccount[]): DerivAccount[] {
  const seen = new Set<string>();
  return accounts.filter(({ account }) => {
    const key = account.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
