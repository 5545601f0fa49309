/**
 * Server mode of the demo, server side: hosts `@deriv-auth/server`'s routes beside the app, on the
 * same origin (so the `HttpOnly` session cookie goes with the page's `fetch`), in Vite's dev server
 * and in `vite preview`. Loaded by `vite.config.ts` only, never bundled into the page.
 *
 * Configured through the environment by `scripts/start.mjs --flow=server` and the server-mode e2e:
 *
 * - `VITE_DERIV_AUTH_SERVER`: the routes' prefix (`/auth`); unset, the plugin does nothing.
 * - `DEMO_AUTH_CLIENT_ID`, `DEMO_AUTH_APP_ORIGIN` (the page's origin), `DEMO_AUTH_SECRET`.
 * - `DEMO_AUTH_AUTHORIZATION_URL`, `DEMO_AUTH_TOKEN_URL`, `DEMO_AUTH_REST_URL`: the mock's New API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDerivAuthServer, toNodeHandler } from '@deriv-auth/server';
import type { Plugin } from 'vite';

type Environment = Readonly<Record<string, string | undefined>>;

/** The settings of the auth routes, or `undefined` when the demo is not in server mode. */
export function readServerModeSettings(env: Environment) {
  const prefix = env['VITE_DERIV_AUTH_SERVER'];
  if (prefix === undefined || prefix === '') return undefined;
  const required = (key: string): string => {
    const value = env[key];
    if (value === undefined || value === '') throw new Error(`server mode needs ${key}`);
    return value;
  };
  const appOrigin = required('DEMO_AUTH_APP_ORIGIN');
  return {
    prefix,
    clientId: required('DEMO_AUTH_CLIENT_ID'),
    appOrigin,
    redirectUri: `${appOrigin}${prefix}/callback`,
    secrets: [required('DEMO_AUTH_SECRET')],
    authorizationUrl: required('DEMO_AUTH_AUTHORIZATION_URL'),
    tokenUrl: required('DEMO_AUTH_TOKEN_URL'),
    restUrl: required('DEMO_AUTH_REST_URL'),
    // The demo runs on http://localhost or 127.0.0.1; the server refuses this anywhere else.
    insecureCookiesForLocalhost: true,
  };
}

/**
 * The Vite plugin: `${prefix}/*` goes to the auth server before Vite's own middleware (its SPA
 * fallback would otherwise answer `/auth/login` with `index.html`).
 *
 * @param env - `process.env`.
 * @returns The plugin (inactive outside server mode).
 */
export function serverModePlugin(env: Environment): Plugin {
  const settings = readServerModeSettings(env);
  const route = settings && {
    prefix: `${settings.prefix}/`,
    handle: toNodeHandler(createDerivAuthServer(settings).handle),
  };
  const middleware = (
    request: IncomingMessage,
    response: ServerResponse,
    next: () => void,
  ): void => {
    if (route && request.url?.startsWith(route.prefix)) route.handle(request, response);
    else next();
  };
  return {
    name: 'deriv-demo:auth-server',
    configureServer: (server) => {
      server.middlewares.use(middleware);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(middleware);
    },
  };
}
