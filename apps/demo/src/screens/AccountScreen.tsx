import type { Authorize } from '@deriv-auth/core';
import { useSessionActions, useSessionSnapshot } from '@deriv-auth/react-hooks';
import { useState } from 'react';
import { AccountSwitcher } from '../components/AccountSwitcher';
import { ErrorNotice } from '../components/ErrorNotice';
import { LiveBalance } from '../components/LiveBalance';
import { LiveTickPrice } from '../components/LiveTickPrice';
import { formatMoney } from '../formatMoney';
import { navigate } from '../router';
import { useDocumentTitle } from '../useDocumentTitle';

/** Props of {@link AccountScreen}. */
export interface AccountScreenProps {
  /** The last `authorize` answer. */
  readonly authorize: Authorize;
}

/**
 * The signed-in view: who is authorized, with what, on which account; switch and log out.
 *
 * @param props - The authorized account's details.
 * @returns The screen.
 */
export function AccountScreen({ authorize }: AccountScreenProps) {
  const snapshot = useSessionSnapshot();
  useDocumentTitle(`Signed in as ${authorize.loginid ?? 'Deriv client'}`);
  const { switchAccount, logout } = useSessionActions();
  const [switchingTo, setSwitchingTo] = useState<string | undefined>(undefined);
  const [loggingOut, setLoggingOut] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const currency = authorize.currency ?? '';
  const isVirtual = authorize.is_virtual === 1;
  const connectionLost =
    snapshot.connection === 'reconnecting' || snapshot.connection === 'connecting';

  const onSwitch = (account: string): void => {
    setSwitchingTo(account);
    setActionError(undefined);
    switchAccount(account).then(
      () => {
        setSwitchingTo(undefined);
      },
      (error: unknown) => {
        setSwitchingTo(undefined);
        setActionError(error);
      },
    );
  };

  const onLogout = (): void => {
    setLoggingOut(true);
    // The session forgets the tokens even when the server cannot be told.
    logout().then(
      () => {
        navigate('/', { replace: true });
      },
      (error: unknown) => {
        setLoggingOut(false);
        setActionError(error);
      },
    );
  };

  return (
    <>
      {connectionLost ? (
        <section className="notice notice-warning" role="status" data-testid="reconnecting">
          <h2>Connection lost</h2>
          <p>
            Reconnecting to the Deriv server… Your account will be authorized again as soon as it is
            back.
          </p>
        </section>
      ) : null}
      {snapshot.connection === 'closed' ? (
        <section className="notice notice-error" role="alert" data-testid="disconnected">
          <h2>Disconnected</h2>
          <p>
            The connection to the Deriv server could not be restored. Your accounts are still kept
            in this tab: reconnecting authorizes the active one again.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reconnect
          </button>
        </section>
      ) : null}
      {actionError === undefined ? null : <ErrorNotice error={actionError} />}
      <section
        className="card"
        aria-labelledby="account-title"
        data-testid="account"
        data-loginid={authorize.loginid}
      >
        <div className="account-head">
          <div>
            <h1 id="account-title">{authorize.fullname?.trim() || 'Deriv client'}</h1>
            <p className="lead">
              Signed in as{' '}
              <span className="mono" data-testid="loginid">
                {authorize.loginid}
              </span>{' '}
              <span className={`badge ${isVirtual ? 'badge-demo' : 'badge-real'}`}>
                {isVirtual ? 'Demo' : 'Real'}
              </span>
            </p>
          </div>
          <button
            type="button"
            className="button button-secondary"
            onClick={onLogout}
            disabled={loggingOut}
          >
            {loggingOut ? 'Logging out…' : 'Log out'}
          </button>
        </div>
        <dl className="details">
          <div>
            <dt>Balance</dt>
            <dd className="balance" data-testid="balance">
              {formatMoney(authorize.balance, currency)}
            </dd>
          </div>
          <div>
            <dt>Currency</dt>
            <dd data-testid="currency">{currency === '' ? 'Not set' : currency}</dd>
          </div>
          <div>
            <dt>Login id</dt>
            <dd className="mono">{authorize.loginid}</dd>
          </div>
          <div>
            <dt>Landing company</dt>
            <dd data-testid="landing-company">
              {authorize.landing_company_fullname ?? authorize.landing_company_name ?? '—'}
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{authorize.email ?? '—'}</dd>
          </div>
          <div className="wide">
            <dt>Scopes</dt>
            <dd>
              <ul className="chips" aria-label="Granted scopes" data-testid="scopes">
                {snapshot.scopes.map((scope) => (
                  <li key={scope} className="chip">
                    {scope}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </section>
      <div className="live-grid">
        <LiveBalance isVirtual={isVirtual} />
        <LiveTickPrice />
      </div>
      <AccountSwitcher
        accounts={snapshot.accounts}
        activeAccount={snapshot.activeAccount ?? authorize.loginid}
        authorize={authorize}
        switchingTo={switchingTo}
        onSwitch={onSwitch}
      />
    </>
  );
}
