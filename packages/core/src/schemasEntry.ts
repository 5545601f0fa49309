/**
 * The zod schemas of every message `@deriv-auth/*` sends or reads, as the
 * `@deriv-auth/core/schemas` entry: the legacy socket calls (`authorize`, `ping`, `logout`,
 * `time`, `balance`, `website_status`, the error envelope) and the New API's token, account and
 * OTP replies.
 *
 * @remarks
 * Its own entry so that zod/mini's runtime (~6 KB gzip) stays out of apps that only parse
 * redirects and build URLs: the main entry holds no schema value, only the inferred types
 * (`AuthorizeResponse`, `TokenResponse`, ...), which cost nothing at run time. These schemas are
 * the documented source of every message shape (PROTOCOL.md); the hand-written guards
 * `@deriv-auth/ws-client` reads replies with are checked against them by property tests. Import
 * from here to validate messages yourself (a server, a test, a mock).
 *
 * @example
 * ```ts
 * import { TokenResponseSchema } from '@deriv-auth/core/schemas';
 *
 * const tokens = TokenResponseSchema.parse(await response.json());
 * ```
 *
 * @packageDocumentation
 * @module schemas
 */
export { TokenSchema, LoginIdSchema, SubscriptionSchema } from './schemas/shared.js';
export {
  AuthorizeRequestSchema,
  AuthorizeResponseSchema,
  AuthorizeSchema,
  AccountListItemSchema,
} from './schemas/authorize.js';
export type { AuthorizeRequest, AuthorizeResponse, Authorize } from './schemas/authorize.js';
export { ApiErrorSchema, ErrorResponseSchema, ResponseEnvelopeSchema } from './schemas/envelope.js';
export type { ErrorResponse, ResponseEnvelope } from './schemas/envelope.js';
export { PingRequestSchema, PingResponseSchema } from './schemas/ping.js';
export type { PingRequest, PingResponse } from './schemas/ping.js';
export { LogoutRequestSchema, LogoutResponseSchema } from './schemas/logout.js';
export type { LogoutRequest, LogoutResponse } from './schemas/logout.js';
export { TimeRequestSchema, TimeResponseSchema } from './schemas/time.js';
export type { TimeRequest, TimeResponse } from './schemas/time.js';
export { BalanceRequestSchema, BalanceResponseSchema } from './schemas/balance.js';
export type { BalanceRequest, BalanceResponse } from './schemas/balance.js';
export {
  WebsiteStatusRequestSchema,
  WebsiteStatusResponseSchema,
} from './schemas/websiteStatus.js';
export type { WebsiteStatusRequest, WebsiteStatusResponse } from './schemas/websiteStatus.js';
export { TokenResponseSchema, TokenErrorResponseSchema } from './schemas/tokenResponse.js';
export type { TokenResponse, TokenErrorCode, TokenErrorResponse } from './schemas/tokenResponse.js';
export {
  RestErrorSchema,
  RestErrorEnvelopeSchema,
  NewApiAccountSchema,
  AccountListResponseSchema,
  CreateAccountRequestSchema,
  CreateAccountResponseSchema,
  OtpResponseSchema,
} from './schemas/restApi.js';
export type {
  RestErrorEnvelope,
  NewApiAccount,
  AccountListResponse,
  CreateAccountRequest,
  CreateAccountResponse,
  OtpResponse,
} from './schemas/restApi.js';
