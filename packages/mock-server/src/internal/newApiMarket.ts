/**
 * Market-data calls of the New API sockets, shaped after the v3 `receive.json` with the New API's
 * `underlying_symbol` where a request names a symbol. Prices are fixed, not a market: enough for a
 * client to render and subscribe (streams open, but send no further updates).
 */
import type { CallContext, CallOutcome } from './callHandlers.js';

/** The symbols the mock lists. */
const SYMBOLS = [
  { underlying_symbol: 'R_100', display_name: 'Volatility 100 Index', pip: 0.01, spot: 1234.56 },
  { underlying_symbol: 'R_50', display_name: 'Volatility 50 Index', pip: 0.0001, spot: 245.6789 },
] as const;

const fieldError = (field: string, message: string): CallOutcome => ({
  error: {
    code: 'InputValidationFailed',
    message: `Input validation failed: ${field}`,
    details: { [field]: message },
  },
});

/** `subscription: { id }` on the body when `subscribe: 1` asked for a stream keyed by `key`. */
function subscribed(
  context: CallContext,
  call: string,
  key: string,
  body: Record<string, unknown>,
  objectKey: string,
): CallOutcome {
  if (context.request['subscribe'] !== 1) return { body };
  const subscription = context.session.addSubscription(
    call,
    key,
    context.echoRequest,
    context.request['req_id'],
  );
  if (subscription === undefined)
    return {
      error: { code: 'AlreadySubscribed', message: `You are already subscribed to ${key}.` },
    };
  const inner = body[objectKey] as Record<string, unknown>;
  inner['id'] = subscription.id;
  body['subscription'] = { id: subscription.id };
  return { body, subscription };
}

let nextProposal = 0;

const proposal = (context: CallContext): CallOutcome => {
  const { request } = context;
  if (Object.hasOwn(request, 'symbol'))
    return fieldError('symbol', 'Properties not allowed: symbol. Use underlying_symbol.');
  const underlying = request['underlying_symbol'];
  const symbol = SYMBOLS.find((candidate) => candidate.underlying_symbol === underlying);
  if (typeof underlying !== 'string') return fieldError('underlying_symbol', 'Missing property.');
  if (symbol === undefined)
    return { error: { code: 'InvalidSymbol', message: 'Symbol is not valid.' } };
  const amount = typeof request['amount'] === 'number' ? request['amount'] : 10;
  const now = Math.floor(Date.now() / 1000);
  nextProposal += 1;
  const body = {
    proposal: {
      ask_price: amount,
      date_start: now,
      display_value: amount.toFixed(2),
      id: `mock-proposal-${nextProposal}`,
      longcode: `Mock contract on ${symbol.display_name}.`,
      payout: Math.round(amount * 195) / 100,
      spot: symbol.spot,
      spot_time: now,
    },
  };
  return subscribed(context, 'proposal', `proposal-${nextProposal}`, body, 'proposal');
};

const ticks = (context: CallContext): CallOutcome => {
  const name = context.request['ticks'];
  const symbol = SYMBOLS.find((candidate) => candidate.underlying_symbol === name);
  if (symbol === undefined)
    return { error: { code: 'InvalidSymbol', message: 'Symbol is not valid.' } };
  const pipSize = Math.round(-Math.log10(symbol.pip));
  const body = {
    tick: {
      ask: symbol.spot + symbol.pip,
      bid: symbol.spot - symbol.pip,
      epoch: Math.floor(Date.now() / 1000),
      pip_size: pipSize,
      quote: symbol.spot,
      symbol: symbol.underlying_symbol,
    },
  };
  return subscribed(context, 'ticks', symbol.underlying_symbol, body, 'tick');
};

const activeSymbols = (): CallOutcome => ({
  body: {
    active_symbols: SYMBOLS.map((symbol, index) => ({
      display_name: symbol.display_name,
      display_order: index + 1,
      exchange_is_open: 1,
      is_trading_suspended: 0,
      market: 'synthetic_index',
      market_display_name: 'Derived',
      pip: symbol.pip,
      subgroup: 'synthetics',
      subgroup_display_name: 'Synthetics',
      submarket: 'random_index',
      submarket_display_name: 'Continuous Indices',
      underlying_symbol: symbol.underlying_symbol,
      underlying_symbol_type: 'stockindex',
    })),
  },
});

/** Handlers by call name. */
export const marketHandlers = {
  proposal,
  ticks,
  active_symbols: activeSymbols,
} as const;
