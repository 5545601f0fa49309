import * as z from 'zod/mini';
import { optAnyObject, optNumber } from './shared.js';

/**
 * The `error` object of a failed response.
 *
 * @example
 * ```ts
 * ApiErrorSchema.parse({ code: 'InvalidToken', message: 'The token is invalid.' })
 * ```
 */
export const ApiErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: optAnyObject,
});

/**
 * Any response, read leniently to route it: `msg_type`, `req_id`, `echo_req` and maybe `error`.
 *
 * @example
 * ```ts
 * const envelope = ResponseEnvelopeSchema.safeParse(JSON.parse(event.data))
 * if (envelope.success && envelope.data.req_id !== undefined) settle(envelope.data.req_id, envelope.data)
 * ```
 */
export const ResponseEnvelopeSchema = z.looseObject({
  msg_type: z.string(),
  req_id: optNumber,
  echo_req: optAnyObject,
  error: z.optional(ApiErrorSchema),
});

/** Any response message, as {@link ResponseEnvelopeSchema} reads it. */
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/**
 * A failed response: `{ error: { code, message, details? }, echo_req, msg_type, req_id? }`.
 *
 * @example
 * ```ts
 * const failed = ErrorResponseSchema.safeParse(message)
 * if (failed.success) throw createDerivApiError(failed.data)
 * ```
 */
export const ErrorResponseSchema = z.looseObject({
  error: ApiErrorSchema,
  msg_type: z.string(),
  req_id: optNumber,
  echo_req: optAnyObject,
});

/** A failed response message. */
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
