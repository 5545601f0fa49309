import * as z from 'zod/mini';
import { NEW_API_ACCOUNT_ID_PATTERN, isOtpUrl } from '../newApiRestRules.js';
import { matching, optAnyObject } from './shared.js';

// A decimal as Deriv's reference app types `balance` ("1000.00").
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * One error of the REST error envelope. The HTTP status mirrors `status`.
 *
 * @example
 * ```ts
 * RestErrorSchema.parse({ status: 403, code: 'AccessDenied', message: 'Insufficient scope' })
 * ```
 */
export const RestErrorSchema = z.looseObject({
  status: z.number(),
  code: z.string(),
  message: z.string(),
});

/**
 * Every failed New API REST call: `{ errors: [{ status, code, message }], meta }`.
 *
 * @remarks
 * At least one error. `meta` (`endpoint`, `method`, `timing`) is read as any object: Deriv says
 * not to parse `meta.endpoint`. Codes seen: `ValidationError`, `FieldIsRequired` (400),
 * `Unauthorized` (401), `AccessDenied` (403, the token lacks the scope), `AccountNotFound`,
 * `NotFound` (404), `InternalError` (500); 409, 422, 429, 502-504 also occur.
 *
 * @example
 * ```ts
 * const failed = RestErrorEnvelopeSchema.safeParse(await response.json())
 * if (failed.success && failed.data.errors[0]?.code === 'Unauthorized') refreshToken()
 * ```
 */
export const RestErrorEnvelopeSchema = z.looseObject({
  // A refine, not `z.tuple([error], error)`: same rule, without zod's tuple code (~0.3 KB gzip).
  errors: z
    .array(RestErrorSchema)
    .check(z.refine((errors) => errors.length > 0, 'Expected an error')),
  meta: optAnyObject,
});

/** A parsed REST error envelope. */
export type RestErrorEnvelope = z.infer<typeof RestErrorEnvelopeSchema>;

/**
 * One New API trading account, `balance` always a number.
 *
 * @remarks
 * `balance` is accepted as a number (the docs) or a decimal string (Deriv's reference app types it
 * `"1000.00"`) and comes out as a number. `account_type` tells demo from real; never the id's
 * prefix. `status` is `active` or `inactive` in the docs; other values pass, so a new status
 * cannot break sign-in.
 *
 * @example
 * ```ts
 * NewApiAccountSchema.parse({ account_id: 'DOT90004580', balance: '10000.00', currency: 'USD',
 *   group: 'row', status: 'active', account_type: 'demo' }).balance // 10000
 * ```
 */
export const NewApiAccountSchema = z.looseObject({
  account_id: matching(NEW_API_ACCOUNT_ID_PATTERN, 'Expected an account id'),
  balance: z.pipe(
    z.custom<number | string>(
      (value) =>
        (typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value))) &&
        Number.isFinite(Number(value)),
      'Expected a balance',
    ),
    z.transform(Number),
  ),
  currency: z.string(),
  group: z.string(),
  status: z.string(),
  account_type: z.literal(['demo', 'real']),
});

/** A parsed New API account. */
export type NewApiAccount = z.infer<typeof NewApiAccountSchema>;

/**
 * `GET /trading/v1/options/accounts`: `{ data: [account], meta }`.
 *
 * @example
 * ```ts
 * const { data: accounts } = AccountListResponseSchema.parse(await response.json())
 * ```
 */
export const AccountListResponseSchema = z.looseObject({
  data: z.array(NewApiAccountSchema),
  meta: optAnyObject,
});

/** A parsed account list response. */
export type AccountListResponse = z.infer<typeof AccountListResponseSchema>;

/**
 * `POST /trading/v1/options/accounts` body, strict (requests are checked strictly).
 *
 * @example
 * ```ts
 * CreateAccountRequestSchema.parse({ currency: 'USD', group: 'row', account_type: 'demo' })
 * ```
 */
export const CreateAccountRequestSchema = z.strictObject({
  currency: z.string(),
  group: z.string(),
  account_type: z.literal(['demo', 'real']),
});

/** A create-account request body. */
export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;

/**
 * `POST /trading/v1/options/accounts` reply: `201` with `data: [account]`, or `200` with
 * `data: account` when an identical account exists. Both come out as `data: [account]`.
 *
 * @example
 * ```ts
 * const [account] = CreateAccountResponseSchema.parse(body).data
 * ```
 */
export const CreateAccountResponseSchema = z.looseObject({
  // Both shapes come out as an array of one account.
  data: z.pipe(
    z.transform((data: unknown) => (Array.isArray(data) ? (data as unknown[]) : [data])),
    z
      .array(NewApiAccountSchema)
      .check(z.refine((data) => data.length === 1, 'Expected one account')),
  ),
  meta: optAnyObject,
});

/** A parsed create-account response. */
export type CreateAccountResponse = z.infer<typeof CreateAccountResponseSchema>;

/**
 * `POST /trading/v1/options/accounts/{accountId}/otp`: `{ data: { url }, meta }`.
 *
 * @remarks
 * The URL holds a one-time password: open it once, at once, and never log it. A refusal names
 * the field only; the zod issue does not carry the URL.
 *
 * @example
 * ```ts
 * const socket = new WebSocket(OtpResponseSchema.parse(await response.json()).data.url)
 * ```
 */
export const OtpResponseSchema = z.looseObject({
  data: z.looseObject({
    url: z.string().check(z.refine(isOtpUrl, 'Expected a wss:// URL with an otp parameter')),
  }),
  meta: optAnyObject,
});

/** A parsed OTP response. */
export type OtpResponse = z.infer<typeof OtpResponseSchema>;
