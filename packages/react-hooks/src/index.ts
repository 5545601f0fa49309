/**
 * React bindings for the Deriv login flow, plus the framework-free browser glue they use.
 *
 * @packageDocumentation
 */
export { createBrowserEnvironment } from './browserEnvironment.js';
export type {
  BrowserEnvironment,
  CreateBrowserEnvironmentParameters,
  CreateBrowserEnvironmentReturnType,
} from './browserEnvironment.js';
export { DerivLoginError, isDerivLoginError } from './derivLoginError.js';
export type { DerivLoginErrorCode } from './derivLoginError.js';
export { startLogin, DEFAULT_LOGIN_TTL_MS } from './startLogin.js';
export type { StartLoginParameters, StartLoginReturnType } from './startLogin.js';
export { completeLogin } from './completeLogin.js';
export type { CompleteLoginParameters, CompleteLoginReturnType } from './completeLogin.js';
export type { AccountChoice, AccountPreference, AccountSummary } from './accountChoice.js';
export { getOAuthCallbackState, watchOAuthCallbackState } from './oAuthCallbackState.js';
export type { OAuthCallbackState } from './oAuthCallbackState.js';
export { DerivProvider, useDerivSessionInstance } from './derivProvider.js';
export type { DerivProviderProps } from './derivProvider.js';
export { useDerivSession } from './useDerivSession.js';
export type { SessionSelector, UseDerivSessionReturnType } from './useDerivSession.js';
export { useConnectionStatus } from './useConnectionStatus.js';
export type { UseConnectionStatusReturnType } from './useConnectionStatus.js';
export { useDerivActions } from './useDerivActions.js';
export type { UseDerivActionsReturnType } from './useDerivActions.js';
export { useLogin } from './useLogin.js';
export type { UseLoginOverrides, UseLoginParameters, UseLoginReturnType } from './useLogin.js';
export { useOAuthCallback } from './useOAuthCallback.js';
export type { UseOAuthCallbackParameters, UseOAuthCallbackReturnType } from './useOAuthCallback.js';
