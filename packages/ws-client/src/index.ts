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
export type { AuthorizeInput, AuthorizeResult } from './authorizeWithToken.js';
export type {
  DerivCallMap,
  DerivKnownResponse,
  DerivRequest,
  DerivResponse,
  DerivResponseFor,
  SendOptions,
} from './calls.js';
export type { ConnectionHandshake, HandshakeContext } from './connectionHandshake.js';
export { DerivConnectionError, isDerivConnectionError } from './derivConnectionError.js';
export type { DerivConnectionErrorCode } from './derivConnectionError.js';
export { DerivSessionError, isDerivSessionError } from './derivSessionError.js';
export type { DerivSessionErrorCode } from './derivSessionError.js';
export { buildSocketUrl, computeBackoffDelay, DEFAULT_ENDPOINT } from './options.js';
export type {
  Clock,
  DerivClientEvent,
  DerivClientOptions,
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
  DerivSessionOptions,
  LogoutResult,
  ScopeCheck,
  SessionSnapshot,
  SessionStatus,
} from './sessionTypes.js';
export { createTokenAuthorizer } from './authorizer.js';
export type { Authorizer, AuthorizerContext } from './authorizer.js';
export { createLocalStorage, createMemoryStorage, createSessionStorage } from './tokenStorage.js';
export type { TokenStorage, WebTokenStorageOptions } from './tokenStorage.js';
