import { LOGIN_ID_PATTERN, type DerivAccount } from '@deriv-auth/core';
import { DerivSessionError } from '@deriv-auth/ws-client';
import type { AccountChoice, AccountSummary } from '../accountChoice.js';
import { DerivLoginError } from '../derivLoginError.js';

// Deriv demo login ids start with VR (VRTC..., VRW...).
const isVirtual = (account: string): boolean => /^vr/i.test(account);

function pickByKind(
  summaries: readonly AccountSummary[],
  choice: AccountChoice,
  isVirtualAccount: (account: string) => boolean = isVirtual,
): string {
  if (typeof choice === 'function') {
    const picked = choice(summaries);
    if (picked !== undefined) return picked;
    throw new DerivLoginError('no_matching_account', 'The account chooser picked no account.', {
      details: { accounts: summaries.length },
    });
  }
  const { prefer, fallback } =
    typeof choice === 'string' ? { prefer: choice, fallback: undefined } : choice;
  const match =
    prefer === 'first'
      ? summaries[0]
      : (summaries.find(
          (summary) => isVirtualAccount(summary.account) === (prefer === 'virtual'),
        ) ?? (fallback === 'first' ? summaries[0] : undefined));
  if (match) return match.account;
  throw new DerivLoginError('no_matching_account', `The login returned no ${prefer} account.`, {
    details: { prefer, accounts: summaries.length },
  });
}

/**
 * Resolves `choice` against the redirect's accounts to one login id it carries. A chooser naming
 * another account gets the session's own refusal for an account it does not hold.
 */
export function pickAccount(accounts: readonly DerivAccount[], choice: AccountChoice): string {
  const summaries = accounts.map(({ account, currency }) => ({ account, currency }));
  return resolvePicked(summaries, pickByKind(summaries, choice), 'the login redirect');
}

/**
 * The listed id `picked` names (in any letter case), or the session's own refusal for an account
 * it does not hold.
 */
function resolvePicked(
  summaries: readonly AccountSummary[],
  picked: string,
  where: string,
): string {
  const match = summaries.find((summary) => summary.account.toUpperCase() === picked.toUpperCase());
  if (match) return match.account;
  // Echo the name only when it looks like a login id: a chooser returning a token by mistake
  // must not put it in a message.
  const shown = LOGIN_ID_PATTERN.test(picked) ? picked : 'The picked account';
  throw new DerivSessionError('unknown_account', `${shown} is not in ${where}.`);
}

/**
 * New API: resolves `choice` against the accounts the REST list gave (demo or real by its
 * `account_type`, never by the id's prefix), to one listed id.
 */
export function pickListedAccount(
  listed: readonly {
    loginid?: string | undefined;
    currency?: string | undefined;
    is_virtual?: number | undefined;
  }[],
  choice: AccountChoice,
): string {
  const summaries = listed.flatMap(({ loginid, currency }) =>
    typeof loginid === 'string' ? [{ account: loginid, currency: currency ?? '' }] : [],
  );
  const virtual = new Set(
    listed.filter((item) => item.is_virtual === 1).map((item) => item.loginid),
  );
  const picked = pickByKind(summaries, choice, (account) => virtual.has(account));
  return resolvePicked(summaries, picked, 'the account list');
}
