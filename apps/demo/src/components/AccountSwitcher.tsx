import type { Authorize } from '@deriv-auth/core';

/** One row of the switcher: what the session holds (no token) plus what `authorize` told us. */
interface AccountRow {
  readonly account: string;
  readonly currency: string;
  readonly isVirtual: boolean;
  readonly isDisabled: boolean;
  /** `false` for an account `authorize` listed but the login brought no token for. */
  readonly hasToken: boolean;
}

/** Props of {@link AccountSwitcher}. */
export interface AccountSwitcherProps {
  /** The accounts of this login, from the session snapshot (never tokens). */
  readonly accounts: readonly { readonly account: string; readonly currency: string }[];
  /** The authorized account. */
  readonly activeAccount: string | undefined;
  /** The last `authorize` answer, for account types and disabled flags. */
  readonly authorize: Authorize | undefined;
  /** The account being switched to, while a switch runs. */
  readonly switchingTo: string | undefined;
  /** Called with the login id to switch to. */
  readonly onSwitch: (account: string) => void;
}

const rowsOf = ({ accounts, authorize }: AccountSwitcherProps): AccountRow[] => {
  const listed = authorize?.account_list ?? [];
  const find = (account: string) =>
    listed.find((entry) => entry.loginid?.toUpperCase() === account.toUpperCase());
  const withTokens = accounts.map(({ account, currency }): AccountRow => {
    const entry = find(account);
    return {
      account,
      currency: currency === '' ? (entry?.currency ?? '') : currency,
      isVirtual: entry?.is_virtual === 1 || /^VR/i.test(account),
      isDisabled: entry?.is_disabled === 1,
      hasToken: true,
    };
  });
  // Accounts Deriv lists for the user but gave no token for (a disabled one, say): shown, not switchable.
  const known = new Set(accounts.map(({ account }) => account.toUpperCase()));
  const withoutTokens = listed
    .filter((entry) => entry.loginid !== undefined && !known.has(entry.loginid.toUpperCase()))
    .map((entry): AccountRow => ({
      account: entry.loginid ?? '',
      currency: entry.currency ?? '',
      isVirtual: entry.is_virtual === 1,
      isDisabled: entry.is_disabled === 1,
      hasToken: false,
    }));
  return [...withTokens, ...withoutTokens];
};

/**
 * Lists every account of the login; any other enabled account can be switched to.
 *
 * @param props - Accounts, the active one, and the switch action.
 * @returns The list.
 */
export function AccountSwitcher(props: AccountSwitcherProps) {
  const { activeAccount, switchingTo, onSwitch } = props;
  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Your accounts</h2>
      <p className="lead">
        Every account Deriv returned for this login, plus any it lists without a token. Switching
        re-authorizes the connection with that account&apos;s token.
      </p>
      <ul className="account-list" data-testid="account-list">
        {rowsOf(props).map((row) => {
          const active = row.account.toUpperCase() === activeAccount?.toUpperCase();
          return (
            <li
              key={row.account}
              className="account-row"
              aria-current={active}
              data-account={row.account}
            >
              <span>
                <span className="mono">{row.account}</span>{' '}
                <span className={`badge ${row.isVirtual ? 'badge-demo' : 'badge-real'}`}>
                  {row.isVirtual ? 'Demo' : 'Real'}
                </span>
                <br />
                <span className="muted">
                  {row.currency === '' ? 'No currency set' : row.currency}
                  {row.isDisabled ? ' · disabled' : ''}
                </span>
              </span>
              {active ? (
                <span className="muted">Active</span>
              ) : !row.hasToken ? (
                <span className="muted">Not part of this login</span>
              ) : (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={row.isDisabled || switchingTo !== undefined}
                  aria-label={`Switch to ${row.account}`}
                  onClick={() => {
                    onSwitch(row.account);
                  }}
                >
                  {switchingTo === row.account ? 'Switching…' : 'Switch'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
