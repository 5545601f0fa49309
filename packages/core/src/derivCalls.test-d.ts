import { describe, expectTypeOf, it } from 'vitest';
import type {
  CallNameOf,
  DerivApi,
  DerivCallName,
  DerivCalls,
  DerivRequest,
  DerivRequestFor,
  DerivResponseFor,
  ExactDerivFields,
  ExactDerivRequest,
} from './index.js';

/** The signature the issue names: the reply type follows the request literal. */
declare function send<R extends DerivRequest>(request: R): Promise<DerivResponseFor<CallNameOf<R>>>;

/** The same with unknown fields rejected, as ws-client's `send` should be typed. */
declare function sendExact<const R extends DerivRequest>(
  request: ExactDerivRequest<R>,
): Promise<DerivResponseFor<CallNameOf<R>>>;

const proposal = {
  proposal: 1,
  amount: 10,
  basis: 'stake',
  contract_type: 'CALL',
  currency: 'USD',
  symbol: 'R_100',
  duration: 5,
  duration_unit: 't',
} as const;

describe('send-like functions return the reply type of the call they are given', () => {
  it('types the five calls the SDK leans on', () => {
    expectTypeOf(
      send({ ticks_history: 'R_100', end: 'latest', style: 'candles', count: 10 }),
    ).resolves.toEqualTypeOf<DerivApi.TicksHistoryResponse>();
    expectTypeOf(send(proposal)).resolves.toEqualTypeOf<DerivApi.ProposalResponse>();
    expectTypeOf(send({ buy: '1234', price: 10 })).resolves.toEqualTypeOf<DerivApi.BuyResponse>();
    expectTypeOf(
      send({ balance: 1, subscribe: 1 }),
    ).resolves.toEqualTypeOf<DerivApi.BalanceResponse>();
    expectTypeOf(
      send({ authorize: 'a1-token' }),
    ).resolves.toEqualTypeOf<DerivApi.AuthorizeResponse>();
  });

  it('gives the exact-checked signature the same reply types', () => {
    expectTypeOf(
      sendExact({ ticks_history: 'R_100', end: 'latest', style: 'candles' }),
    ).resolves.toEqualTypeOf<DerivApi.TicksHistoryResponse>();
    expectTypeOf(sendExact(proposal)).resolves.toEqualTypeOf<DerivApi.ProposalResponse>();
    expectTypeOf(
      sendExact({ buy: '1234', price: 10 }),
    ).resolves.toEqualTypeOf<DerivApi.BuyResponse>();
    expectTypeOf(sendExact({ balance: 1 })).resolves.toEqualTypeOf<DerivApi.BalanceResponse>();
    expectTypeOf(
      sendExact({ authorize: 'a1-token' }),
    ).resolves.toEqualTypeOf<DerivApi.AuthorizeResponse>();
    // Arrays stay mutable under `const R` (the constraint's arrays are mutable).
    expectTypeOf(
      sendExact({ ticks: ['R_100', 'R_50'], subscribe: 1 }),
    ).resolves.toEqualTypeOf<DerivApi.TicksResponse>();
  });

  it('rejects a misspelled field on the exact signature', () => {
    // @ts-expect-error `stlye` is no field of ticks_history
    void sendExact({ ticks_history: 'R_100', end: 'latest', stlye: 'candles' });
    // @ts-expect-error `amount_` is no field of proposal
    void sendExact({ ...proposal, amount_: 10 });
    const parameters = { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' } as const;
    // @ts-expect-error `amout` is no field of buy's parameters (nested objects are checked too)
    void sendExact({ buy: '1', price: 10, parameters: { ...parameters, amout: 10 } });
    // Open objects stay open.
    void sendExact({ buy: '1', price: 10, parameters, passthrough: { anything: [1] } });
    // The bare signature cannot: a type parameter's constraint skips the excess-property check.
    void send({ ticks_history: 'R_100', end: 'latest', stlye: 'candles' });
  });

  it('rejects a wrong enum value on both signatures', () => {
    // @ts-expect-error 'candle' is not one of 'candles' | 'ticks'
    void send({ ticks_history: 'R_100', end: 'latest', style: 'candle' });
    // @ts-expect-error 'candle' is not one of 'candles' | 'ticks'
    void sendExact({ ticks_history: 'R_100', end: 'latest', style: 'candle' });
    // @ts-expect-error duration_unit 'x' is not a unit
    void sendExact({ ...proposal, duration_unit: 'x' });
    // @ts-expect-error balance must be 1
    void sendExact({ balance: 2 });
  });

  it('rejects a missing required field and an unknown call', () => {
    // @ts-expect-error ticks_history requires `end`
    void sendExact({ ticks_history: 'R_100' });
    // @ts-expect-error no call is named `tick_history`
    void sendExact({ tick_history: 'R_100', end: 'latest' });
  });
});

describe('CallNameOf', () => {
  it('resolves the call a request literal is', () => {
    expectTypeOf<
      CallNameOf<{ ticks_history: 'R_100'; end: 'latest' }>
    >().toEqualTypeOf<'ticks_history'>();
    expectTypeOf<CallNameOf<typeof proposal>>().toEqualTypeOf<'proposal'>();
    expectTypeOf<CallNameOf<{ ping: 1; req_id: 3 }>>().toEqualTypeOf<'ping'>();
  });

  it('tells a call from another call name used as a field', () => {
    // active_symbols takes a landing_company filter; landing_company is also a call.
    expectTypeOf<
      CallNameOf<{ active_symbols: 'brief'; landing_company: 'svg' }>
    >().toEqualTypeOf<'active_symbols'>();
    expectTypeOf<CallNameOf<{ landing_company: 'id' }>>().toEqualTypeOf<'landing_company'>();
  });

  it('is never for what no call accepts', () => {
    expectTypeOf<CallNameOf<{ ticks_history: 'R_100' }>>().toBeNever();
    expectTypeOf<CallNameOf<{ ping: 1; typo: 1 }>>().toBeNever();
    expectTypeOf<CallNameOf<{ hello: 1 }>>().toBeNever();
  });
});

describe('the call map', () => {
  it('holds all 137 calls with their generated types', () => {
    expectTypeOf<DerivCallName>().toEqualTypeOf<keyof DerivCalls>();
    expectTypeOf<DerivCalls['ping']>().toEqualTypeOf<{
      request: DerivApi.PingRequest;
      response: DerivApi.PingResponse;
    }>();
    expectTypeOf<DerivRequestFor<'balance'>>().toEqualTypeOf<DerivApi.BalanceRequest>();
    expectTypeOf<DerivResponseFor<'balance'>>().toEqualTypeOf<DerivApi.BalanceResponse>();
    expectTypeOf<DerivApi.PingRequest>().toExtend<DerivRequest>();
  });

  it('types the reply body', () => {
    type Balance = NonNullable<DerivResponseFor<'balance'>['balance']>;
    expectTypeOf<Balance['balance']>().toEqualTypeOf<number>();
    expectTypeOf<Balance['currency']>().toEqualTypeOf<string>();
    expectTypeOf<DerivResponseFor<'ping'>['ping']>().toEqualTypeOf<'pong' | undefined>();
    expectTypeOf<DerivResponseFor<'ticks'>['msg_type']>().toEqualTypeOf<'tick'>();
  });
});

describe('ExactDerivFields', () => {
  it('marks undeclared keys never, nested too, and lets a oneOf value fit either branch', () => {
    type Shape = { a: { x: number } | { y: number }; open?: { [key: string]: unknown } };
    type Fits<Value> = Value extends ExactDerivFields<Value, Shape> ? true : false;
    expectTypeOf<Fits<{ a: { y: 1 } }>>().toEqualTypeOf<true>();
    expectTypeOf<Fits<{ a: { x: 1 } }>>().toEqualTypeOf<true>();
    expectTypeOf<Fits<{ a: { q: 1 } }>>().toEqualTypeOf<false>();
    expectTypeOf<Fits<{ a: { x: 1; y: 1 } }>>().toEqualTypeOf<false>();
    expectTypeOf<Fits<{ open: { q: 1 } }>>().toEqualTypeOf<true>();
    expectTypeOf<Fits<{ b: 1 }>>().toEqualTypeOf<false>();
  });
});
