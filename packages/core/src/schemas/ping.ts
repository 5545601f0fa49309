import * as z from 'zod/mini';
import { requestExtras, responseExtras } from './shared.js';

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
