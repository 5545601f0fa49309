/**
 * React bindings for a Deriv session: a provider, hooks that read the session's snapshot and its
 * streams, and the login hooks over `@deriv-auth/login` (import `startLogin`, `completeLogin` and
 * the login types from there).
 *
 * @packageDocumentation
 */
export { DerivProvider, useSession } from './DerivProvider.js';
export type { DerivProviderProps } from './DerivProvider.js';
export { useSessionSnapshot } from './useSessionSnapshot.js';
export type { SessionSelector } from './useSessionSnapshot.js';
export { useConnectionStatus } from './useConnectionStatus.js';
export { useSessionActions } from './useSessionActions.js';
export type { UseSessionActionsResult } from './useSessionActions.js';
export { useStream } from './useStream.js';
export type { UseStreamOptions } from './useStream.js';
export type { UseStreamResult, UseStreamStatus } from './useStreamObserver.js';
export { useLogin } from './useLogin.js';
export type {
  UseLoginOptions,
  UseLoginOverrides,
  UseLoginResult,
  UseNewApiLoginOptions,
  UseNewApiLoginOverrides,
  UseNewApiLoginResult,
} from './useLogin.js';
export { useOAuthCallback } from './useOAuthCallback.js';
export type { UseOAuthCallbackOptions } from './useOAuthCallback.js';
export { DerivReactError, isDerivReactError, DERIV_REACT_ERROR_CODES } from './derivReactError.js';
export type { DerivReactErrorCode } from './derivReactError.js';
