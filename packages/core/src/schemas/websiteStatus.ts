import * as z from 'zod/mini';
import {
  SubscriptionSchema,
  optFlag,
  optNumber,
  optString,
  requestExtras,
  responseExtras,
} from './shared.js';

const OptSubscriptionSchema = z.optional(SubscriptionSchema);

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
