/**
 * Authorize a Deriv API WebSocket with a user's token, keep it alive, and never leave a caller
 * hanging: `createDerivClient` (the transport) and `createDerivSession` (accounts, switching,
 * scopes, storage) on top.
 *
 * @packageDocumentation
 */
export { createDerivClient } from './createDerivClient.js';
export type { DerivClient } from './createDerivClient.js';
export { authorizeWithToken } from './authorizeWithToken.js';
export type { AuthorizeInput } from './authorizeWithToken.js';
export type { AuthorizeResult } from './authorizeResult.js';
export type {
  DerivCallMap,
  DerivKnownResponse,
  DerivRequest,
  DerivResponse,
  DerivResponseFor,
  SendOptions,
} from './messageTypes.js';
export {
  DERIV_CONNECTION_ERROR_CODES,
  DerivConnectionError,
  isDerivConnectionError,
} from './derivConnectionError.js';
export type { DerivConnectionErrorCode } from './derivConnectionError.js';
export {
  DERIV_SESSION_ERROR_CODES,
  DerivSessionError,
  isDerivSessionError,
} from './derivSessionError.js';
export type { DerivSessionErrorCode } from './derivSessionError.js';
export { buildSocketUrl, computeBackoffDelay, DEFAULT_ENDPOINT } from './options.js';
export type {
  Clock,
  DerivClientEvent,
  CreateDerivClientOptions,
  KeepAliveOptions,
  QueueOptions,
  ReconnectOptions,
} from './options.js';
export type { ClientDiagnostics, ConnectionSnapshot, ConnectionStatus } from './types.js';
export type {
  WebSocketConstructorLike,
  WebSocketEventLike,
  WebSocketLike,
} from './webSocketLike.js';
export { createDerivSession } from './createDerivSession.js';
export { requiresLogin } from './requiresLogin.js';
export type {
  DerivSession,
  CreateDerivSessionOptions,
  LogoutResult,
  ScopeCheck,
  SessionSnapshot,
  SessionStatus,
} from './sessionTypes.js';
export { STREAM_BUFFER_LIMIT } from './streamTypes.js';
export type {
  DerivStream,
  DerivStreamGap,
  StreamBufferPolicy,
  StreamOptions,
} from './streamTypes.js';
export { createTokenAuthorizer } from './authorizer.js';
export type { Authorizer, AuthorizerContext } from './authorizer.js';
export { createLocalStorage, createMemoryStorage, createSessionStorage } from './tokenStorage.js';
export type { TokenStorage, WebTokenStorageOptions } from './tokenStorage.js';
export { createOtpAuthorizer } from './otpAuthorizer.js';
export type { OtpAuthorizerOptions, OtpUrlSource } from './otpAuthorizer.js';
export { createTokenSource } from './tokenSource.js';
export type { AccessTokenSource, TokenSourceOptions } from './tokenSource.js';
export type { NewApiOptions } from './newApiOptions.js';
export { createAuthServerBackend } from './authServerBackend.js';
export type {
  AuthServerBackend,
  AuthServerBackendOptions,
  AuthServerSession,
} from './authServerBackend.js';
export { DERIV_REST_ERROR_CODES, DerivRestError, isDerivRestError } from './derivRestError.js';
export type { DerivRestErrorCode } from './derivRestError.js';
