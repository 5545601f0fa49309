import type { NewApiScope } from '@deriv-auth/core';
import type { SessionStore } from './sessionStore.js';

/** A structured log line of the server: codes only, never a token, a cookie or Deriv's text. */
export interface DerivAuthServerLogEntry {
  level: 'info' | 'warn' | 'error';
  /** What happened: `login_started`, `signed_in`, `callback_refused`, `refreshed`, `refresh_refused`, `signed_out`, `upstream_failed`. */
  event: string;
  /** The route that logged. */
  route: string;
  /** A stable reason code, when there is one. */
  reason?: string;
  /** The upstream HTTP status, when there is one. */
  status?: number;
}

/** Options of {@link createDerivAuthServer}. */
export interface CreateDerivAuthServerOptions {
  /** The app's New API OAuth client id (alphanumeric). */
  clientId: string;
  /** The callback URL registered with Deriv: this server's `${prefix}/callback`, absolute. */
  redirectUri: string;
  /**
   * The origin the app's pages are served from (`https://app.example.com`): POST routes accept only
   * requests from it, and return paths must stay on it.
   */
  appOrigin: string;
  /**
   * Secrets that seal cookies (and stored sessions), newest first: the first seals, all open.
   * At least 32 characters each.
   */
  secrets: readonly string[];
  /** Path prefix of the routes. Default `/auth` (`/auth/login`, `/auth/callback`, ...). */
  prefix?: string | undefined;
  /** Scopes to ask for. Default `['trade']` (what the `otp` route needs). */
  scopes?: readonly NewApiScope[] | undefined;
  /** Default Deriv's (`DEFAULT_AUTHORIZATION_URL` of core); the mock server's for tests. */
  authorizationUrl?: string | undefined;
  /** Default Deriv's (`DEFAULT_TOKEN_URL`). */
  tokenUrl?: string | undefined;
  /** Default Deriv's (`DEFAULT_REST_URL`). */
  restUrl?: string | undefined;
  /**
   * Where sessions live. Default: in the sealed cookie itself (no server state; tokens encrypted
   * in the browser's cookie jar). With a store, the cookie holds only a sealed session id.
   */
  store?: SessionStore | undefined;
  /** Cookie names and path. */
  cookies?:
    | {
        /** Default `deriv_session`. */
        sessionName?: string | undefined;
        /** The short-lived PKCE cookie. Default `deriv_login`. */
        loginName?: string | undefined;
        /** `Path` of the session cookie. Default the prefix: the cookie goes to these routes only. */
        path?: string | undefined;
      }
    | undefined;
  /**
   * Drops the `Secure` cookie attribute, for `http://localhost` development and tests only: refused
   * unless `appOrigin` is a loopback http origin.
   */
  insecureCookiesForLocalhost?: boolean | undefined;
  /** Absolute session lifetime, seconds. Default 86,400 (a day). */
  sessionLifetimeSeconds?: number | undefined;
  /** A session unused this long ends, seconds. Default 7,200 (two hours). */
  idleLifetimeSeconds?: number | undefined;
  /** Time allowed between `login` and `callback`, seconds. Default 600. */
  loginLifetimeSeconds?: number | undefined;
  /** Refresh this long before the access token expires, seconds. Default 60. */
  refreshBeforeExpirySeconds?: number | undefined;
  /** Access-token lifetime assumed when Deriv sends no `expires_in`, seconds. Default 3,600. */
  defaultTokenLifetimeSeconds?: number | undefined;
  /** Where `callback` sends the user when no return path was given, and after a failure. Default `/`. */
  defaultReturnPath?: string | undefined;
  /** The `fetch` used for Deriv's endpoints. Default the global one. */
  fetch?: typeof fetch | undefined;
  /** Clock in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Receives one entry per notable event; nothing secret is ever in it. */
  log?: ((entry: DerivAuthServerLogEntry) => void) | undefined;
}
