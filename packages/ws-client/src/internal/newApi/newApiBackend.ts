import type { DerivAccount, NewApiAccount } from '@deriv-auth/core';
import type { NewApiOptions } from '../../newApiOptions.js';
import type { OtpUrlSource } from '../../otpAuthorizer.js';
import { createRestClient } from './restClient.js';

/** What a New API session uses: the account list, OTP URLs, and the listed accounts kept. */
export interface NewApiBackend {
  otpUrl: OtpUrlSource;
  /** Fetches the account list and keeps it; returns it as session accounts (no tokens). */
  loadAccounts: () => Promise<DerivAccount[]>;
  /** The accounts of the last list. */
  listed: () => readonly NewApiAccount[];
  /** Forgets the list and the tokens (a local logout). */
  clear: () => void;
  /** Ends the sign-in where the tokens are kept (`NewApiOptions.logout`); nothing to do by default. */
  endSignIn: () => Promise<void>;
}

/** Builds the {@link NewApiBackend}: the given sources, or REST with the token source. */
export function createNewApiBackend(options: NewApiOptions): NewApiBackend {
  const tokens = options.tokens;
  const rest =
    tokens === undefined
      ? undefined
      : createRestClient({
          tokens,
          restUrl: options.restUrl,
          fetch: options.fetch,
          timeoutMs: options.restTimeoutMs,
          appId: options.appId,
        });
  const otpUrl = options.otpUrl ?? rest?.otpUrl;
  const listAccounts = options.listAccounts ?? rest?.listAccounts;
  if (!otpUrl || !listAccounts)
    throw new TypeError('`newApi` needs `tokens`, or both `otpUrl` and `listAccounts`.');
  let listed: readonly NewApiAccount[] = [];
  return {
    otpUrl: (accountId) => otpUrl(accountId),
    loadAccounts: async () => {
      // An inactive account cannot get an OTP; unknown statuses pass (a new one must not break sign-in).
      listed = (await listAccounts()).filter((account) => account.status !== 'inactive');
      return listed.map((account) => ({
        account: account.account_id,
        currency: account.currency,
        token: '',
      }));
    },
    listed: () => listed,
    clear: () => {
      listed = [];
      tokens?.clear();
    },
    endSignIn: () => (options.logout ? options.logout() : Promise.resolve()),
  };
}
