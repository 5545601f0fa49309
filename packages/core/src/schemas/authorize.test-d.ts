import type * as DerivApiTypes from '@deriv/api-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { Authorize, AuthorizeRequest, AuthorizeResponse } from './authorize.js';

/** The declared fields of a type, without the index signature a lenient (loose) schema adds. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

type ApiAuthorize = DerivApiTypes.Authorize;
type ApiAccount = NonNullable<ApiAuthorize['account_list']>[number];
type OurAccount = Known<NonNullable<Authorize['account_list']>[number]>;

describe('AuthorizeResponse agrees with @deriv/api-types', () => {
  it('documents exactly the same authorize fields', () => {
    expectTypeOf<keyof Known<Authorize>>().toEqualTypeOf<keyof ApiAuthorize>();
    expectTypeOf<keyof OurAccount>().toEqualTypeOf<keyof ApiAccount>();
  });

  it('accepts every authorize object the official types describe', () => {
    expectTypeOf<ApiAuthorize>().toExtend<Known<Authorize>>();
    expectTypeOf<ApiAccount>().toExtend<OurAccount>();
  });

  it('types every field exactly as the official types do, widening only open enums', () => {
    // `platform` and `account_category` grow over time (ctrader came late): we accept any string.
    expectTypeOf<Omit<Known<Authorize>, 'account_list' | 'linked_to'>>().toEqualTypeOf<
      Omit<ApiAuthorize, 'account_list' | 'linked_to'>
    >();
    expectTypeOf<Omit<OurAccount, 'account_category' | 'linked_to'>>().toEqualTypeOf<
      Omit<ApiAccount, 'account_category' | 'linked_to'>
    >();
    expectTypeOf<OurAccount['account_category']>().toEqualTypeOf<string | undefined>();
  });

  it('has the same envelope', () => {
    expectTypeOf<AuthorizeResponse['msg_type']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeResponse['msg_type']
    >();
    expectTypeOf<AuthorizeResponse['req_id']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeResponse['req_id']
    >();
    expectTypeOf<DerivApiTypes.AuthorizeResponse['echo_req']>().toExtend<
      AuthorizeResponse['echo_req']
    >();
    expectTypeOf<NonNullable<DerivApiTypes.AuthorizeResponse['authorize']>>().toExtend<
      Known<Authorize>
    >();
  });

  it('keeps unknown response fields (lenient)', () => {
    expectTypeOf<Authorize>().toHaveProperty('trading');
  });
});

describe('AuthorizeRequest agrees with @deriv/api-types', () => {
  it('has the same fields with the same types', () => {
    expectTypeOf<keyof AuthorizeRequest>().toEqualTypeOf<keyof DerivApiTypes.AuthorizeRequest>();
    expectTypeOf<AuthorizeRequest['authorize']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeRequest['authorize']
    >();
    expectTypeOf<AuthorizeRequest['add_to_login_history']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeRequest['add_to_login_history']
    >();
    expectTypeOf<AuthorizeRequest['tokens']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeRequest['tokens']
    >();
    expectTypeOf<AuthorizeRequest['req_id']>().toEqualTypeOf<
      DerivApiTypes.AuthorizeRequest['req_id']
    >();
  });

  it('is strict: no index signature', () => {
    expectTypeOf<string extends keyof AuthorizeRequest ? true : false>().toEqualTypeOf<false>();
  });
});
