/**
 * Server mode of the demo, page side: the tokens live on the demo's own server
 * (`@deriv-auth/server`, see `serverModePlugin.ts`); the page holds an `HttpOnly` cookie it cannot
 * read, and asks the server for a one-time socket URL for every connection.
 */
import {
  createAuthServerBackend,
  createDerivSession,
  type AuthServerBackend,
  type DerivSession,
} from '@deriv-auth/ws-client';
import { NEW_API_DEFAULTS, readUrl, type DemoConfig } from './demoConfig';

/** What server mode needs on the page. */
export interface ServerModeConfig {
  /** The auth routes' prefix on this origin (`VITE_DERIV_AUTH_SERVER`, e.g. `/auth`). */
  readonly prefix: string;
  /** The New API's socket without an account (`VITE_DERIV_PUBLIC_WS_URL`). */
  readonly publicWsUrl: string;
}

type Environment = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Reads server mode from Vite's environment.
 *
 * @param env - `import.meta.env`.
 * @returns The settings, or `undefined` when the demo runs a browser flow.
 * @throws Error for a prefix that is not a path, or a socket URL that is not `ws(s)://`.
 */
export function readServerModeConfig(env: Environment): ServerModeConfig | undefined {
  const prefix = env['VITE_DERIV_AUTH_SERVER'];
  if (typeof prefix !== 'string' || prefix === '') return undefined;
  if (!/^\/[\w-]+$/.test(prefix))
    throw new Error(`VITE_DERIV_AUTH_SERVER must be a path like /auth, got "${prefix}"`);
  const publicWsUrl = readUrl(env, 'VITE_DERIV_PUBLIC_WS_URL', NEW_API_DEFAULTS.publicWsUrl, [
    'ws:',
    'wss:',
  ]);
  return { prefix, publicWsUrl };
}

/**
 * The session of server mode, and the backend it asks. Its `logout` also ends the server's
 * session: the backend is the session's `newApi`, and its `logout` is `newApi.logout`.
 *
 * @param config - The demo's settings (app id, language, brand).
 * @param serverMode - From {@link readServerModeConfig}.
 * @returns The session for `DerivProvider`, and the backend for the login link and session check.
 */
export function createServerModeSession(
  config: DemoConfig,
  serverMode: ServerModeConfig,
): { session: DerivSession; backend: AuthServerBackend } {
  const backend = createAuthServerBackend({ baseUrl: serverMode.prefix });
  const session = createDerivSession({
    client: {
      appId: config.appId,
      endpoint: serverMode.publicWsUrl,
      language: config.language,
      brand: config.brand,
      reconnect: { maxAttempts: 20, maxDelayMs: 10_000 },
    },
    newApi: backend,
  });
  return { backend, session };
}
