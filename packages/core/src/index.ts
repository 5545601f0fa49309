/**
 * Pure building blocks of the Deriv sign-in flow: OAuth redirect parsing, login URLs, scopes,
 * errors and the types of the wire messages. No I/O and no globals, in browsers and Node. The zod
 * schemas of those messages are the `@deriv-auth/core/schemas` entry; the call helpers without
 * the rest are `@deriv-auth/core/calls`.
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
// The wire schemas are values of `@deriv-auth/core/schemas` (zod/mini's runtime stays out of apps
// that only parse redirects); their inferred types are exported here too, at no cost.
export type { AuthorizeRequest, AuthorizeResponse, Authorize } from './schemas/authorize.js';
export type { ErrorResponse, ResponseEnvelope } from './schemas/envelope.js';
export type { PingRequest, PingResponse } from './schemas/ping.js';
export type { LogoutRequest, LogoutResponse } from './schemas/logout.js';
export type { TimeRequest, TimeResponse } from './schemas/time.js';
export type { BalanceRequest, BalanceResponse } from './schemas/balance.js';
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
export type { TokenResponse, TokenErrorCode, TokenErrorResponse } from './schemas/tokenResponse.js';
export { isOtpUrl, NEW_API_ACCOUNT_ID_PATTERN } from './newApiRestRules.js';
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
