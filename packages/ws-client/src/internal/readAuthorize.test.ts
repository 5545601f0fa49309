import { AuthorizeResponseSchema } from '@deriv-auth/core/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAuthorize } from './readAuthorize.js';

const accountArbitrary = fc.record(
  {
    loginid: fc.string(),
    currency: fc.string(),
    is_virtual: fc.constantFrom(0, 1),
    is_disabled: fc.constantFrom(0, 1),
  },
  { requiredKeys: [] },
);
const authorizeArbitrary = fc.record(
  {
    loginid: fc.oneof(fc.string(), fc.integer()),
    scopes: fc.oneof(fc.array(fc.constantFrom('read', 'trade', 'admin')), fc.constant('read')),
    account_list: fc.oneof(fc.array(accountArbitrary), fc.constant([1])),
    balance: fc.oneof(fc.double({ noNaN: true }), fc.string()),
    currency: fc.string(),
    trading: fc.object(),
  },
  { requiredKeys: [] },
);

describe('readAuthorize', () => {
  it('accepts every reply core’s AuthorizeResponseSchema accepts that has the fields AuthorizeResult requires', () => {
    fc.assert(
      fc.property(
        fc.record({
          msg_type: fc.constant('authorize'),
          authorize: fc.oneof(authorizeArbitrary, fc.constant(null), fc.string()),
        }),
        (reply) => {
          const schema = AuthorizeResponseSchema.safeParse(reply);
          const data = schema.success ? schema.data.authorize : undefined;
          const complete =
            data !== undefined &&
            typeof data.loginid === 'string' &&
            Array.isArray(data.scopes) &&
            typeof data.balance === 'number' &&
            typeof data.currency === 'string';
          if (complete) expect(readAuthorize(reply)).toBe(reply.authorize);
          else if (schema.success) expect(readAuthorize(reply)).toBeUndefined();
        },
      ),
    );
  });

  it('rejects replies whose fields the SDK reads have the wrong type', () => {
    expect(readAuthorize({ authorize: { loginid: 1 } })).toBeUndefined();
    expect(readAuthorize({ authorize: { scopes: 'read' } })).toBeUndefined();
    expect(readAuthorize({ authorize: { account_list: [1] } })).toBeUndefined();
    expect(readAuthorize({ authorize: [] })).toBeUndefined();
    expect(readAuthorize(null)).toBeUndefined();
    expect(
      readAuthorize({ authorize: { loginid: 'CR1', scopes: [], currency: 'USD' } }),
    ).toBeUndefined();
    const complete = { loginid: 'CR1', scopes: ['read'], balance: 0, currency: '', trading: {} };
    expect(readAuthorize({ authorize: complete })).toEqual(complete);
  });
});
