import type { NewApiAccount } from '@deriv-auth/core';
import type { AuthorizeResult } from './authorizeResult.js';
import type { Authorizer } from './authorizer.js';
import { DerivSessionError } from './derivSessionError.js';

/**
 * Gives a fresh one-time socket URL for an account (`wss://.../ws/demo?otp=...`). The default
 * asks Deriv's REST API with the session's access token; a backend that keeps the tokens can
 * hand out the URL instead. Each URL is opened once, at once, and never logged.
 *
 * @example
 * ```ts
 * const fromBackend: OtpUrlSource = async (accountId) =>
 *   (await fetch(`/api/deriv/otp/${accountId}`, { method: 'POST' })).text();
 * ```
 */
export type OtpUrlSource = (accountId: string) => Promise<string>;

/** Options of {@link createOtpAuthorizer}. */
export interface OtpAuthorizerOptions {
  /** Where each socket's one-time URL comes from. */
  otpUrl: OtpUrlSource;
  /** The accounts as the REST list gave them (for `is_virtual` and `account_list`). */
  listed?: (() => readonly NewApiAccount[]) | undefined;
}

/**
 * The {@link Authorizer} of Deriv's New API: every new socket (first connect, reconnect, account
 * switch) opens from a fresh one-time URL for the active account, so there is one socket per
 * account and no `authorize` message. Once open, one `balance` call confirms which account the
 * socket acts as and fills the session's `authorize` data (`loginid`, `balance`, `currency`,
 * `is_virtual`, `account_list`; `scopes` stays empty: the New API's scopes are not the legacy
 * ones and no mapping is documented).
 *
 * @param options - the OTP URL source and the listed accounts.
 * @example
 * ```ts
 * createDerivSession({ client, newApi: { tokens }, authorizer: createOtpAuthorizer({ otpUrl }) });
 * ```
 * @see https://developers.deriv.com/docs/ (Sockets: one-time URLs)
 */
export function createOtpAuthorizer(options: OtpAuthorizerOptions): Authorizer {
  return {
    socketUrl: ({ account }) => options.otpUrl(account.account),
    authorize: async ({ send, account }) => {
      const reply = await send({ balance: 1 });
      const balance = reply.balance;
      // Server data: every field the snapshot shows is checked before it is used.
      if (
        !balance ||
        typeof balance.loginid !== 'string' ||
        typeof balance.balance !== 'number' ||
        typeof balance.currency !== 'string'
      )
        throw new DerivSessionError(
          'not_authorized',
          `The socket for ${account.account} did not say which account it acts as.`,
        );
      const listed = options.listed?.() ?? [];
      const isVirtual = (id: string): 0 | 1 =>
        listed.find((item) => item.account_id === id)?.account_type === 'demo' ? 1 : 0;
      const result: AuthorizeResult = {
        loginid: balance.loginid,
        balance: balance.balance,
        currency: balance.currency,
        scopes: [],
        is_virtual: isVirtual(balance.loginid),
        account_list: listed.map((item) => ({
          loginid: item.account_id,
          currency: item.currency,
          is_virtual: item.account_type === 'demo' ? 1 : 0,
          is_disabled: item.status === 'inactive' ? 1 : 0,
        })),
      };
      return result;
    },
  };
}
