import * as z from 'zod/mini';
import { LoginIdSchema, requestExtras, responseExtras } from './shared.js';

const OptLoginIdSchema = z.optional(LoginIdSchema);

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
