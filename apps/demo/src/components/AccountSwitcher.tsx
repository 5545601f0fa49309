import type { Authorize } from '@deriv-auth/core';

/** One row of the switcher: what the session holds (no token) plus what `authorize` told us. */
interface AccountRow {
  readonly account: string;
  readonly currency: string;
  readonly isVirtual: boolean;
  readonly isDisabled: boolean;
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

const rowsOf = ({ accounts, authorize }: AccountSwitcherProps): AccountRow[] =>
  accounts.map(({ account, currency }) => {
    const listed = authorize?.account_list?.find(
      (entry) => entry.loginid?.toUpperCase() === account.toUpperCase(),
    );
    return {
      account,
      currency: currency === '' ? (listed?.currency ?? '') : currency,
      isVirtual: listed?.is_virtual === 1 || /^VR/i.test(account),
      isDisabled: listed?.is_disabled === 1,
    };
  });

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
        Every account Deriv returned for this login. Switching re-authorizes the connection with
        that account&apos;s token.
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
