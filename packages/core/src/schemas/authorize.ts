import * as z from 'zod/mini';
import {
  TokenSchema,
  optFlag,
  optInteger,
  optNumber,
  integer,
  optString,
  requestExtras,
  responseExtras,
} from './shared.js';

/**
 * The `authorize` request, strict as Deriv's `send.json` (`additionalProperties: false`): one
 * token, up to 25 more in `tokens`, `add_to_login_history`, `passthrough`, `req_id`.
 *
 * @example
 * ```ts
 * AuthorizeRequestSchema.parse({ authorize: token, tokens: otherTokens })
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#authorize
 */
export const AuthorizeRequestSchema = z.strictObject({
  authorize: TokenSchema,
  add_to_login_history: optFlag,
  // A refine, not `z.maxLength`: see `matching` in shared.ts.
  tokens: z.optional(
    z.array(TokenSchema).check(z.refine((tokens) => tokens.length <= 25, 'At most 25 tokens')),
  ),
  ...requestExtras,
});

/** An `authorize` request message. */
export type AuthorizeRequest = z.infer<typeof AuthorizeRequestSchema>;

const LinkedToListSchema = z.optional(
  z.array(
    z.looseObject({
      loginid: optString,
      // Deriv adds platforms over time (ctrader was added late): any string is accepted.
      platform: optString,
    }),
  ),
);

/**
 * One entry of `authorize.account_list`.
 *
 * @example
 * ```ts
 * AccountListItemSchema.parse({ loginid: 'CR799393', currency: 'USD', is_virtual: 0 })
 * ```
 */
export const AccountListItemSchema = z.looseObject({
  account_category: optString,
  account_type: optString,
  broker: optString,
  created_at: optInteger,
  currency: optString,
  currency_type: optString,
  excluded_until: optInteger,
  is_disabled: optFlag,
  is_virtual: optFlag,
  landing_company_name: optString,
  linked_to: LinkedToListSchema,
  loginid: optString,
});

/**
 * The `authorize` object of a successful response: every documented field, all optional as in
 * `receive.json`; unknown fields (`trading: {}` in real traffic) pass through.
 *
 * @example
 * ```ts
 * const { loginid, scopes } = AuthorizeSchema.parse(response.authorize)
 * ```
 */
export const AuthorizeSchema = z.looseObject({
  account_list: z.optional(z.array(AccountListItemSchema)),
  balance: optNumber,
  country: optString,
  currency: optString,
  email: optString,
  fullname: optString,
  is_virtual: optFlag,
  landing_company_fullname: optString,
  landing_company_name: optString,
  linked_to: LinkedToListSchema,
  local_currencies: z.optional(z.catchall(z.object({}), z.object({ fractional_digits: integer }))),
  loginid: optString,
  preferred_language: z.optional(z.nullable(z.string())),
  scopes: z.optional(z.array(z.string())),
  upgradeable_landing_companies: z.optional(z.array(z.unknown())),
  user_id: optInteger,
});

/**
 * The `authorize` response, lenient: unknown fields pass, so new server fields never break sign-in.
 *
 * @example
 * ```ts
 * const { authorize } = AuthorizeResponseSchema.parse(JSON.parse(event.data))
 * ```
 * @see https://developers.deriv.com/docs/api-explorer#authorize
 */
export const AuthorizeResponseSchema = z.looseObject({
  authorize: z.optional(AuthorizeSchema),
  msg_type: z.literal('authorize'),
  ...responseExtras,
});

/** An `authorize` response message. */
export type AuthorizeResponse = z.infer<typeof AuthorizeResponseSchema>;

/** The account details inside a successful `authorize` response. */
export type Authorize = NonNullable<AuthorizeResponse['authorize']>;
