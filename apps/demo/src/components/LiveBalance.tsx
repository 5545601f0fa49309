import { isDerivSessionError } from '@deriv-auth/ws-client';
import { useSession, useStream } from '@deriv-auth/react-hooks';
import { useState } from 'react';
import { formatMoney } from '../formatMoney';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link LiveBalance}. */
export interface LiveBalanceProps {
  /** Whether the account plays with demo money: only then is the buy button offered. */
  readonly isVirtual: boolean;
}

/** A small rise contract on R_100, enough to move the balance (Deriv's `buy` parameters). */
const STAKE = 10;

/**
 * The authorized account's balance, live from a `balance` stream: it moves when a contract is
 * bought or sold (on a demo account the card offers a small buy to see it). The stream follows the
 * session: a switch re-subscribes as the new account.
 *
 * @param props - Whether the account is virtual.
 * @returns The balance card.
 */
export function LiveBalance({ isVirtual }: LiveBalanceProps) {
  const session = useSession();
  const { status, latest, error, gap } = useStream({ balance: 1, subscribe: 1 });
  const [buying, setBuying] = useState(false);
  const [buyError, setBuyError] = useState<unknown>(undefined);
  const balance = latest?.balance;
  // `account_switched` only says the old account's stream ended: the hook re-subscribes at once.
  if (status === 'error' && !(isDerivSessionError(error) && error.code === 'account_switched'))
    return <ErrorNotice error={error} />;

  const buy = (): void => {
    setBuying(true);
    setBuyError(undefined);
    session
      .send({
        buy: '1',
        price: STAKE,
        parameters: {
          amount: STAKE,
          basis: 'stake',
          contract_type: 'CALL',
          currency: balance?.currency ?? 'USD',
          duration: 5,
          duration_unit: 't',
          symbol: 'R_100',
        },
      })
      .then(
        () => {
          setBuying(false);
        },
        (failure: unknown) => {
          setBuying(false);
          setBuyError(failure);
        },
      );
  };

  return (
    <section
      className="card live-card"
      aria-labelledby="live-balance-title"
      data-testid="live-balance"
      data-status={status}
      data-gap={gap}
    >
      <h2 id="live-balance-title">Live balance</h2>
      <p
        className={`live-value${gap ? ' live-stale' : ''}`}
        data-testid="live-balance-amount"
        data-loginid={balance?.loginid}
      >
        {balance ? formatMoney(balance.balance, balance.currency) : '…'}
      </p>
      <p className="live-note" role="status" aria-live="polite">
        {gap
          ? 'Connection lost: this balance may be stale.'
          : status === 'live'
            ? 'Live'
            : 'Loading…'}
      </p>
      {isVirtual ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={buy}
          disabled={buying || status !== 'live'}
        >
          {buying ? 'Buying…' : `Buy a ${String(STAKE)} rise contract (demo money)`}
        </button>
      ) : null}
      {buyError === undefined ? null : <ErrorNotice error={buyError} />}
    </section>
  );
}
