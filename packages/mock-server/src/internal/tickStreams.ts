/**
 * Legacy market streams: `ticks` for a few synthetic symbols, pushed to every subscription at the
 * server's tick rate (`ticks.intervalMs`). Prices walk deterministically around a spot, enough for a
 * client to render and for tests to count updates; not a market.
 */
import type { CallContext, CallOutcome } from './callTypes.js';
import { subscriptionLimit, type Subscription } from './session.js';

/** The symbols `ticks` serves, with their spot and pip size. */
export const TICK_SYMBOLS: Readonly<Record<string, { spot: number; pip: number }>> = {
  R_100: { spot: 1234.56, pip: 0.01 },
  R_50: { spot: 245.6789, pip: 0.0001 },
  R_25: { spot: 3456.789, pip: 0.001 },
  R_10: { spot: 6543.21, pip: 0.01 },
  '1HZ100V': { spot: 987.65, pip: 0.01 },
};

/** The tick of `symbol` at beat `beat` (a small deterministic walk around its spot). */
export function buildTick(symbol: string, beat: number, id?: string): Record<string, unknown> {
  const { spot, pip } = TICK_SYMBOLS[symbol] ?? { spot: 1, pip: 0.01 };
  const decimals = Math.round(-Math.log10(pip));
  const quote = Number((spot + ((beat % 21) - 10) * pip).toFixed(decimals));
  return {
    ask: Number((quote + pip).toFixed(decimals)),
    bid: Number((quote - pip).toFixed(decimals)),
    epoch: Math.floor(Date.now() / 1000),
    pip_size: decimals,
    quote,
    symbol,
    ...(id === undefined ? {} : { id }),
  };
}

/** `ticks`: the current tick, and a stream of them with `subscribe: 1`. */
export function ticksHandler(context: CallContext): CallOutcome {
  const symbol = context.request['ticks'];
  if (typeof symbol !== 'string' || !Object.hasOwn(TICK_SYMBOLS, symbol))
    return { error: { code: 'InvalidSymbol', message: 'Symbol is not valid.' } };
  let subscription: Subscription | undefined;
  if (context.request['subscribe'] === 1) {
    if (context.session.subscriptions.size >= subscriptionLimit.max)
      return { error: subscriptionLimit.error };
    subscription = context.session.addSubscription(
      'ticks',
      symbol,
      context.echoRequest,
      context.request['req_id'],
    );
    if (subscription === undefined)
      return {
        error: { code: 'AlreadySubscribed', message: `You are already subscribed to ${symbol}.` },
      };
  }
  const body: Record<string, unknown> = { tick: buildTick(symbol, 0, subscription?.id) };
  if (subscription === undefined) return { body };
  body['subscription'] = { id: subscription.id };
  return { body, subscription };
}
