import { LoginUrlError, type LoginUrlErrorCode } from './loginUrlError.js';
import { parseSecureUrl } from './internal/secureUrl.js';
import { DEFAULT_AUTHORIZATION_URL } from './newApiUrls.js';
import { isNewApiScope, type NewApiScope } from './newApiScopes.js';

/** Options of {@link buildAuthorizationUrl}. */
export interface BuildAuthorizationUrlOptions {
  /** The app's OAuth client id, alphanumeric (`32izC2lBT4MmiSNWuxq2l`; not a legacy app id). */
  clientId: string;
  /** Where Deriv sends the user back, exactly as registered: https, or http on a loopback host. */
  redirectUri: string;
  /** Scopes to ask for, sent space separated as `scope`. At least one; repeats are sent once. */
  scopes: readonly NewApiScope[];
  /** One-time value checked on the callback; create it with {@link createOAuthState}. */
  state: string;
  /** The S256 challenge of this login's verifier, from {@link createCodeChallenge}. */
  codeChallenge: string;
  /** Authorization page; override for staging or the mock server. Default {@link DEFAULT_AUTHORIZATION_URL}. */
  authorizationUrl?: string | undefined;
  /** `'registration'` opens the sign-up form instead of the login form. */
  prompt?: 'registration' | undefined;
  /** Partner session GUID, for sign-up attribution. */
  sidc?: string | undefined;
  /** Sent as `utm_campaign`. */
  utmCampaign?: string | undefined;
  /** Sent as `utm_medium` (Deriv's partners use `affiliate`). */
  utmMedium?: string | undefined;
  /** Sent as `utm_source`. */
  utmSource?: string | undefined;
  /** Partner alias `t`. At most one of `t`, `affiliateToken`, `sidi`, `ca`. */
  t?: string | undefined;
  /** Partner alias `affiliate_token`. At most one of `t`, `affiliateToken`, `sidi`, `ca`. */
  affiliateToken?: string | undefined;
  /** Partner alias `sidi`. At most one of `t`, `affiliateToken`, `sidi`, `ca`. */
  sidi?: string | undefined;
  /** Partner alias `ca`. At most one of `t`, `affiliateToken`, `sidi`, `ca`. */
  ca?: string | undefined;
}

const CLIENT_ID = /^[A-Za-z\d]{1,128}$/;
// RFC 6749 Appendix A.5: state is 1*VSCHAR (%x20-7E).
const STATE = /^[ -~]+$/;
// BASE64URL(SHA-256(...)) is always 43 characters without padding.
const S256_CHALLENGE = /^[A-Za-z\d_-]{43}$/;
// Typed callers cannot pass anything else, but JavaScript callers can.
const PROMPTS: readonly unknown[] = [undefined, 'registration'];

function fail(code: LoginUrlErrorCode, message: string): never {
  throw new LoginUrlError(code, message);
}

/**
 * Builds the URL of Deriv's New API authorization page: OAuth 2.0 authorization code with PKCE.
 *
 * @remarks
 * Sends `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge` and
 * `code_challenge_method=S256`, plus the sign-up and attribution parameters given. Every value is
 * percent-encoded by `URLSearchParams`, so no option can inject a parameter; empty optional values
 * are not sent. Messages name the option, never its value.
 *
 * @param options - Client id, redirect URI, scopes, state, challenge and the optional sign-up parameters.
 * @returns The absolute authorization URL.
 * @throws {@link LoginUrlError} `invalid_client_id`, `invalid_redirect_uri`,
 * `invalid_authorization_url`, `invalid_scope`, `invalid_state`, `invalid_code_challenge`,
 * `invalid_option` (`prompt`) or `conflicting_options`.
 * @example
 * ```ts
 * const random = (bytes: Uint8Array) => crypto.getRandomValues(bytes)
 * const verifier = createCodeVerifier(random)
 * const state = createOAuthState(random)
 * location.assign(buildAuthorizationUrl({
 *   clientId: '32izC2lBT4MmiSNWuxq2l',
 *   redirectUri: 'https://app.example.com/callback',
 *   scopes: ['trade'],
 *   state,
 *   codeChallenge: await createCodeChallenge(verifier),
 * }))
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function buildAuthorizationUrl(options: BuildAuthorizationUrlOptions): string {
  if (typeof options.clientId !== 'string' || !CLIENT_ID.test(options.clientId))
    fail('invalid_client_id', 'clientId: expected an alphanumeric OAuth client id');
  const redirect = parseSecureUrl(options.redirectUri, 'https:', 'http:');
  // RFC 6749 §3.1.2: the redirection endpoint URI must not include a fragment.
  if (!redirect || redirect.hash || options.redirectUri.includes('#'))
    fail(
      'invalid_redirect_uri',
      'redirectUri: expected an absolute https URL (http on loopback only), no fragment',
    );
  const url = parseSecureUrl(
    options.authorizationUrl ?? DEFAULT_AUTHORIZATION_URL,
    'https:',
    'http:',
  );
  if (!url)
    fail(
      'invalid_authorization_url',
      'authorizationUrl: expected an absolute https URL (http on loopback only)',
    );
  const scopes: unknown = options.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(isNewApiScope))
    fail(
      'invalid_scope',
      'scopes: expected one or more of trade, payment, account_manage, application_read',
    );
  if (typeof options.state !== 'string' || !STATE.test(options.state))
    fail('invalid_state', 'state: expected visible ASCII characters');
  if (typeof options.codeChallenge !== 'string' || !S256_CHALLENGE.test(options.codeChallenge))
    fail(
      'invalid_code_challenge',
      'codeChallenge: expected an S256 challenge (43 base64url characters)',
    );
  if (!PROMPTS.includes(options.prompt)) fail('invalid_option', 'prompt: expected registration');
  const partner = [options.t, options.affiliateToken, options.sidi, options.ca].filter(Boolean);
  if (partner.length > 1)
    fail('conflicting_options', 't, affiliateToken, sidi, ca: expected at most one partner alias');

  const query = url.searchParams;
  const set = (name: string, value: string | undefined): void => {
    if (value) query.set(name, value);
  };
  set('response_type', 'code');
  set('client_id', options.clientId);
  set('redirect_uri', options.redirectUri);
  set('scope', [...new Set(scopes)].join(' '));
  set('state', options.state);
  set('code_challenge', options.codeChallenge);
  set('code_challenge_method', 'S256');
  set('prompt', options.prompt);
  set('sidc', options.sidc);
  set('utm_campaign', options.utmCampaign);
  set('utm_medium', options.utmMedium);
  set('utm_source', options.utmSource);
  set('t', options.t);
  set('affiliate_token', options.affiliateToken);
  set('sidi', options.sidi);
  set('ca', options.ca);
  return url.href;
}
