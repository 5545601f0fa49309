import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import * as schemas from './schemasEntry.js';

describe('@deriv-auth/core/schemas', () => {
  it('exports every wire schema, and nothing else', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      [
        'AccountListItemSchema',
        'AccountListResponseSchema',
        'ApiErrorSchema',
        'AuthorizeRequestSchema',
        'AuthorizeResponseSchema',
        'AuthorizeSchema',
        'BalanceRequestSchema',
        'BalanceResponseSchema',
        'CreateAccountRequestSchema',
        'CreateAccountResponseSchema',
        'ErrorResponseSchema',
        'LoginIdSchema',
        'LogoutRequestSchema',
        'LogoutResponseSchema',
        'NewApiAccountSchema',
        'OtpResponseSchema',
        'PingRequestSchema',
        'PingResponseSchema',
        'ResponseEnvelopeSchema',
        'RestErrorEnvelopeSchema',
        'RestErrorSchema',
        'SubscriptionSchema',
        'TimeRequestSchema',
        'TimeResponseSchema',
        'TokenErrorResponseSchema',
        'TokenResponseSchema',
        'TokenSchema',
        'WebsiteStatusRequestSchema',
        'WebsiteStatusResponseSchema',
      ].sort(),
    );
  });

  it('keeps every schema out of the main entry, so zod stays out of its bundles', () => {
    expect(Object.keys(core).filter((name) => name.endsWith('Schema'))).toEqual([]);
  });

  it('checks with the same rules the main entry exports', () => {
    const account = {
      account_id: 'DOT90004580',
      balance: '10.00',
      currency: 'USD',
      group: 'row',
      status: 'active',
      account_type: 'demo',
    };
    expect(core.NEW_API_ACCOUNT_ID_PATTERN.test(account.account_id)).toBe(true);
    expect(schemas.NewApiAccountSchema.safeParse({ ...account, account_id: 'a/b' }).success).toBe(
      false,
    );
    const url = 'wss://api.derivws.com/trading/v1/options/ws/demo?otp=abc123xyz789';
    expect(core.isOtpUrl(url)).toBe(true);
    expect(schemas.OtpResponseSchema.parse({ data: { url } }).data.url).toBe(url);
  });
});
