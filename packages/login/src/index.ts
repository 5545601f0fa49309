/**
 * The Deriv login in the browser, without a framework: {@link startLogin} sends the user to
 * Deriv's login page with a one-time state, {@link completeLogin} takes the tokens out of the
 * callback URL, checks that state and authorizes a `@deriv-auth/ws-client` session.
 *
 * @packageDocumentation
 */
export { startLogin, DEFAULT_LOGIN_TTL_MS } from './startLogin.js';
export type { StartLoginOptions, StartNewApiLoginOptions } from './startLogin.js';
export { createNewApiLogin } from './newApiLogin.js';
export type { NewApiLogin, NewApiLoginOptions } from './newApiLogin.js';
export { completeLogin } from './completeLogin.js';
export type { CompleteLoginOptions, CompleteLoginResult } from './completeLogin.js';
export type { AccountChoice, AccountPreference, AccountSummary } from './accountChoice.js';
export { getLoginCallbackStore } from './loginCallbackStore.js';
export type { LoginCallbackState } from './loginCallbackStore.js';
export { createBrowserEnvironment } from './browserEnvironment.js';
export type { BrowserEnvironment, CreateBrowserEnvironmentOptions } from './browserEnvironment.js';
export { DerivLoginError, isDerivLoginError, DERIV_LOGIN_ERROR_CODES } from './derivLoginError.js';
export type { DerivLoginErrorCode } from './derivLoginError.js';
