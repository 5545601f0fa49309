import { describe, expect, it } from 'vitest';
import { BalanceRequestSchema, BalanceResponseSchema } from './balance.js';
import { LogoutRequestSchema, LogoutResponseSchema } from './logout.js';
import { PingRequestSchema, PingResponseSchema } from './ping.js';
import { TimeRequestSchema, TimeResponseSchema } from './time.js';
import { WebsiteStatusRequestSchema, WebsiteStatusResponseSchema } from './websiteStatus.js';
import { ErrorResponseSchema, ResponseEnvelopeSchema } from './envelope.js';

describe('request schemas (strict)', () => {
  it.each<[string, { safeParse: (value: unknown) => { success: boolean } }, unknown, boolean]>([
    ['ping', PingRequestSchema, { ping: 1, req_id: 1 }, true],
    ['ping with an extra field', PingRequestSchema, { ping: 1, extra: 1 }, false],
    ['ping 2', PingRequestSchema, { ping: 2 }, false],
    ['logout', LogoutRequestSchema, { logout: 1 }, true],
    ['logout with loginid', LogoutRequestSchema, { logout: 1, loginid: 'CR799393' }, true],
    ['logout with a bad loginid', LogoutRequestSchema, { logout: 1, loginid: 'CR-1' }, false],
    ['time', TimeRequestSchema, { time: 1, passthrough: { x: 1 } }, true],
    ['balance', BalanceRequestSchema, { balance: 1, account: 'all', subscribe: 1 }, true],
    ['balance of an account', BalanceRequestSchema, { balance: 1, account: 'CR799393' }, true],
    [
      'balance of a bad account',
      BalanceRequestSchema,
      { balance: 1, account: 'everything' },
      false,
    ],
    ['website_status', WebsiteStatusRequestSchema, { website_status: 1, subscribe: 0 }, true],
  ])('%s', (_, schema, request, valid) => {
    expect(schema.safeParse(request).success).toBe(valid);
  });
});

describe('response schemas (lenient)', () => {
  it('reads ping, logout and time answers, unknown fields included', () => {
    expect(
      PingResponseSchema.parse({
        ping: 'pong',
        msg_type: 'ping',
        echo_req: { ping: 1 },
        req_id: 1,
        extra: true,
      }),
    ).toMatchObject({ ping: 'pong', extra: true });
    expect(
      LogoutResponseSchema.parse({ logout: 1, msg_type: 'logout', echo_req: { logout: 1 } }).logout,
    ).toBe(1);
    expect(
      TimeResponseSchema.parse({ time: 1_700_000_000, msg_type: 'time', echo_req: { time: 1 } })
        .time,
    ).toBe(1_700_000_000);
  });

  it('reads a balance with its subscription', () => {
    const response = {
      balance: { balance: 10.5, currency: 'USD', loginid: 'CR1', id: 'abc' },
      subscription: { id: 'abc' },
      msg_type: 'balance',
      echo_req: {},
    };
    expect(BalanceResponseSchema.parse(response)).toStrictEqual(response);
    expect(
      BalanceResponseSchema.safeParse({ ...response, balance: { currency: 'USD' } }).success,
    ).toBe(false);
  });

  it('reads the rate limits of website_status', () => {
    const limits = {
      max_proposal_subscription: { applies_to: 'subscribing to proposal concurrently', max: 5 },
      max_requestes_general: { applies_to: 'rest of calls', hourly: 14_400, minutely: 180 },
      max_requests_outcome: {
        applies_to: 'portfolio, statement and proposal',
        hourly: 1500,
        minutely: 25,
      },
      max_requests_pricing: {
        applies_to: 'proposal and proposal_open_contract',
        hourly: 3600,
        minutely: 80,
      },
    };
    const parsed = WebsiteStatusResponseSchema.parse({
      website_status: { api_call_limits: limits, currencies_config: {}, site_status: 'up' },
      msg_type: 'website_status',
      echo_req: {},
    });
    expect(parsed.website_status?.api_call_limits.max_requestes_general?.minutely).toBe(180);
  });

  it('reads error envelopes', () => {
    const failed = {
      error: { code: 'InvalidToken', message: 'The token is invalid.' },
      echo_req: { authorize: '<not shown>' },
      msg_type: 'authorize',
      req_id: 2,
    };
    expect(ErrorResponseSchema.parse(failed)).toStrictEqual(failed);
    expect(ResponseEnvelopeSchema.parse(failed).error?.code).toBe('InvalidToken');
    expect(ResponseEnvelopeSchema.parse({ msg_type: 'tick', tick: {} })).toStrictEqual({
      msg_type: 'tick',
      tick: {},
    });
    expect(ResponseEnvelopeSchema.safeParse({ tick: {} }).success).toBe(false);
    expect(ErrorResponseSchema.safeParse({ msg_type: 'x', error: { code: 'X' } }).success).toBe(
      false,
    );
  });
});
