import { isDerivApiError } from '@deriv-auth/core';
import { authorizeWithToken } from '../../authorizeWithToken.js';
import type { DerivClient } from '../../createDerivClient.js';
import type { LogoutResult } from '../../sessionTypes.js';
import { sameAccount, unknownAccountError } from './accountBook.js';
import { authorizeAccount } from './authorizeAccount.js';
import type { NewApiBackend } from '../newApi/newApiBackend.js';
import type { SessionContext } from './sessionState.js';

/** How long a `logout` may take (re-authorization included) before it counts as not revoked. */
const LOGOUT_TIMEOUT_MS = 10_000;

type Revocation = 'revoked' | 'unauthorized' | 'failed';

/**
 * Sends `logout` as the socket's current identity: queued behind the installed authorization, so
 * it goes out once the socket is (re-)authorized, whatever the connection is doing now.
 */
async function sendLogout(client: DerivClient, loginid?: string): Promise<Revocation> {
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

/**
 * After one account of several is forgotten: authorize the next one when it was the active one,
 * else publish the shorter account list.
 */
async function moveOnFrom(context: SessionContext, removed: string): Promise<void> {
  const active = context.state.fields.activeAccount;
  if (active !== undefined && sameAccount(active, removed))
    await authorizeAccount(context, context.book.accounts[0]?.account);
  else context.state.publish();
}

/**
 * Logs out one account (`loginid`) or all, forgetting their tokens, and revokes them on the server
 * (see `DerivSession.logout`). Never rejects for a connection failure: what could not be revoked
 * is in the result.
 */
export async function logoutAccounts(
  context: SessionContext,
  client: DerivClient,
  loginid: string | undefined,
): Promise<LogoutResult> {
  const { book, state, transport } = context;
  const target = loginid === undefined ? undefined : book.find(loginid);
  if (loginid !== undefined && !target) throw unknownAccountError(loginid);
  if (target && book.accounts.length > 1) {
    book.remove(target);
    const outcome = book.tokensSent ? await sendLogout(client, target.account) : 'revoked';
    await moveOnFrom(context, target.account);
    return outcome === 'revoked'
      ? { revoked: true, unrevoked: [] }
      : { revoked: false, unrevoked: [target.account] };
  }
  const { held, mayBeLive } = book.forgetAll();
  state.signOut();
  if (!mayBeLive) {
    await transport.authorization.set(undefined);
    return { revoked: true, unrevoked: [] };
  }
  // The installed authorization (if any) runs on the next socket first: logging out while
  // reconnecting or while the first authorize is in flight revokes once the socket is authorized.
  let outcome = await sendLogout(client);
  const [first, ...others] = held;
  if (outcome === 'unauthorized' && first) {
    // The socket is not authorized (a refused switch left it so): authorize the tokens still held,
    // once, to revoke them.
    const revoking = transport.authorization.set({
      run: ({ send }) =>
        authorizeWithToken(send, {
          token: first.token,
          tokens: others.slice(0, 25).map((other) => other.token),
        }),
    });
    outcome = await revoking.then(
      () => sendLogout(client),
      (error: unknown) =>
        isDerivApiError(error) && error.code === 'InvalidToken' ? 'revoked' : 'failed',
    );
  }
  // No re-authorization on the next socket.
  await transport.authorization.set(undefined).catch(() => undefined);
  return outcome === 'revoked'
    ? { revoked: true, unrevoked: [] }
    : { revoked: false, unrevoked: held.map((account) => account.account) };
}

/**
 * New API logout, local as Deriv documents it (no revocation endpoint): the account (or every
 * account) is forgotten; for all, the socket closes, the tokens are cleared, and then the sign-in
 * ends where the tokens are kept (`newApi.logout`, a backend). The tokens are not revoked at Deriv
 * (they expire), hence `revoked: false`. A backend that fails to end its session rejects the
 * logout, after the local part is done: the app must know the user may still be signed in there.
 */
export async function logoutLocally(
  context: SessionContext,
  newApi: NewApiBackend,
  loginid: string | undefined,
): Promise<LogoutResult> {
  const { book, state, transport } = context;
  const target = loginid === undefined ? undefined : book.find(loginid);
  if (loginid !== undefined && !target) throw unknownAccountError(loginid);
  if (target && book.accounts.length > 1) {
    book.remove(target);
    await moveOnFrom(context, target.account);
    return { revoked: false, unrevoked: [target.account] };
  }
  const { held } = book.forgetAll();
  state.signOut();
  newApi.clear();
  await transport.authorization.set(undefined);
  transport.closeSocket();
  await newApi.endSignIn();
  return { revoked: false, unrevoked: held.map((account) => account.account) };
}
