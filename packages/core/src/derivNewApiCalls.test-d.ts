import { describe, expectTypeOf, it } from 'vitest';
import type {
  CallNameOf,
  DerivCalls,
  DerivNewApiCallName,
  DerivNewApiCalls,
  DerivRequest,
  DerivRequestFor,
  DerivResponseFor,
  ExactDerivRequest,
} from './index.js';

type NewApiProposal = DerivRequestFor<'proposal', DerivNewApiCalls>;

/** A send typed for a New API socket. */
declare function sendNew<const R extends DerivRequest<DerivNewApiCalls>>(
  request: ExactDerivRequest<R, DerivNewApiCalls>,
): Promise<DerivResponseFor<CallNameOf<R, DerivNewApiCalls>, DerivNewApiCalls>>;

describe('DerivNewApiCalls', () => {
  it('holds the calls served on a New API socket and no others', () => {
    expectTypeOf<keyof DerivNewApiCalls>().toEqualTypeOf<DerivNewApiCallName>();
    expectTypeOf<DerivNewApiCallName>().toExtend<keyof DerivCalls>();
    expectTypeOf<'authorize' extends keyof DerivNewApiCalls ? 1 : 0>().toEqualTypeOf<0>();
    expectTypeOf<'logout' extends keyof DerivNewApiCalls ? 1 : 0>().toEqualTypeOf<0>();
  });

  it('drops loginid from every request', () => {
    type WithLoginId = {
      [Name in DerivNewApiCallName]: 'loginid' extends keyof DerivRequestFor<Name, DerivNewApiCalls>
        ? Name
        : never;
    }[DerivNewApiCallName];
    expectTypeOf<WithLoginId>().toBeNever();
    // The legacy requests had it: the Omit did something.
    expectTypeOf<DerivRequestFor<'balance'>>().toHaveProperty('loginid');
  });

  it('names proposal’s market underlying_symbol, required as symbol was', () => {
    expectTypeOf<NewApiProposal['underlying_symbol']>().toEqualTypeOf<string>();
    expectTypeOf<'symbol' extends keyof NewApiProposal ? 1 : 0>().toEqualTypeOf<0>();
    expectTypeOf<Omit<NewApiProposal, 'underlying_symbol'>>().toEqualTypeOf<
      Omit<DerivRequestFor<'proposal'>, 'symbol' | 'loginid'>
    >();
  });

  it('keeps the legacy replies and works with the call helpers', () => {
    expectTypeOf<DerivResponseFor<'ticks', DerivNewApiCalls>>().toEqualTypeOf<
      DerivResponseFor<'ticks'>
    >();
    const proposal = {
      proposal: 1,
      contract_type: 'CALL',
      currency: 'USD',
      underlying_symbol: 'R_100',
    } as const;
    expectTypeOf<CallNameOf<typeof proposal, DerivNewApiCalls>>().toEqualTypeOf<'proposal'>();
    expectTypeOf(sendNew(proposal)).resolves.toEqualTypeOf<DerivResponseFor<'proposal'>>();
    expectTypeOf(sendNew({ balance: 1 })).resolves.toEqualTypeOf<DerivResponseFor<'balance'>>();
  });

  it('rejects what a New API socket does not take', () => {
    // @ts-expect-error proposal takes underlying_symbol there, not symbol
    void sendNew({ proposal: 1, contract_type: 'CALL', currency: 'USD', symbol: 'R_100' });
    // @ts-expect-error no loginid in any request
    void sendNew({ balance: 1, loginid: 'CR90000000' });
    // @ts-expect-error no authorize call
    void sendNew({ authorize: 'a1-token' });
  });
});
