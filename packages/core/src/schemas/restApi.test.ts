import { describe, expect, it } from 'vitest';
import {
  AccountListResponseSchema,
  CreateAccountRequestSchema,
  CreateAccountResponseSchema,
  NewApiAccountSchema,
  OtpResponseSchema,
  RestErrorEnvelopeSchema,
} from './restApi.js';
import { isOtpUrl } from '../newApiRestRules.js';

const META = { endpoint: '/trading/v1/options/accounts', method: 'GET', timing: 12 };
// The account of Deriv's docs.
const ACCOUNT = {
  account_id: 'DOT90004580',
  balance: 10000,
  currency: 'USD',
  group: 'row',
  status: 'active',
  account_type: 'demo',
};
const OTP_URL = 'wss://api.derivws.com/trading/v1/options/ws/demo?otp=abc123xyz789';

describe('RestErrorEnvelopeSchema', () => {
  it("reads Deriv's 401 envelope", () => {
    const body = {
      errors: [
        {
          status: 401,
          code: 'Unauthorized',
          message: 'Invalid or missing authentication credentials',
        },
      ],
      meta: META,
    };
    expect(RestErrorEnvelopeSchema.parse(body)).toStrictEqual(body);
  });

  it('reads several errors and no meta', () => {
    const errors = [
      { status: 400, code: 'ValidationError', message: 'a' },
      { status: 400, code: 'FieldIsRequired', message: 'b', field: 'currency' },
    ];
    expect(RestErrorEnvelopeSchema.parse({ errors }).errors).toStrictEqual(errors);
  });

  it.each<[string, unknown]>([
    ['no errors', { errors: [], meta: META }],
    ['an error without status', { errors: [{ code: 'X', message: 'y' }] }],
    ['a string status', { errors: [{ status: '401', code: 'X', message: 'y' }] }],
    ['a v3 socket error', { error: { code: 'InvalidToken', message: 'x' } }],
  ])('refuses %s', (_, body) => {
    expect(RestErrorEnvelopeSchema.safeParse(body).success).toBe(false);
  });
});

describe('NewApiAccountSchema and AccountListResponseSchema', () => {
  it('reads the documented list', () => {
    expect(AccountListResponseSchema.parse({ data: [ACCOUNT], meta: META })).toStrictEqual({
      data: [ACCOUNT],
      meta: META,
    });
  });

  it.each<[unknown, number]>([
    ['1000.00', 1000],
    ['0', 0],
    ['-12.5', -12.5],
    ['10000', 10000],
    [0.01, 0.01],
  ])('normalises balance %j to the number %d', (balance, expected) => {
    expect(NewApiAccountSchema.parse({ ...ACCOUNT, balance }).balance).toBe(expected);
  });

  it('reads a real account and lets unknown fields and statuses through', () => {
    expect(
      NewApiAccountSchema.parse({ ...ACCOUNT, account_type: 'real', status: 'suspended', x: 1 }),
    ).toMatchObject({ account_type: 'real', status: 'suspended', x: 1 });
  });

  it.each<[string, Record<string, unknown>]>([
    ['balance as words', { balance: 'ten' }],
    ['an empty balance', { balance: '' }],
    ['balance 1e3 as text', { balance: '1e3' }],
    ['balance with a comma', { balance: '1,000.00' }],
    ['balance with spaces', { balance: ' 100' }],
    ['balance NaN', { balance: Number.NaN }],
    ['balance Infinity', { balance: Infinity }],
    ['a balance string too big for a number', { balance: '9'.repeat(400) }],
    ['balance null', { balance: null }],
    ['account_type virtual', { account_type: 'virtual' }],
    ['no account_type', { account_type: undefined }],
    ['an account id with a slash', { account_id: 'DOT1/../otp' }],
    ['an account id with a dot', { account_id: 'DOT.1' }],
    ['an empty account id', { account_id: '' }],
    ['no currency', { currency: undefined }],
  ])('refuses an account with %s', (_, override) => {
    expect(NewApiAccountSchema.safeParse({ ...ACCOUNT, ...override }).success).toBe(false);
  });
});

describe('create account', () => {
  it('checks the request strictly', () => {
    const body = { currency: 'USD', group: 'row', account_type: 'demo' };
    expect(CreateAccountRequestSchema.parse(body)).toStrictEqual(body);
    expect(CreateAccountRequestSchema.safeParse({ ...body, extra: 1 }).success).toBe(false);
    expect(CreateAccountRequestSchema.safeParse({ ...body, account_type: 'x' }).success).toBe(
      false,
    );
  });

  it('reads both reply shapes (201 data: [account], 200 data: account) as [account]', () => {
    expect(CreateAccountResponseSchema.parse({ data: [ACCOUNT], meta: META }).data).toStrictEqual([
      ACCOUNT,
    ]);
    expect(CreateAccountResponseSchema.parse({ data: ACCOUNT }).data).toStrictEqual([ACCOUNT]);
    expect(
      CreateAccountResponseSchema.parse({ data: { ...ACCOUNT, balance: '5.50' } }).data[0]?.balance,
    ).toBe(5.5);
  });

  it.each<[string, unknown]>([
    ['no account', { data: [] }],
    ['two accounts', { data: [ACCOUNT, ACCOUNT] }],
    ['no data', {}],
    ['a bad account', { data: { ...ACCOUNT, account_type: 'x' } }],
  ])('refuses a create reply with %s', (_, body) => {
    expect(CreateAccountResponseSchema.safeParse(body).success).toBe(false);
  });
});

describe('OtpResponseSchema and isOtpUrl', () => {
  it("reads Deriv's OTP reply", () => {
    const body = { data: { url: OTP_URL }, meta: META };
    expect(OtpResponseSchema.parse(body)).toStrictEqual(body);
  });

  it.each([
    OTP_URL,
    'wss://api.derivws.com/trading/v1/options/ws/real?otp=x',
    'ws://127.0.0.1:8080/trading/v1/options/ws/demo?otp=abc',
    'ws://localhost:8080/ws/demo?otp=abc&lang=en',
    'ws://[::1]:1/ws/demo?otp=abc',
  ])('accepts %s', (url) => {
    expect(isOtpUrl(url)).toBe(true);
    expect(OtpResponseSchema.safeParse({ data: { url } }).success).toBe(true);
  });

  it.each([
    ['ws:// off loopback', 'ws://api.derivws.com/trading/v1/options/ws/demo?otp=abc'],
    ['https://', 'https://api.derivws.com/trading/v1/options/ws/demo?otp=abc'],
    ['no otp', 'wss://api.derivws.com/trading/v1/options/ws/demo'],
    ['an empty otp', 'wss://api.derivws.com/trading/v1/options/ws/demo?otp='],
    ['two otps', 'wss://api.derivws.com/trading/v1/options/ws/demo?otp=a&otp=b'],
    ['otp in the fragment only', 'wss://api.derivws.com/trading/v1/options/ws/demo#otp=a'],
    ['credentials', 'wss://u:p@api.derivws.com/ws/demo?otp=a'],
    ['a relative URL', '/trading/v1/options/ws/demo?otp=a'],
    ['a loopback look-alike', 'ws://127.0.0.1.evil.com/ws/demo?otp=a'],
  ])('refuses %s', (_, url) => {
    expect(isOtpUrl(url)).toBe(false);
    expect(OtpResponseSchema.safeParse({ data: { url } }).success).toBe(false);
  });

  it('refuses a reply without data.url, and non-strings', () => {
    expect(OtpResponseSchema.safeParse({ data: {} }).success).toBe(false);
    expect(OtpResponseSchema.safeParse({ url: OTP_URL }).success).toBe(false);
    expect(isOtpUrl(42)).toBe(false);
  });
});
