import * as z from 'zod/mini';
import { TokenSchema, requestExtras, responseExtras } from './shared.js';

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
  add_to_login_history: z.optional(z.literal([0, 1])),
  tokens: z.optional(z.array(TokenSchema).check(z.maxLength(25))),
  ...requestExtras,
});

/** An `authorize` request message. */
export type AuthorizeRequest = z.infer<typeof AuthorizeRequestSchema>;

const LinkedToSchema = z.looseObject({
  loginid: z.optional(z.string()),
  // Deriv adds platforms over time (ctrader was added late): any string is accepted.
  platform: z.optional(z.string()),
});

/**
 * One entry of `authorize.account_list`.
 *
 * @example
 * ```ts
 * AccountListItemSchema.parse({ loginid: 'CR799393', currency: 'USD', is_virtual: 0 })
 * ```
 */
export const AccountListItemSchema = z.looseObject({
  account_category: z.optional(z.string()),
  account_type: z.optional(z.string()),
  broker: z.optional(z.string()),
  created_at: z.optional(z.number()),
  currency: z.optional(z.string()),
  currency_type: z.optional(z.string()),
  excluded_until: z.optional(z.number()),
  is_disabled: z.optional(z.literal([0, 1])),
  is_virtual: z.optional(z.literal([0, 1])),
  landing_company_name: z.optional(z.string()),
  linked_to: z.optional(z.array(LinkedToSchema)),
  loginid: z.optional(z.string()),
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
  balance: z.optional(z.number()),
  country: z.optional(z.string()),
  currency: z.optional(z.string()),
  email: z.optional(z.string()),
  fullname: z.optional(z.string()),
  is_virtual: z.optional(z.literal([0, 1])),
  landing_company_fullname: z.optional(z.string()),
  landing_company_name: z.optional(z.string()),
  linked_to: z.optional(z.array(LinkedToSchema)),
  local_currencies: z.optional(
    z.catchall(z.object({}), z.object({ fractional_digits: z.number() })),
  ),
  loginid: z.optional(z.string()),
  preferred_language: z.optional(z.nullable(z.string())),
  scopes: z.optional(z.array(z.string())),
  upgradeable_landing_companies: z.optional(z.array(z.unknown())),
  user_id: z.optional(z.number()),
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
