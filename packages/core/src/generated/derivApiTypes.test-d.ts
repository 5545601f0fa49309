import { describe, expectTypeOf, it } from 'vitest';
import type { DerivApi } from '../index.js';

type ContractsFor = NonNullable<DerivApi.ContractsForResponse['contracts_for']>;
type Accounts = NonNullable<NonNullable<DerivApi.BalanceResponse['balance']>['accounts']>;

describe('JSON Schema translated faithfully', () => {
  it('makes `additionalProperties: false` objects exact, nested ones too', () => {
    // @ts-expect-error `pnig` is not declared and the schema allows nothing else
    const ping: DerivApi.PingRequest = { ping: 1, pnig: 1 };
    const buy: DerivApi.BuyRequest = {
      buy: '1',
      price: 10,
      // @ts-expect-error `amout` is not a field of `parameters`
      parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100', amout: 10 },
    };
    expectTypeOf(ping).toEqualTypeOf<DerivApi.PingRequest>();
    expectTypeOf(buy).toEqualTypeOf<DerivApi.BuyRequest>();
    expectTypeOf<string extends keyof DerivApi.TicksHistoryRequest ? 1 : 0>().toEqualTypeOf<0>();
  });

  it('keeps objects the schema leaves open open', () => {
    expectTypeOf<DerivApi.PingRequest['passthrough']>().toEqualTypeOf<
      { [key: string]: unknown } | undefined
    >();
    expectTypeOf<DerivApi.PingResponse>().toHaveProperty('anything_new_from_the_server');
  });

  it('marks required fields required and the rest optional', () => {
    expectTypeOf<DerivApi.TicksHistoryRequest['end']>().toEqualTypeOf<string>();
    expectTypeOf<DerivApi.TicksHistoryRequest['count']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Pick<DerivApi.PingResponse, 'msg_type'>>().toEqualTypeOf<{ msg_type: 'ping' }>();
  });

  it('turns enums into literal unions, integer and number into number', () => {
    expectTypeOf<DerivApi.TicksHistoryRequest['style']>().toEqualTypeOf<
      'candles' | 'ticks' | undefined
    >();
    expectTypeOf<DerivApi.TicksHistoryRequest['granularity']>().toEqualTypeOf<
      60 | 120 | 180 | 300 | 600 | 900 | 1800 | 3600 | 7200 | 14400 | 28800 | 86400 | undefined
    >();
    expectTypeOf<DerivApi.BuyRequest['price']>().toEqualTypeOf<number>();
  });

  it('types arrays, oneOf/anyOf unions, $ref definitions and nullable fields', () => {
    expectTypeOf<DerivApi.TicksRequest['ticks']>().toEqualTypeOf<string | string[]>();
    expectTypeOf<DerivApi.ForgetAllRequest['forget_all']>().toEqualTypeOf<
      DerivApi.ForgetAllStreamTypes | DerivApi.ForgetAllStreamTypes[]
    >();
    expectTypeOf<'ticks'>().toExtend<DerivApi.ForgetAllStreamTypes>();
    expectTypeOf<ContractsFor['close']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<DerivApi.BuyResponse['buy']>().not.toBeAny();
  });

  it('gives patternProperties an index signature of their value type', () => {
    expectTypeOf<Accounts[string]['currency']>().toEqualTypeOf<string>();
    expectTypeOf<Accounts[string]['demo_account']>().toEqualTypeOf<0 | 1>();
  });
});
