import { LoginUrlError } from './loginUrlError.js';

/** Deriv's legacy OAuth login page. */
export const DEFAULT_OAUTH_URL = 'https://oauth.deriv.com/oauth2/authorize';

// Typed callers cannot pass anything else, but JavaScript callers can.
const SIGNUP_DEVICES: readonly unknown[] = [undefined, 'desktop', 'mobile'];

/** Options of {@link buildOAuthUrl}. */
export interface BuildOAuthUrlOptions {
  /** Your app id from the Deriv dashboard (a positive integer). */
  appId: number | string;
  /** Login page; override for QA hosts or the mock server. Default {@link DEFAULT_OAUTH_URL}. */
  oauthUrl?: string | undefined;
  /** Interface language, e.g. `EN` (sent as `l`). */
  language?: string | undefined;
  /** Brand, e.g. `deriv`. */
  brand?: string | undefined;
  /** Sent back unchanged on the redirect as `route`. */
  route?: string | undefined;
  /** Affiliate token for sign-ups (sent as `affiliate_token`). */
  affiliateToken?: string | undefined;
  /** Campaign parameters; keys are sent with a `utm_` prefix unless they already have one. */
  utm?: Record<string, string> | undefined;
  /** Device the user signs up from. */
  signupDevice?: 'desktop' | 'mobile' | undefined;
  /** First contact date, `YYYY-MM-DD` (sent as `date_first_contact`). */
  dateFirstContact?: string | undefined;
  /** One-time value checked on the redirect; create it with {@link createOAuthState}. */
  state?: string | undefined;
}

/**
 * Builds the URL of Deriv's OAuth login page for an app.
 *
 * @remarks
 * There is no `redirect_uri`: Deriv redirects to the URL registered for the app id. Every value
 * is percent-encoded by `URLSearchParams`, so user-provided text cannot inject parameters.
 *
 * @param options - App id and the optional login page parameters.
 * @returns The absolute login URL.
 * @throws {@link LoginUrlError} `invalid_app_id` when `appId` is not a positive integer,
 * `invalid_oauth_url` when `oauthUrl` is not an absolute http(s) URL, `invalid_option` for a
 * malformed `dateFirstContact` or `signupDevice`.
 * @example
 * ```ts
 * location.assign(buildOAuthUrl({ appId: 1089, language: 'EN', state: createOAuthState(bytes => crypto.getRandomValues(bytes)) }))
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 */
export function buildOAuthUrl(options: BuildOAuthUrlOptions): string {
  const appId = String(options.appId);
  if (!/^[1-9]\d{0,9}$/.test(appId))
    throw new LoginUrlError('invalid_app_id', 'appId: expected a positive integer');
  let url: URL | undefined;
  try {
    url = new URL(options.oauthUrl ?? DEFAULT_OAUTH_URL);
  } catch {
    // Refused just below, with the same error as a non-http(s) URL.
  }
  if (!url || !/^https?:$/.test(url.protocol))
    throw new LoginUrlError('invalid_oauth_url', 'oauthUrl: expected an absolute http(s) URL');
  if (!SIGNUP_DEVICES.includes(options.signupDevice))
    throw new LoginUrlError('invalid_option', 'signupDevice: expected desktop or mobile');
  if (
    options.dateFirstContact !== undefined &&
    !/^\d{4}-\d{2}-\d{2}$/.test(options.dateFirstContact)
  )
    throw new LoginUrlError('invalid_option', 'dateFirstContact: expected YYYY-MM-DD');

  const query = url.searchParams;
  const set = (name: string, value: string | undefined): void => {
    if (value) query.set(name, value);
  };
  set('app_id', appId);
  set('l', options.language);
  set('brand', options.brand);
  set('route', options.route);
  set('affiliate_token', options.affiliateToken);
  for (const [key, value] of Object.entries(options.utm ?? {}))
    set(key.startsWith('utm_') ? key : `utm_${key}`, value);
  set('signup_device', options.signupDevice);
  set('date_first_contact', options.dateFirstContact);
  set('state', options.state);
  return url.href;
}
