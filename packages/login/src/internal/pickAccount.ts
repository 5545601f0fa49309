import type { DerivAccount } from '@deriv-auth/core';
import type { AccountChoice, AccountSummary } from '../accountChoice.js';
import { DerivLoginError } from '../derivLoginError.js';

// Deriv demo login ids start with VR (VRTC..., VRW...).
const isVirtual = (account: string): boolean => /^vr/i.test(account);

function pickByKind(
  summaries: readonly AccountSummary[],
  choice: AccountChoice,
): string | undefined {
  if (typeof choice === 'function') return choice(summaries);
  if (choice === 'first') return summaries[0]?.account;
  const { prefer, fallback } = typeof choice === 'string' ? { prefer: choice } : choice;
  const match =
    summaries.find((summary) => isVirtual(summary.account) === (prefer === 'virtual')) ??
    (fallback === 'first' ? summaries[0] : undefined);
  if (match) return match.account;
  throw new DerivLoginError('no_matching_account', `The login returned no ${prefer} account.`, {
    details: { prefer, accounts: summaries.length },
  });
}

/** Resolves `choice` against the redirect's accounts to one login id it carries. */
export function pickAccount(accounts: readonly DerivAccount[], choice: AccountChoice): string {
  const summaries = accounts.map(({ account, currency }) => ({ account, currency }));
  const picked = pickByKind(summaries, choice)?.toUpperCase();
  const match = summaries.find((summary) => summary.account.toUpperCase() === picked);
  if (!match) {
    throw new DerivLoginError('account_not_found', 'No such account in the redirect.');
  }
  return match.account;
}
