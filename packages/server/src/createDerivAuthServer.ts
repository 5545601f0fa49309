import { createSealer } from './createSealer.js';
import { resolveConfig } from './internal/config.js';
import { createDerivApi } from './internal/derivApi.js';
import { jsonError } from './internal/http.js';
import { createLoginRoutes } from './internal/loginRoutes.js';
import { createSessionRoutes } from './internal/sessionRoutes.js';
import { createSessionManager } from './internal/sessions.js';
import type { CreateDerivAuthServerOptions } from './options.js';
import { createMemoryStore } from './sessionStore.js';

/** A Fetch API handler: `Request` in, `Response` out. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What {@link createDerivAuthServer} returns: one handler for every route, and each route alone. */
export interface DerivAuthServer {
  /** Dispatches `${prefix}/login|callback|session|otp|logout`; other paths get a JSON 404. */
  handle: FetchHandler;
  /** `GET`: starts a login (PKCE), redirects to Deriv. */
  login: FetchHandler;
  /** `GET`: Deriv's redirect back; exchanges the code, starts a session, redirects into the app. */
  callback: FetchHandler;
  /** `GET`: `{ signedIn, accounts, scopes }` or `{ signedIn: false, reason }`. */
  session: FetchHandler;
  /** `POST { accountId }`: `{ url, accountId, type }`, a fresh one-time socket URL. */
  otp: FetchHandler;
  /** `POST`: ends the session everywhere it is stored. */
  logout: FetchHandler;
}

const METHODS = {
  login: 'GET',
  callback: 'GET',
  session: 'GET',
  otp: 'POST',
  logout: 'POST',
} as const;

/**
 * Creates the routes of a backend-for-frontend for Deriv's New API: the browser holds an
 * `HttpOnly` session cookie, the server holds the tokens, and the page gets one-time socket URLs.
 *
 * @remarks
 * Handlers are Web Fetch API functions, so they mount in any server: Node's `http` through
 * {@link toNodeHandler}, Hono (`app.all('/auth/*', (c) => server.handle(c.req.raw))`), Next.js
 * route handlers, Bun, Deno, workers. Register `${prefix}/callback` as the client's redirect URI.
 *
 * @throws {@link DerivServerError} `invalid_server_option` for a bad origin, prefix,
 * cookie name, lifetime or secret.
 * @example
 * ```ts
 * const auth = createDerivAuthServer({
 *   clientId: process.env.DERIV_CLIENT_ID!,
 *   redirectUri: 'https://app.example.com/auth/callback',
 *   appOrigin: 'https://app.example.com',
 *   secrets: [process.env.SESSION_SECRET!],
 * })
 * ```
 */
export function createDerivAuthServer(options: CreateDerivAuthServerOptions): DerivAuthServer {
  const config = resolveConfig(options);
  const sealer = createSealer({ secrets: options.secrets, now: config.now });
  const api = createDerivApi(config);
  // One-time logins and ended cookie sessions: shared through the store when there is one. In
  // memory they are kept apart, so a flood of (anonymous) login markers can never evict the
  // record of a logout and bring an ended session back.
  const loginMarkers = options.store ?? createMemoryStore();
  const endedSessions = options.store ?? createMemoryStore();
  const sessions = createSessionManager(config, sealer, api, options.store, endedSessions);
  const routes = {
    ...createLoginRoutes(config, sealer, api, sessions, loginMarkers),
    ...createSessionRoutes(config, api, sessions),
  };

  const handle: FetchHandler = async (request) => {
    const { pathname } = new URL(request.url);
    const name = pathname.startsWith(`${config.prefix}/`)
      ? pathname.slice(config.prefix.length + 1)
      : undefined;
    if (name === undefined || !Object.hasOwn(METHODS, name)) return jsonError('not_found', 404);
    const route = name as keyof typeof METHODS;
    if (
      request.method !== METHODS[route] &&
      !(METHODS[route] === 'GET' && request.method === 'HEAD')
    ) {
      const response = jsonError('method_not_allowed', 405);
      response.headers.set('allow', METHODS[route]);
      return response;
    }
    return routes[route](request);
  };

  return { handle, ...routes };
}
