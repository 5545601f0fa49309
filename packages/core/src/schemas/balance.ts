import * as z from 'zod/mini';
import {
  LoginIdSchema,
  SubscriptionSchema,
  matching,
  optAnyObject,
  optFlag,
  optString,
  requestExtras,
  responseExtras,
} from './shared.js';

const OptSubscriptionSchema = z.optional(SubscriptionSchema);
const OptLoginIdSchema = z.optional(LoginIdSchema);

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
