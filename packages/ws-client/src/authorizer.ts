import type { DerivAccount } from '@deriv-auth/core';
import type { AuthorizeResult } from './authorizeResult.js';
import { authorizeWithToken } from './authorizeWithToken.js';
import type { DerivRequest, DerivResponseFor, SendOptions } from './messageTypes.js';

/**
 * What an {@link Authorizer} gets: the account to act as, every account of the session, and a
 * `send` bound to the socket being authorized.
 */
export interface AuthorizerContext {
  /** Sends on this socket at once, ahead of the queued requests, which wait for the authorization. */
  send: <Request extends DerivRequest>(
    request: Request,
    options?: SendOptions,
  ) => Promise<DerivResponseFor<Request>>;
  /** `connect`: first socket; `reconnect`: a socket after a loss; `replace`: a switch on the open socket. */
  reason: 'connect' | 'reconnect' | 'replace';
  /** The account to make active. */
  account: DerivAccount;
  /** Every account of the session, the active one included. */
  accounts: readonly DerivAccount[];
}

/**
 * The one extension point for how a socket comes to act as an account. The default
 * ({@link createTokenAuthorizer}) sends `authorize` with the account's token; Deriv's new API
 * instead opens each socket from a one-time URL (`socketUrl`) and needs no message, and fits here
 * without touching the session.
 *
 * @remarks
 * What a failure means is decided in one place: a lost connection or a timeout makes the
 * authorization run again on the next socket; anything else (a server error such as
 * `InvalidToken`, an unreadable reply) is a refusal: the session goes to `error`, queued requests
 * reject with that error, and the socket stays open but unauthorized (no reconnect loop).
 *
 * @example
 * ```ts
 * const otpAuthorizer: Authorizer = {
 *   socketUrl: async ({ account }) => (await fetch(`/socket-url/${account.account}`)).text(),
 *   authorize: async ({ account }) =>
 *     ({ loginid: account.account, scopes: ['read'], balance: 0, currency: account.currency }),
 * };
 * ```
 * @see https://developers.deriv.com/docs/websockets
 */
export interface Authorizer {
  /** URL for a new socket for `account` (one-time URL flows); omit to use the client's endpoint. */
  socketUrl?:
    ((context: { account: DerivAccount; url: string }) => string | Promise<string>) | undefined;
  /** Authorizes the socket as `context.account`; resolves with the account's `authorize` data. */
  authorize: (context: AuthorizerContext) => Promise<AuthorizeResult>;
}

/**
 * The default {@link Authorizer}: `authorize` with the active account's token plus, as `tokens`,
 * the tokens of the session's other accounts (at most 25), so every account is usable with
 * `loginid` on one socket.
 *
 * @param options - `addToLoginHistory` for the first authorization of a login.
 * @example
 * ```ts
 * createDerivSession({ client, authorizer: createTokenAuthorizer({ addToLoginHistory: true }) });
 * ```
 * @see https://developers.deriv.com/docs/websockets (authorize)
 */
export function createTokenAuthorizer(options?: {
  addToLoginHistory?: boolean | undefined;
}): Authorizer {
  return {
    authorize: ({ account, accounts, send }) => {
      const tokens = accounts
        .filter((other) => other.token !== account.token)
        .slice(0, 25)
        .map((other) => other.token);
      return authorizeWithToken(send, {
        token: account.token,
        tokens,
        ...(options?.addToLoginHistory === undefined
          ? {}
          : { addToLoginHistory: options.addToLoginHistory }),
      });
    },
  };
}
