import * as z from 'zod/mini';
import {
  LoginIdSchema,
  SubscriptionSchema,
  matching,
  optAnyObject,
  optFlag,
  optInteger,
  optNumber,
  optString,
  requestExtras,
  responseExtras,
} from './shared.js';

const OptSubscriptionSchema = z.optional(SubscriptionSchema);
const OptLoginIdSchema = z.optional(LoginIdSchema);

/**
 * `{ ping: 1 }`: keeps the connection alive; outside rate limits.
 *
 * @example
 * ```ts
 * PingRequestSchema.parse({ ping: 1, req_id: 7 })
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#ping
 */
export const PingRequestSchema = z.strictObject({ ping: z.literal(1), ...requestExtras });
/** A `ping` request message. */
export type PingRequest = z.infer<typeof PingRequestSchema>;

/**
 * `{ ping: 'pong', msg_type: 'ping' }`.
 *
 * @example
 * ```ts
 * PingResponseSchema.parse({ ping: 'pong', msg_type: 'ping', echo_req: { ping: 1 } })
 * ```
 */
export const PingResponseSchema = z.looseObject({
  ping: z.optional(z.literal('pong')),
  msg_type: z.literal('ping'),
  ...responseExtras,
});
/** A `ping` response message. */
export type PingResponse = z.infer<typeof PingResponseSchema>;

/**
 * `{ logout: 1, loginid? }`: `loginid` is required when several tokens were authorized.
 *
 * @example
 * ```ts
 * LogoutRequestSchema.parse({ logout: 1, loginid: 'CR799393' })
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#logout
 */
export const LogoutRequestSchema = z.strictObject({
  logout: z.literal(1),
  loginid: OptLoginIdSchema,
  ...requestExtras,
});
/** A `logout` request message. */
export type LogoutRequest = z.infer<typeof LogoutRequestSchema>;

/**
 * `{ logout: 1, msg_type: 'logout' }`.
 *
 * @example
 * ```ts
 * LogoutResponseSchema.parse({ logout: 1, msg_type: 'logout', echo_req: {} })
 * ```
 */
export const LogoutResponseSchema = z.looseObject({
  logout: z.optional(z.literal(1)),
  msg_type: z.literal('logout'),
  ...responseExtras,
});
/** A `logout` response message. */
export type LogoutResponse = z.infer<typeof LogoutResponseSchema>;

/**
 * `{ time: 1 }`: server epoch seconds; also a keep-alive.
 *
 * @example
 * ```ts
 * TimeRequestSchema.parse({ time: 1 })
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#time
 */
export const TimeRequestSchema = z.strictObject({ time: z.literal(1), ...requestExtras });
/** A `time` request message. */
export type TimeRequest = z.infer<typeof TimeRequestSchema>;

/**
 * `{ time: 1700000000, msg_type: 'time' }`.
 *
 * @example
 * ```ts
 * TimeResponseSchema.parse({ time: 1700000000, msg_type: 'time', echo_req: { time: 1 } })
 * ```
 */
export const TimeResponseSchema = z.looseObject({
  time: optInteger,
  msg_type: z.literal('time'),
  ...responseExtras,
});
/** A `time` response message. */
export type TimeResponse = z.infer<typeof TimeResponseSchema>;

/**
 * `{ balance: 1, account?, subscribe?, loginid? }`.
 *
 * @example
 * ```ts
 * BalanceRequestSchema.parse({ balance: 1, subscribe: 1 })
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#balance
 */
export const BalanceRequestSchema = z.strictObject({
  balance: z.literal(1),
  account: z.optional(
    matching(/^(current|all|[A-Z]{2,4}[0-9]{1,10})$/, 'Expected current, all or a login id'),
  ),
  subscribe: optFlag,
  loginid: OptLoginIdSchema,
  ...requestExtras,
});
/** A `balance` request message. */
export type BalanceRequest = z.infer<typeof BalanceRequestSchema>;

/**
 * `{ balance: { balance, currency, loginid, id?, accounts?, total? }, subscription? }`.
 *
 * @example
 * ```ts
 * BalanceResponseSchema.parse({ balance: { balance: 10, currency: 'USD', loginid: 'CR1' }, msg_type: 'balance', echo_req: {} })
 * ```
 */
export const BalanceResponseSchema = z.looseObject({
  balance: z.optional(
    z.looseObject({
      balance: z.number(),
      currency: z.string(),
      loginid: z.string(),
      id: optString,
      accounts: optAnyObject,
      total: optAnyObject,
    }),
  ),
  subscription: OptSubscriptionSchema,
  msg_type: z.literal('balance'),
  ...responseExtras,
});
/** A `balance` response message. */
export type BalanceResponse = z.infer<typeof BalanceResponseSchema>;

/**
 * `{ website_status: 1, subscribe? }`.
 *
 * @example
 * ```ts
 * WebsiteStatusRequestSchema.parse({ website_status: 1 })
 * ```
 */
export const WebsiteStatusRequestSchema = z.strictObject({
  website_status: z.literal(1),
  subscribe: optFlag,
  ...requestExtras,
});
/** A `website_status` request message. */
export type WebsiteStatusRequest = z.infer<typeof WebsiteStatusRequestSchema>;

// Per Deriv's receive.json: the proposal limit has `max`, the request limits `hourly`/`minutely`.
const MaxLimitSchema = z.optional(z.looseObject({ applies_to: z.string(), max: optNumber }));
const RateLimitSchema = z.optional(
  z.looseObject({ applies_to: z.string(), hourly: optNumber, minutely: optNumber }),
);

/**
 * `website_status` as far as the SDK reads it: `api_call_limits` (rate limits change over time:
 * read them, never hard-code) and `site_status`; everything else passes untyped.
 *
 * @example
 * ```ts
 * const limits = WebsiteStatusResponseSchema.parse(message).website_status?.api_call_limits
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#website_status
 */
export const WebsiteStatusResponseSchema = z.looseObject({
  website_status: z.optional(
    z.looseObject({
      api_call_limits: z.looseObject({
        max_proposal_subscription: MaxLimitSchema,
        max_requestes_general: RateLimitSchema,
        max_requests_outcome: RateLimitSchema,
        max_requests_pricing: RateLimitSchema,
      }),
      site_status: optString,
      message: optString,
    }),
  ),
  subscription: OptSubscriptionSchema,
  msg_type: z.literal('website_status'),
  ...responseExtras,
});
/** A `website_status` response message. */
export type WebsiteStatusResponse = z.infer<typeof WebsiteStatusResponseSchema>;
