import { describe, expect, it } from 'vitest';
import { AuthorizeRequestSchema, AuthorizeResponseSchema } from './authorize.js';

const TOKEN = 'a1-f7pnteezo4jzhpxclctizt27hyeot';

// The response printed on Deriv's "API authentication" page, with the real-traffic `trading: {}`.
const SEED_RESPONSE = {
  authorize: {
    account_list: [
      {
        account_type: 'trading',
        created_at: 1647509550,
        currency: 'USD',
        is_disabled: 0,
        is_virtual: 0,
        landing_company_name: 'svg',
        loginid: 'CR799393',
        trading: {},
      },
      {
        account_type: 'trading',
        created_at: 1664132232,
        currency: 'ETH',
        is_disabled: 0,
        is_virtual: 0,
        landing_company_name: 'svg',
        loginid: 'VRTC1859315',
        trading: {},
      },
    ],
    balance: 0,
    country: 'id',
    currency: 'USD',
    email: 'user_mail@email_provider.com',
    fullname: ' John Doe',
    is_virtual: 0,
    landing_company_fullname: 'Deriv (SVG) LLC',
    landing_company_name: 'svg',
    local_currencies: { IDR: { fractional_digits: 2 } },
    loginid: 'CR799393',
    preferred_language: 'EN',
    scopes: ['read', 'trade', 'trading_information', 'payments', 'admin'],
    trading: {},
    upgradeable_landing_companies: ['svg'],
    user_id: 12345678,
  },
  echo_req: { authorize: '<not shown>' },
  msg_type: 'authorize',
};

describe('AuthorizeRequestSchema (strict, per send.json)', () => {
  it.each([
    [{ authorize: TOKEN }],
    [
      {
        authorize: TOKEN,
        add_to_login_history: 1,
        tokens: [TOKEN],
        passthrough: { a: 1 },
        req_id: 3,
      },
    ],
    [{ authorize: TOKEN, tokens: Array.from({ length: 25 }, () => TOKEN) }],
  ])('accepts %j', (request) => {
    expect(AuthorizeRequestSchema.parse(request)).toStrictEqual(request);
  });

  it.each<[string, unknown]>([
    ['an unknown field', { authorize: TOKEN, extra: 1 }],
    ['a missing token', {}],
    ['a token with a dot', { authorize: 'a1.x' }],
    ['an empty token', { authorize: '' }],
    ['a 129-character token', { authorize: 'a'.repeat(129) }],
    ['26 extra tokens', { authorize: TOKEN, tokens: Array.from({ length: 26 }, () => TOKEN) }],
    ['a bad extra token', { authorize: TOKEN, tokens: ['ok', 'no way'] }],
    ['add_to_login_history = 2', { authorize: TOKEN, add_to_login_history: 2 }],
    ['a string req_id', { authorize: TOKEN, req_id: '1' }],
  ])('refuses %s', (_, request) => {
    expect(AuthorizeRequestSchema.safeParse(request).success).toBe(false);
  });

  it('never puts the token in its error', () => {
    const result = AuthorizeRequestSchema.safeParse({ authorize: 'a1-SECRET.SECRET' });
    expect(JSON.stringify(result.error?.issues)).not.toContain('SECRET');
  });
});

describe('AuthorizeResponseSchema (lenient, per receive.json)', () => {
  it('reads the documented example and keeps unknown fields such as trading', () => {
    const parsed = AuthorizeResponseSchema.parse(SEED_RESPONSE);
    expect(parsed).toStrictEqual(SEED_RESPONSE);
    expect(parsed.authorize?.scopes).toContain('admin');
  });

  it('accepts a minimal response and a null preferred_language', () => {
    expect(
      AuthorizeResponseSchema.parse({
        msg_type: 'authorize',
        echo_req: {},
        authorize: { preferred_language: null },
      }).authorize,
    ).toEqual({ preferred_language: null });
  });

  it('accepts platforms and categories added after the schema', () => {
    const response = {
      msg_type: 'authorize',
      echo_req: {},
      authorize: {
        linked_to: [{ loginid: 'X1', platform: 'newplatform' }],
        account_list: [{ account_category: 'partner' }],
      },
    };
    expect(AuthorizeResponseSchema.safeParse(response).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a wrong msg_type', { ...SEED_RESPONSE, msg_type: 'balance' }],
    ['no echo_req', { msg_type: 'authorize' }],
    ['scopes that are not strings', { ...SEED_RESPONSE, authorize: { scopes: [1] } }],
    ['is_virtual = 2', { ...SEED_RESPONSE, authorize: { is_virtual: 2 } }],
    ['a string balance', { ...SEED_RESPONSE, authorize: { balance: '10' } }],
  ])('refuses %s', (_, response) => {
    expect(AuthorizeResponseSchema.safeParse(response).success).toBe(false);
  });
});
