import type { DerivAccount } from '@deriv-auth/core';
import { describe, expectTypeOf, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import type {
  MockNewApiLoginResult,
  MockNewApiOptions,
  MockRefreshMode,
  MockTokenResponse,
} from './newApiTypes.js';
import type { MockFault, MockLoginResult, MockServer } from './types.js';

describe('public signatures', () => {
  it('startMockServer resolves to the handle', () => {
    expectTypeOf(startMockServer).returns.resolves.toEqualTypeOf<MockServer>();
    expectTypeOf(startMockServer)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof startMockServer>[0]>();
  });

  it('login hands out core DerivAccounts', () => {
    expectTypeOf<MockLoginResult['accounts']>().toEqualTypeOf<DerivAccount[]>();
    expectTypeOf<MockServer['login']>().returns.resolves.toEqualTypeOf<MockLoginResult>();
  });

  it('faults are a discriminated union checked at compile time', () => {
    expectTypeOf<{ type: 'delay'; call: 'ping'; ms: 5 }>().toExtend<MockFault>();
    expectTypeOf<{ type: 'close'; code: 4000 }>().toExtend<MockFault>();
    // @ts-expect-error a delay needs its call and ms
    const missing: MockFault = { type: 'delay' };
    // @ts-expect-error unknown kinds are refused
    const unknown: MockFault = { type: 'explode' };
    expectTypeOf(missing).toEqualTypeOf<MockFault>();
    expectTypeOf(unknown).toEqualTypeOf<MockFault>();
  });

  it('inject returns a remover', () => {
    expectTypeOf<MockServer['inject']>().returns.toEqualTypeOf<() => void>();
  });

  it('newApi helpers return the code or the tokens synchronously', () => {
    expectTypeOf<MockServer['newApi']['login']>().returns.toEqualTypeOf<MockNewApiLoginResult>();
    expectTypeOf<MockServer['newApi']['issueTokens']>().returns.toEqualTypeOf<MockTokenResponse>();
    expectTypeOf<MockTokenResponse['expires_in']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MockRefreshMode>().toEqualTypeOf<'rotate' | 'reuse' | 'disabled'>();
    // @ts-expect-error refresh modes are a closed set
    const refresh: MockNewApiOptions = { refresh: 'sometimes' };
    expectTypeOf(refresh).toEqualTypeOf<MockNewApiOptions>();
    expectTypeOf<{ type: 'accessTokenExpired' }>().toExtend<MockFault>();
    expectTypeOf<{ type: 'otpAlreadyUsed' }>().toExtend<MockFault>();
  });
});
