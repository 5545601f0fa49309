import * as z from 'zod/mini';
import { LOGIN_ID_PATTERN, TOKEN_PATTERN } from '../tokenPattern.js';

/**
 * A string matching `pattern`. A `refine` rather than `z.regex`: the one refine check serves every
 * custom rule, where `z.regex` and `z.maxLength` each add their own check code (~0.3 KB gzip).
 *
 * @internal
 */
export function matching(pattern: RegExp, error: string): z.ZodMiniString {
  return z.string().check(z.refine((value) => pattern.test(value), error));
}

/** `0 | 1` flags (`is_virtual`, `subscribe`, ...), optional. @internal */
export const optFlag = /* @__PURE__ */ z.optional(z.literal([0, 1]));

/** Optional string, shared by every schema that has one. @internal */
export const optString = /* @__PURE__ */ z.optional(z.string());

/** Optional number, shared by every schema that has one. @internal */
export const optNumber = /* @__PURE__ */ z.optional(z.number());

/**
 * An integer (`"type": "integer"` in Deriv's schemas). A `refine` rather than `z.int()`: zod's
 * integer check alone would add half a kilobyte to every browser bundle. @internal
 */
export const integer = /* @__PURE__ */ z
  .number()
  .check(z.refine((value) => Number.isInteger(value), 'Expected an integer'));

/** Optional {@link integer}. @internal */
export const optInteger = /* @__PURE__ */ z.optional(integer);

/** Any object, fields unchecked. @internal */
export const anyObject = /* @__PURE__ */ z.looseObject({});

/** Optional {@link anyObject}. @internal */
export const optAnyObject = /* @__PURE__ */ z.optional(anyObject);

/**
 * A token as the `authorize` request accepts it.
 *
 * @example
 * ```ts
 * TokenSchema.safeParse('a1-abc').success // true
 * ```
 */
export const TokenSchema = matching(TOKEN_PATTERN, 'Expected a Deriv token');

/**
 * A Deriv login id, e.g. `CR799393`.
 *
 * @example
 * ```ts
 * LoginIdSchema.safeParse('VRTC1859315').success // true
 * ```
 */
export const LoginIdSchema = matching(LOGIN_ID_PATTERN, 'Expected a Deriv login id');

/**
 * Fields every request may carry: `passthrough` (echoed back) and `req_id`.
 *
 * @example
 * ```ts
 * z.strictObject({ ping: z.literal(1), ...requestExtras })
 * ```
 */
export const requestExtras = {
  passthrough: optAnyObject,
  req_id: optInteger,
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
  echo_req: anyObject,
  req_id: optInteger,
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
