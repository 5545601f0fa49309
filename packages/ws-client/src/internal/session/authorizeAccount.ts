import {
  LOGIN_ID_PATTERN,
  isDerivApiError,
  isDerivAuthError,
  type DerivAuthError,
} from '@deriv-auth/core';
import type { AuthorizeResult } from '../../authorizeResult.js';
import { DerivSessionError, isDerivSessionError } from '../../derivSessionError.js';
import { classifyAuthorizationFailure } from '../authorizationFailure.js';
import type { AuthorizationStep } from '../authorizationRunner.js';
import { sameAccount, unknownAccountError } from './accountBook.js';
import type { SessionContext } from './sessionState.js';

/**
 * Authorizes `accountName` (default: the active, the remembered, or the first account) and keeps
 * it authorized across reconnects: installs the authorization on the transport, which runs it on
 * the open socket and on every new one before any queued request. Also the account switch.
 */
export function authorizeAccount(
  context: SessionContext,
  accountName?: string,
): Promise<AuthorizeResult> {
  const { book, state, transport, authorizer } = context;
  const remembered = book.storage.loadActive?.();
  const resumed = remembered !== undefined && book.find(remembered) ? remembered : undefined;
  const name = accountName ?? state.fields.activeAccount ?? resumed ?? book.accounts[0]?.account;
  if (name === undefined)
    return Promise.reject(
      new DerivSessionError(
        'no_session_account',
        'There is no account to authorize; sign in first.',
      ),
    );
  const target = book.find(name);
  if (!target) return Promise.reject(unknownAccountError(name));
  const myEpoch = ++state.epoch;
  const isCurrent = (): boolean => myEpoch === state.epoch;
  book.tokensSent = true;
  state.update({
    status: 'authorizing',
    activeAccount: target.account,
    authorize: undefined,
    error: undefined,
  });
  const step: AuthorizationStep = {
    run: async ({ send, reason }) => {
      const active = book.find(target.account) ?? target;
      if (isCurrent() && state.fields.status !== 'authorizing')
        state.update({ status: 'authorizing' });
      let result: AuthorizeResult;
      try {
        result = await authorizer.authorize({
          send: send as never,
          reason,
          account: active,
          accounts: book.accounts,
        });
      } catch (error) {
        const refused = classifyAuthorizationFailure(error) === 'refused';
        if (!refused || !isCurrent()) throw error;
        const sessionError = refusalError(context, error, active.account, reason);
        state.update({ status: 'error', authorize: undefined, error: sessionError });
        throw sessionError;
      }
      // A custom authorizer is typed to return a loginid; checked anyway, it decides the identity.
      const loginid = (result as { loginid?: unknown }).loginid;
      if (typeof loginid !== 'string' || !sameAccount(loginid, active.account)) {
        // A token smuggled in under another account's name: de-authorize the socket, refuse.
        await send({ logout: 1 }).catch(() => undefined);
        // The received id is outside text: shown only when it has a login id's shape.
        const received =
          typeof loginid === 'string' && LOGIN_ID_PATTERN.test(loginid) ? loginid : undefined;
        const mismatch = new DerivSessionError(
          'account_mismatch',
          `The token given for ${active.account} authorized ${received ?? 'another or no account'}; the session was refused.`,
          { details: { expected: active.account, received } },
        );
        if (isCurrent()) state.update({ status: 'error', authorize: undefined, error: mismatch });
        throw mismatch;
      }
      if (isCurrent()) {
        book.storage.saveActive?.(active.account);
        state.update({ status: 'authorized', authorize: result, error: undefined });
      }
      return result;
    },
  };
  const socketUrl = authorizer.socketUrl;
  if (socketUrl)
    step.socketUrl = ({ url }) =>
      new Promise<string>((resolve) => {
        resolve(socketUrl({ account: book.find(target.account) ?? target, url }));
      }).catch((error: unknown) => {
        // A session error (login_required) is final: the transport stops, the session shows it.
        if (isDerivSessionError(error) && isCurrent()) {
          if (error.code === 'login_required') book.forgetAll();
          state.update({ status: 'error', authorize: undefined, error });
        }
        throw error;
      });
  return transport.authorization.set(step).then((result) => {
    if (result === undefined)
      throw new DerivSessionError('not_authorized', 'The authorization was cancelled.');
    return result as AuthorizeResult;
  });
}

/**
 * The session's error for a refused authorization. A dead token (`InvalidToken`) ends the session:
 * every account is forgotten (no retry would ever succeed) and the others' tokens are kept aside
 * for `logout()` to revoke.
 */
function refusalError(
  context: SessionContext,
  error: unknown,
  account: string,
  reason: string,
): DerivAuthError {
  if (isDerivApiError(error) && error.code === 'InvalidToken') {
    context.book.forgetAfterRefusal(account);
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
        // A custom authorizer's own error: outside text, scrubbed of the secrets the client holds.
        cause: context.transport.secrets.scrubCause(error),
      });
}
