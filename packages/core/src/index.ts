/**
 * Pure building blocks of the Deriv sign-in flow: OAuth redirect parsing, login URLs, wire
 * schemas (zod), scopes and errors. No I/O and no globals, in browsers and Node.
 *
 * @packageDocumentation
 */
export { DerivAuthError, isDerivAuthError } from './derivAuthError.js';
export type { DerivAuthErrorOptions } from './derivAuthError.js';
export { OAuthRedirectError, isOAuthRedirectError } from './oAuthRedirectError.js';
export type { OAuthRedirectErrorCode, OAuthRedirectErrorOptions } from './oAuthRedirectError.js';
export {
  parseOAuthRedirect,
  safeParseOAuthRedirect,
  DEFAULT_MAX_REDIRECT_LENGTH,
  MAX_ACCOUNTS,
} from './parseOAuthRedirect.js';
export type {
  DerivAccount,
  OAuthRedirect,
  OAuthRedirectInput,
  ParseOAuthRedirectOptions,
  SafeParseOAuthRedirectResult,
} from './parseOAuthRedirect.js';
export { buildOAuthUrl, DEFAULT_OAUTH_URL } from './buildOAuthUrl.js';
export type { BuildOAuthUrlOptions } from './buildOAuthUrl.js';
export { createOAuthState } from './createOAuthState.js';
export { validateReturnPath } from './validateReturnPath.js';
export type { ValidateReturnPathOptions } from './validateReturnPath.js';
export { DerivApiError, createDerivApiError, isDerivApiError } from './derivApiError.js';
export type { DerivErrorEnvelope } from './derivApiError.js';
export { KNOWN_DERIV_ERROR_CODES } from './derivErrorCode.js';
export type { DerivErrorCode } from './derivErrorCode.js';
export { redactSecrets, REDACTED } from './redactSecrets.js';
export {
  DERIV_SCOPES,
  getCallName,
  isAuthRequired,
  isCallAllowed,
  isDerivScope,
} from './scopes.js';
export type { CallRequirement, DerivScope } from './scopes.js';
export { CALL_REQUIREMENTS } from './generated/callRequirements.js';
export { SENSITIVE_REQUEST_FIELDS, SENSITIVE_FIELD_NAMES } from './generated/sensitiveFields.js';
export { TOKEN_PATTERN, LOGIN_ID_PATTERN } from './tokenPattern.js';
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
export {
  PingRequestSchema,
  PingResponseSchema,
  LogoutRequestSchema,
  LogoutResponseSchema,
  TimeRequestSchema,
  TimeResponseSchema,
  BalanceRequestSchema,
  BalanceResponseSchema,
  WebsiteStatusRequestSchema,
  WebsiteStatusResponseSchema,
} from './schemas/calls.js';
export type {
  PingRequest,
  PingResponse,
  LogoutRequest,
  LogoutResponse,
  TimeRequest,
  TimeResponse,
  BalanceRequest,
  BalanceResponse,
  WebsiteStatusRequest,
  WebsiteStatusResponse,
} from './schemas/calls.js';
export type { DerivCalls } from './generated/derivApiTypes.js';
export type * as DerivApi from './generated/derivApiTypes.js';
export type {
  CallNameOf,
  DerivCallMap,
  DerivCallName,
  DerivCallTypes,
  DerivRequest,
  DerivRequestFor,
  DerivResponseFor,
  ExactDerivFields,
  ExactDerivRequest,
} from './derivCalls.js';
export type { DerivNewApiCallName, DerivNewApiCalls } from './derivNewApiCalls.js';
