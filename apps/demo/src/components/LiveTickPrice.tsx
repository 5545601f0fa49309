import { useStream } from '@deriv-auth/react-hooks';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link LiveTickPrice}. */
export interface LiveTickPriceProps {
  /** The synthetic index to follow (default `R_100`, served by Deriv and the mock server). */
  readonly symbol?: string;
}

/**
 * The live price of a synthetic index, from a `ticks` stream. A market stream needs no login and
 * survives account switches; after a lost connection it shows the last price as stale until the
 * re-subscribed stream ticks again.
 *
 * @param props - The symbol.
 * @returns The price card.
 */
export function LiveTickPrice({ symbol = 'R_100' }: LiveTickPriceProps) {
  const { status, latest, error, gap } = useStream({ ticks: symbol });
  const tick = latest?.tick;
  const quote = tick?.quote?.toFixed(tick.pip_size);
  if (status === 'error') return <ErrorNotice error={error} />;
  return (
    <section
      className="card live-card"
      aria-labelledby="live-tick-title"
      data-testid="live-tick"
      data-status={status}
      data-gap={gap}
      data-epoch={tick?.epoch}
    >
      <h2 id="live-tick-title">Live price · {symbol}</h2>
      <p className={`live-value mono${gap ? ' live-stale' : ''}`} data-testid="live-tick-quote">
        {quote ?? '…'}
      </p>
      <p className="live-note" role="status" aria-live="polite">
        {gap
          ? 'Connection lost: this price may be stale.'
          : status === 'live'
            ? 'Live'
            : 'Waiting for the first tick…'}
      </p>
    </section>
  );
}
