import * as z from 'zod/mini';

/** Deriv's token pattern (`authorize` request schema). */
export const TOKEN_PATTERN = /^[\w-]{1,128}$/;

/** Deriv's login id pattern (`logout` request schema). */
export const LOGIN_ID_PATTERN = /^[A-Za-z]+[0-9]+$/;

/**
 * A token as the `authorize` request accepts it.
 *
 * @example
 * ```ts
 * TokenSchema.safeParse('a1-abc').success // true
 * ```
 */
export const TokenSchema = z.string().check(z.regex(TOKEN_PATTERN));

/**
 * A Deriv login id, e.g. `CR799393`.
 *
 * @example
 * ```ts
 * LoginIdSchema.safeParse('VRTC1859315').success // true
 * ```
 */
export const LoginIdSchema = z.string().check(z.regex(LOGIN_ID_PATTERN));

/**
 * Fields every request may carry: `passthrough` (echoed back) and `req_id`.
 *
 * @example
 * ```ts
 * z.strictObject({ ping: z.literal(1), ...requestExtras })
 * ```
 */
export const requestExtras = {
  passthrough: z.optional(z.looseObject({})),
  // Any number: zod's integer check alone would add half a kilobyte to every browser bundle.
  req_id: z.optional(z.number()),
};

/**
 * Fields every response carries: the `echo_req` and optional `req_id`.
 *
 * @example
 * ```ts
 * z.looseObject({ msg_type: z.literal('ping'), ...responseExtras })
 * ```
 */
export const responseExtras = {
  echo_req: z.looseObject({}),
  req_id: z.optional(z.number()),
};

/**
 * `subscription: { id }`, present on subscription responses.
 *
 * @example
 * ```ts
 * SubscriptionSchema.parse({ id: 'c84a793b-8a87-7999-ce10-9b22f7ceead3' })
 * ```
 */
export const SubscriptionSchema = z.looseObject({ id: z.string() });
