import * as z from 'zod/mini';
import { optInteger, requestExtras, responseExtras } from './shared.js';

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
