/**
 * Pure building blocks of the Deriv sign-in flow: OAuth redirect parsing, login URLs, wire
 * schemas (zod), scopes and errors. No I/O and no globals, in browsers and Node.
 *
 * @packageDocumentation
 */
export { DerivAuthError, isDerivAuthError } from './derivAuthError.js';
export type { DerivAuthErrorOptions } from './derivAuthError.js';
export {
  OAuthRedirectError,
  isOAuthRedirectError,
  OAUTH_REDIRECT_ERROR_CODES,
} from './oAuthRedirectError.js';
export type {
  OAuthRedirectErrorCode,
  OAuthRedirectErrorDetails,
  OAuthRedirectErrorOptions,
} from './oAuthRedirectError.js';
export { LoginUrlError, isLoginUrlError, LOGIN_URL_ERROR_CODES } from './loginUrlError.js';
export type { LoginUrlErrorCode } from './loginUrlError.js';
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
export { hasOAuthCallback, stripOAuthCallback } from './oAuthCallback.js';
export {
  hasAuthorizationCallback,
  stripAuthorizationCallback,
} from './authorizationCallbackUrl.js';
export { createOAuthState } from './createOAuthState.js';
export { validateReturnPath } from './validateReturnPath.js';
export type { ValidateReturnPathOptions } from './validateReturnPath.js';
export { DerivApiError, createDerivApiError, isDerivApiError } from './derivApiError.js';
export type { DerivErrorEnvelope } from './derivApiError.js';
export { KNOWN_DERIV_ERROR_CODES } from './derivErrorCode.js';
export type { DerivErrorCode } from './derivErrorCode.js';
export {
  redactSecrets,
  scrubSecrets,
  REDACTED,
  TOO_DEEP,
  MAX_REDACT_DEPTH,
} from './redactSecrets.js';
export type { RedactSecretsOptions } from './redactSecrets.js';
export { SnapshotStore } from './snapshotStore.js';
export type { SnapshotSource, SnapshotStoreOptions } from './snapshotStore.js';
export { DERIV_SCOPES, isDerivScope } from './derivScope.js';
export type { CallRequirement, DerivScope } from './derivScope.js';
export { getCallName, isAuthRequired, isCallAllowed } from './callPermissions.js';
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
export { skipStateCheck } from './skipStateCheck.js';
export {
  createCodeVerifier,
  createCodeChallenge,
  assertCodeVerifier,
  CODE_VERIFIER_PATTERN,
} from './pkce.js';
export { buildAuthorizationUrl } from './buildAuthorizationUrl.js';
export type { BuildAuthorizationUrlOptions } from './buildAuthorizationUrl.js';
export {
  parseAuthorizationCallback,
  safeParseAuthorizationCallback,
  DEFAULT_MAX_CALLBACK_LENGTH,
} from './parseAuthorizationCallback.js';
export type {
  AuthorizationCallback,
  AuthorizationCallbackInput,
  ParseAuthorizationCallbackOptions,
  SafeParseAuthorizationCallbackResult,
} from './parseAuthorizationCallback.js';
export {
  DEFAULT_AUTHORIZATION_URL,
  DEFAULT_TOKEN_URL,
  DEFAULT_REST_URL,
  DEFAULT_PUBLIC_SOCKET_URL,
} from './newApiUrls.js';
export {
  NEW_API_SCOPES,
  NEW_API_ENDPOINT_SCOPES,
  NEW_API_SOCKET_CALLS,
  NEW_API_PUBLIC_SOCKET_CALLS,
  NEW_API_REMOVED_CALLS,
  isNewApiScope,
} from './newApiScopes.js';
export type { NewApiScope, NewApiRestEndpoint } from './newApiScopes.js';
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
  isOtpUrl,
  NEW_API_ACCOUNT_ID_PATTERN,
} from './schemas/restApi.js';
export type {
  RestErrorEnvelope,
  NewApiAccount,
  AccountListResponse,
  CreateAccountRequest,
  CreateAccountResponse,
  OtpResponse,
} from './schemas/restApi.js';
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
