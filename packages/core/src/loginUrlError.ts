import { DerivAuthError, isDerivAuthError } from './derivAuthError.js';

/**
 * Every reason the login URL builders ({@link buildOAuthUrl}, {@link buildAuthorizationUrl}) or
 * the pieces that go into the URL ({@link createOAuthState}, {@link createCodeVerifier},
 * {@link assertCodeVerifier}, {@link createCodeChallenge}) refuse their input.
 *
 * - `invalid_app_id`: the legacy `appId` is not a positive integer.
 * - `invalid_oauth_url`: the legacy `oauthUrl` is not an absolute http(s) URL.
 * - `invalid_client_id`: the New API `clientId` is not an alphanumeric OAuth client id.
 * - `invalid_redirect_uri`: not an absolute https URL (http only on a loopback host), or it has a
 *   fragment or credentials.
 * - `invalid_authorization_url`: `authorizationUrl` is not an absolute https URL (http only on a
 *   loopback host, for the mock server).
 * - `invalid_scope`: no scope, or one that is not a {@link NewApiScope}.
 * - `invalid_state`: `state` is empty or holds characters outside visible ASCII.
 * - `invalid_code_challenge`: not 43 base64url characters (an S256 challenge).
 * - `invalid_code_verifier`: not 43 to 128 characters of RFC 7636's unreserved set.
 * - `invalid_random_source`: the random source returned fewer bytes than requested.
 * - `crypto_unavailable`: `crypto.subtle` is missing (a browser page not served over https).
 * - `invalid_option`: an optional setting holds a value it does not accept (`signupDevice`,
 *   `dateFirstContact`, `prompt`); the message names it.
 * - `conflicting_options`: more than one partner alias (`t`, `affiliateToken`, `sidi`, `ca`).
 */
export const LOGIN_URL_ERROR_CODES = [
  'invalid_app_id',
  'invalid_oauth_url',
  'invalid_client_id',
  'invalid_redirect_uri',
  'invalid_authorization_url',
  'invalid_scope',
  'invalid_state',
  'invalid_code_challenge',
  'invalid_code_verifier',
  'invalid_random_source',
  'crypto_unavailable',
  'invalid_option',
  'conflicting_options',
] as const;

/** One of {@link LOGIN_URL_ERROR_CODES}. */
export type LoginUrlErrorCode = (typeof LOGIN_URL_ERROR_CODES)[number];

/**
 * The error the login URL builders and their PKCE and state helpers throw: the app passed
 * something they cannot send (a setup mistake, found before the user leaves the page).
 *
 * @remarks
 * One class for the legacy and the New API builders: they check the same kind of thing (the
 * app's own configuration), and a caller handles every such failure alike, by fixing the code.
 * Messages name the option, never its value (a verifier is a secret).
 *
 * @example
 * ```ts
 * try {
 *   location.assign(buildOAuthUrl({ appId: settings.appId }))
 * } catch (error) {
 *   if (isLoginUrlError(error) && error.code === 'invalid_app_id') console.error('Set your Deriv app id')
 * }
 * ```
 */
export class LoginUrlError extends DerivAuthError<LoginUrlErrorCode> {
  override name = 'LoginUrlError';
}

/**
 * Tells whether a value is a {@link LoginUrlError}, also one from another installed copy.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link LoginUrlError}.
 * @example
 * ```ts
 * if (isLoginUrlError(error)) reportSetupMistake(error.code)
 * ```
 */
export function isLoginUrlError(value: unknown): value is LoginUrlError {
  return isDerivAuthError(value) && value.name === 'LoginUrlError';
}
