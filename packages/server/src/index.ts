/**
 * `@deriv-auth/server`: sign users in with Deriv's New API on your server. Tokens stay on the
 * server; the browser holds an `HttpOnly` session cookie and asks for one-time socket URLs.
 *
 * @packageDocumentation
 */
export { createDerivAuthServer } from './createDerivAuthServer.js';
export type { DerivAuthServer, FetchHandler } from './createDerivAuthServer.js';
export type { CreateDerivAuthServerOptions, DerivAuthServerLogEntry } from './options.js';
export { toNodeHandler } from './toNodeHandler.js';
export type { NodeRequestListener, ToNodeHandlerOptions } from './toNodeHandler.js';
export { createSealer } from './createSealer.js';
export type { CreateSealerOptions, Sealer } from './createSealer.js';
export { createMemoryStore } from './sessionStore.js';
export type { CreateMemoryStoreOptions, SessionStore } from './sessionStore.js';
export type { SessionAccount } from './internal/derivApi.js';
export type { ServerErrorCode } from './internal/http.js';
export {
  DerivServerError,
  DERIV_SERVER_ERROR_CODES,
  isDerivServerError,
} from './derivServerError.js';
export type { DerivServerErrorCode } from './derivServerError.js';
export type { CallbackFailure } from './internal/loginRoutes.js';
export type { SignedOutReason } from './internal/sessions.js';
