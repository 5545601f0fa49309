import { isDerivAuthError } from '@deriv-auth/core';
import type { AuthorizeResult } from './authorizeResult.js';
import { createTokenAuthorizer } from './authorizer.js';
import { createDerivClient, transportOf, type DerivClient } from './createDerivClient.js';
import { DerivSessionError } from './derivSessionError.js';
import { AccountBook } from './internal/session/accountBook.js';
import { authorizeAccount } from './internal/session/authorizeAccount.js';
import { logoutAccounts, logoutLocally } from './internal/session/logoutAccounts.js';
import { createScopedSend } from './internal/session/scopedSend.js';
import { createNewApiBackend, type NewApiBackend } from './internal/newApi/newApiBackend.js';
import { createOtpAuthorizer } from './otpAuthorizer.js';
import { SessionState, type SessionContext } from './internal/session/sessionState.js';
import type { StreamSend } from './internal/streams/streamHub.js';
import type { CreateDerivClientOptions } from './options.js';
import type { CreateDerivSessionOptions, DerivSession } from './sessionTypes.js';
import { createMemoryStorage } from './tokenStorage.js';

/**
 * Creates a {@link DerivSession}: it authorizes the user's accounts on one client, re-authorizes
 * after every reconnect before any queued request, switches accounts on the same socket, checks
 * scopes locally, and never puts a token in its snapshot.
 *
 * @remarks
 * With a storage that holds accounts and an active account (a page reload) and no `accounts`
 * option, the session authorizes that account at once (`resume`, default `true`).
 *
 * @param options - the client (or its options), the accounts, storage, scope check, authorizer.
 * @throws {TypeError} when client options carry an invalid endpoint, or `client` is not a client
 *   made by `createDerivClient`.
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
export function createDerivSession(options: CreateDerivSessionOptions): DerivSession {
  const ownsClient = !isClient(options.client);
  const client = isClient(options.client) ? options.client : createDerivClient(options.client);
  const transport = transportOf(client);
  if (!transport)
    throw new TypeError('`client` must be a client made by createDerivClient, or its options.');
  const book = new AccountBook(options.storage ?? createMemoryStorage(), options.accounts);
  // A throwing session listener is isolated and counted with the client's (`listenerErrors`).
  const state = new SessionState(client, book, () => {
    transport.noteListenerError();
  });
  const newApi = options.newApi ? createNewApiBackend(options.newApi) : undefined;
  const context: SessionContext = {
    transport,
    book,
    state,
    authorizer:
      options.authorizer ??
      (newApi
        ? createOtpAuthorizer({ otpUrl: newApi.otpUrl, listed: newApi.listed })
        : createTokenAuthorizer()),
  };
  // New API: the accounts come from the REST list, loaded before the first authorization, and
  // again when accounts came from storage (a reload) with no list yet: the list says which
  // account is demo or real, which no account id does.
  let loading: Promise<void> | undefined;
  const authorize = (account?: string): Promise<AuthorizeResult> => {
    if (!newApi || (book.accounts.length > 0 && newApi.listed().length > 0))
      return authorizeAccount(context, account);
    loading ??= loadNewApiAccounts(context, newApi).finally(() => {
      loading = undefined;
    });
    return loading.then(() => authorizeAccount(context, account));
  };

  const unsubscribeClient = client.subscribe(() => {
    const connection = client.getSnapshot();
    if (connection.status !== 'closed' || state.fields.status !== 'authorizing') {
      state.publish();
      return;
    }
    const cause = connection.lastError;
    state.update({
      status: 'error',
      error: isDerivAuthError(cause)
        ? cause
        : new DerivSessionError(
            'not_authorized',
            'The connection closed before the session was authorized.',
            { cause },
          ),
    });
  });

  // Resume (a reload): accounts from storage and a remembered active account are authorized now.
  const remembered =
    options.resume !== false && options.accounts === undefined
      ? book.storage.loadActive?.()
      : undefined;
  if (remembered !== undefined && book.find(remembered))
    // The outcome shows in the snapshot (`authorized`, or `error` with the reason).
    authorize(remembered).catch(() => undefined);

  const send = createScopedSend(client, state, options.checkScopes ?? (newApi ? () => true : true));
  return {
    client,
    getSnapshot: () => state.store.getSnapshot(),
    subscribe: (listener) => state.store.subscribe(listener),
    setAccounts: (next) => {
      book.replace(next);
      const active = state.fields.activeAccount;
      if (active !== undefined && !book.find(active)) state.update({ activeAccount: undefined });
      else state.publish();
    },
    authorize,
    switchAccount: (account) => authorize(account),
    logout: (logoutOptions) =>
      newApi
        ? logoutLocally(context, newApi, logoutOptions?.loginid)
        : logoutAccounts(context, client, logoutOptions?.loginid),
    send,
    stream: (request, streamOptions) =>
      transport.streams.open(request, streamOptions, send as StreamSend) as never,
    close: async () => {
      state.epoch += 1;
      unsubscribeClient();
      state.clearListeners();
      if (ownsClient) await client.close();
      else await transport.authorization.set(undefined);
    },
  };
}

/** A client object rather than the options to create one (options always carry `appId`). */
function isClient(value: DerivClient | CreateDerivClientOptions): value is DerivClient {
  return !('appId' in value);
}

/** New API: the accounts from the REST list; a refusal (`login_required`) shows in the snapshot. */
async function loadNewApiAccounts(context: SessionContext, newApi: NewApiBackend): Promise<void> {
  try {
    context.book.replace(await newApi.loadAccounts());
    context.state.publish();
  } catch (error) {
    if (isDerivAuthError(error)) context.state.update({ status: 'error', error });
    throw error;
  }
}
