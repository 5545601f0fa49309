import type { DerivAccount } from '@deriv-auth/core';
import { DerivLoginError } from '../derivLoginError.js';

/** An account as the chooser sees it: no token, so app code never handles one. */
export interface AccountSummary {
  readonly account: string;
  readonly currency: string;
}

/**
 * Which account {@link completeLogin} authorizes: `'first'` (as Deriv listed them), `'virtual'`
 * (the first demo account, else the first), `'real'` (the first real account, else the first), or a
 * function returning the login id.
 */
export type AccountChoice =
  'first' | 'virtual' | 'real' | ((accounts: readonly AccountSummary[]) => string | undefined);

// Deriv demo login ids start with VR (VRTC..., VRW...).
const isVirtual = (account: string): boolean => /^vr/i.test(account);

export function pickAccount(accounts: readonly DerivAccount[], choice: AccountChoice): string {
  const summaries = accounts.map(({ account, currency }) => ({ account, currency }));
  const picked =
    typeof choice === 'function'
      ? choice(summaries)
      : (
          summaries.find(
            (summary) =>
              choice === 'first' || isVirtual(summary.account) === (choice === 'virtual'),
          ) ?? summaries[0]
        )?.account;
  const match = summaries.find(
    (summary) => summary.account.toUpperCase() === picked?.toUpperCase(),
  );
  if (!match) {
    throw new DerivLoginError('account_not_found', 'No such account in the redirect.');
  }
  return match.account;
}
