import {
  buildAuthorizationUrl,
  createCodeChallenge,
  createCodeVerifier,
  createOAuthState,
} from '@deriv-auth/core';
import type { NewApiLoginInternals, StartNewApiLoginOptions } from '../newApiTypes.js';
import {
  DEFAULT_LOGIN_TTL_MS,
  DEFAULT_STORAGE_KEY,
  saveLoginRecord,
  type LoginRecord,
} from './loginRecord.js';

/**
 * The New API half of `startLogin`: a one-time state and a PKCE verifier kept for this tab (the
 * verifier in no URL, only its S256 challenge), then the authorize page. Reached through the login
 * object, so an app on the legacy flow never bundles it.
 */
export async function startNewApiLogin(
  login: Pick<NewApiLoginInternals, 'endpoint' | 'scopes' | 'storageKey' | 'environment'>,
  options: StartNewApiLoginOptions,
): Promise<string> {
  const {
    newApi: _newApi,
    scopes,
    returnTo,
    ttlMs = DEFAULT_LOGIN_TTL_MS,
    storageKey,
    navigate = true,
    environment,
    ...urlOptions
  } = options;
  const browser = environment ?? login.environment();
  const state = createOAuthState(browser.random);
  const codeVerifier = createCodeVerifier(browser.random);
  // Build first: options core rejects must not leave a pending login behind.
  const url = buildAuthorizationUrl({
    ...urlOptions,
    clientId: login.endpoint.clientId,
    redirectUri: login.endpoint.redirectUri,
    authorizationUrl: login.endpoint.authorizationUrl,
    scopes: scopes ?? login.scopes,
    state,
    codeChallenge: await createCodeChallenge(codeVerifier),
  });
  const record: LoginRecord = { state, expiresAt: browser.now() + ttlMs, returnTo, codeVerifier };
  saveLoginRecord(browser, storageKey ?? login.storageKey ?? DEFAULT_STORAGE_KEY, record);
  if (navigate) browser.location.assign(url);
  return url;
}
