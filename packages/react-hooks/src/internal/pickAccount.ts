import type { DerivAccount } from '@deriv-auth/core';
import type { AccountChoice } from '../accountChoice.js';
import { DerivLoginError } from '../derivLoginError.js';

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
