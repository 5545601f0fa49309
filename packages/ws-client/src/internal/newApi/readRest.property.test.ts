import { isOtpUrl as coreIsOtpUrl, NEW_API_ACCOUNT_ID_PATTERN } from '@deriv-auth/core';
import {
  AccountListResponseSchema,
  OtpResponseSchema,
  RestErrorEnvelopeSchema,
} from '@deriv-auth/core/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, isOtpUrl, readAccountList, readOtpUrl, readRestError } from './readRest.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
// Capped: each run parses with zod and the guard (~0.15 ms); 20,000 runs a property keep the file
// near 10 s at CI's count, and the inputs are small enough that more runs find nothing new.
const settings = { numRuns: Math.min(numRuns, 20_000), ...seed };

const meta = fc.oneof(fc.constant(undefined), fc.object(), fc.string(), fc.constant([]));
const account = fc.record(
  {
    account_id: fc.oneof(fc.constantFrom('DOT90004580', 'a/b', '', 'x'.repeat(65)), fc.string()),
    balance: fc.oneof(
      fc.double(),
      fc.constantFrom('1000.00', '-1', '1e3', ' 1', '', '0.5.5', '9'.repeat(400)),
      fc.string(),
    ),
    currency: fc.oneof(fc.constant('USD'), fc.integer()),
    group: fc.oneof(fc.constant('row'), fc.constant(null)),
    status: fc.oneof(fc.constantFrom('active', 'inactive', 'new'), fc.boolean()),
    account_type: fc.oneof(fc.constantFrom('demo', 'real', 'DEMO'), fc.string()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const url = fc.oneof(
  fc.constantFrom(
    'wss://api.derivws.com/trading/v1/options/ws/demo?otp=abc',
    'ws://127.0.0.1:8080/ws/real?otp=x',
    'ws://localhost/ws?otp=x&otp=y',
    'ws://example.com/ws?otp=x',
    'wss://user:pw@api.derivws.com/ws?otp=x',
    'wss://api.derivws.com/ws?otp=',
    'https://api.derivws.com/ws?otp=x',
    'not a url',
  ),
  fc.webUrl({ withQueryParameters: true }).map((text) => text.replace(/^https?/, 'wss')),
  fc.string(),
);
const restError = fc.record(
  {
    status: fc.oneof(fc.integer(), fc.string()),
    code: fc.oneof(fc.constant('InternalError'), fc.integer()),
    message: fc.oneof(fc.string(), fc.constant(null)),
  },
  { requiredKeys: [] },
);

describe('the hand-written REST checks match core’s schemas', () => {
  it('account list', () => {
    fc.assert(
      fc.property(
        fc.record({ data: fc.oneof(fc.array(account, { maxLength: 3 }), fc.object()), meta }),
        (body) => {
          const schema = AccountListResponseSchema.safeParse(body);
          expect(readAccountList(body)).toEqual(schema.success ? schema.data.data : undefined);
        },
      ),
      settings,
    );
  });

  it('OTP response', () => {
    fc.assert(
      fc.property(fc.record({ data: fc.oneof(fc.record({ url }), fc.string()), meta }), (body) => {
        const schema = OtpResponseSchema.safeParse(body);
        expect(readOtpUrl(body)).toBe(schema.success ? schema.data.data.url : undefined);
      }),
      settings,
    );
  });

  it('error envelope', () => {
    fc.assert(
      fc.property(
        fc.record({ errors: fc.oneof(fc.array(restError, { maxLength: 3 }), fc.string()), meta }),
        (body) => {
          const schema = RestErrorEnvelopeSchema.safeParse(body);
          expect(readRestError(body)).toEqual(schema.success ? schema.data.errors[0] : undefined);
        },
      ),
      settings,
    );
  });

  it('the copied account id pattern and OTP URL check are core’s', () => {
    expect(ACCOUNT_ID.source).toBe(NEW_API_ACCOUNT_ID_PATTERN.source);
    fc.assert(
      fc.property(url, (text) => {
        expect(isOtpUrl(text)).toBe(coreIsOtpUrl(text));
      }),
      settings,
    );
  });
});
