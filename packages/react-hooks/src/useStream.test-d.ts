import type { DerivApi } from '@deriv-auth/core';
import type { DerivStreamGap } from '@deriv-auth/ws-client';
import { describe, expectTypeOf, it } from 'vitest';
import { useStream, type UseStreamResult } from './index.js';

describe('useStream types', () => {
  it('types latest by the call the request names', () => {
    const ticks = useStream({ ticks: 'R_100' });
    expectTypeOf(ticks).toEqualTypeOf<UseStreamResult<DerivApi.TicksResponse>>();
    if (ticks.status === 'live') {
      expectTypeOf(ticks.latest).toEqualTypeOf<DerivApi.TicksResponse>();
      expectTypeOf(ticks.error).toEqualTypeOf<undefined>();
    }
    if (ticks.status === 'error') expectTypeOf(ticks.error).toEqualTypeOf<Error>();
    // A gap marker never becomes `latest`: it is the `gap` flag.
    expectTypeOf(ticks.latest).not.toEqualTypeOf<DerivStreamGap | undefined>();
    const balance = useStream({ balance: 1, subscribe: 1 });
    if (balance.status === 'live')
      expectTypeOf(balance.latest.balance?.balance).toEqualTypeOf<number | undefined>();
  });

  it('accepts null and undefined for no request', () => {
    useStream(null);
    useStream(undefined);
    useStream({ ticks: 'R_100' }, { enabled: undefined });
  });

  it('refuses a misspelled field', () => {
    // @ts-expect-error `tick` is not a call's field
    useStream({ tick: 'R_100' });
  });
});
