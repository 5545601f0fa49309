/**
 * Everything the demo reads from its environment, in one place. The defaults point at the real
 * Deriv services; `scripts/start.mjs` overrides them to point at the embedded mock server.
 * Vite inlines `import.meta.env.VITE_*` at build time, so a production build is bound to the
 * values it was built with.
 */

/**
 * Which of the accounts returned by the OAuth redirect is authorized right after login: the first
 * one Deriv lists (its default), the first real one, or the first demo (virtual) one.
 */
export type DefaultAccountChoice = 'first' | 'real' | 'virtual';

/** Where tokens are kept between reloads of the tab. */
export type TokenStorageChoice = 'session' | 'memory';

/**
 * Which Deriv sign-in the demo runs: `legacy` (the `acct1/token1` redirect and `authorize` on
 * `/websockets/v3`) or `newApi` (OAuth 2.0 + PKCE, REST accounts, sockets from one-time URLs).
 */
export type DemoFlow = 'legacy' | 'newApi';

/** The New API's endpoints and the app's OAuth client, when the demo is set up for it. */
export interface DemoNewApiConfig {
  /** OAuth client id (`VITE_DERIV_CLIENT_ID`): alphanumeric, not the legacy app id. */
  readonly clientId: string;
  /** Authorize page (`VITE_DERIV_AUTH_URL`). */
  readonly authorizationUrl: string;
  /** Token endpoint (`VITE_DERIV_TOKEN_URL`). */
  readonly tokenUrl: string;
  /** REST origin (`VITE_DERIV_REST_URL`). */
  readonly restUrl: string;
  /** Public socket, the client's endpoint when no account is open (`VITE_DERIV_PUBLIC_WS_URL`). */
  readonly publicWsUrl: string;
}

/** The resolved demo settings. */
export interface DemoConfig {
  /** Deriv app id the OAuth tokens are issued for (`VITE_DERIV_APP_ID`). */
  readonly appId: number;
  /** Login page (`VITE_DERIV_OAUTH_URL`). */
  readonly oauthUrl: string;
  /** WebSocket endpoint, without query (`VITE_DERIV_WS_URL`). */
  readonly wsUrl: string;
  /** Language sent to the login page and the API (`VITE_DERIV_LANGUAGE`). */
  readonly language: string;
  /** Brand sent to the login page and the API (`VITE_DERIV_BRAND`). */
  readonly brand: string;
  /** Which account the callback authorizes at once (`VITE_DERIV_DEFAULT_ACCOUNT`). */
  readonly defaultAccount: DefaultAccountChoice;
  /** Token storage (`VITE_DERIV_STORAGE`). */
  readonly storage: TokenStorageChoice;
  /** The flow a tab starts with (`VITE_DERIV_FLOW`: `legacy` or `new-api`); the login screen may switch. */
  readonly flow: DemoFlow;
  /** The New API settings; present when `VITE_DERIV_CLIENT_ID` is set (the New API needs a client). */
  readonly newApi?: DemoNewApiConfig;
}

/** The real New API services, used when only `VITE_DERIV_CLIENT_ID` is set. */
export const NEW_API_DEFAULTS = {
  authorizationUrl: 'https://auth.deriv.com/oauth2/auth',
  tokenUrl: 'https://auth.deriv.com/oauth2/token',
  restUrl: 'https://api.derivws.com',
  publicWsUrl: 'wss://api.derivws.com/trading/v1/options/ws/public',
} as const;

/** The real Deriv services, used when no variable says otherwise. */
export const DERIV_DEFAULTS = {
  appId: 1089,
  oauthUrl: 'https://oauth.deriv.com/oauth2/authorize',
  wsUrl: 'wss://ws.derivws.com/websockets/v3',
  language: 'EN',
  brand: 'deriv',
} as const;

type Environment = Readonly<Record<string, string | boolean | undefined>>;

const readText = (env: Environment, key: string): string | undefined => {
  const value = env[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** The URL `key` names (or `fallback`), refused unless it uses one of `protocols`. */
export const readUrl = (
  env: Environment,
  key: string,
  fallback: string,
  protocols: readonly string[],
): string => {
  const text = readText(env, key) ?? fallback;
  const url = new URL(text);
  if (!protocols.includes(url.protocol)) {
    throw new Error(`${key} must use ${protocols.join(' or ')}, got ${url.protocol}`);
  }
  return url.href;
};

const readChoice = <T extends string>(
  env: Environment,
  key: string,
  choices: readonly T[],
  fallback: T,
): T => {
  const text = readText(env, key)?.toLowerCase();
  if (text === undefined) return fallback;
  const found = choices.find((choice) => choice === text);
  if (found === undefined)
    throw new Error(`${key} must be one of ${choices.join(', ')}, got "${text}"`);
  return found;
};

/**
 * Resolves the demo settings from Vite's environment object.
 *
 * @param env - `import.meta.env` in the app, or the result of Vite's `loadEnv` in `vite.config.ts`.
 * @returns The settings, defaults filled in.
 * @throws Error when a variable is set to something unusable (a bad URL, app id or choice).
 * @example
 * ```ts
 * const config = readDemoConfig({ VITE_DERIV_APP_ID: '1089' });
 * config.wsUrl; // 'wss://ws.derivws.com/websockets/v3'
 * ```
 */
export function readDemoConfig(env: Environment): DemoConfig {
  const appIdText = readText(env, 'VITE_DERIV_APP_ID') ?? String(DERIV_DEFAULTS.appId);
  if (!/^[1-9][0-9]{0,9}$/.test(appIdText)) {
    throw new Error(`VITE_DERIV_APP_ID must be a positive integer, got "${appIdText}"`);
  }
  const newApi = readNewApiConfig(env);
  const flowText = readChoice(env, 'VITE_DERIV_FLOW', ['legacy', 'new-api', 'newapi'], 'legacy');
  const flow: DemoFlow = flowText === 'legacy' ? 'legacy' : 'newApi';
  if (flow === 'newApi' && newApi === undefined)
    throw new Error('VITE_DERIV_FLOW=new-api needs VITE_DERIV_CLIENT_ID (the OAuth client id)');
  return {
    ...(newApi && { newApi }),
    flow,
    appId: Number(appIdText),
    oauthUrl: readUrl(env, 'VITE_DERIV_OAUTH_URL', DERIV_DEFAULTS.oauthUrl, ['https:', 'http:']),
    wsUrl: readUrl(env, 'VITE_DERIV_WS_URL', DERIV_DEFAULTS.wsUrl, ['wss:', 'ws:']),
    language: readText(env, 'VITE_DERIV_LANGUAGE') ?? DERIV_DEFAULTS.language,
    brand: readText(env, 'VITE_DERIV_BRAND') ?? DERIV_DEFAULTS.brand,
    defaultAccount: readChoice(
      env,
      'VITE_DERIV_DEFAULT_ACCOUNT',
      ['first', 'real', 'virtual'],
      'first',
    ),
    storage: readChoice(env, 'VITE_DERIV_STORAGE', ['session', 'memory'], 'session'),
  };
}

/** The New API settings, or `undefined` when no OAuth client id is set. */
function readNewApiConfig(env: Environment): DemoNewApiConfig | undefined {
  const clientId = readText(env, 'VITE_DERIV_CLIENT_ID');
  if (clientId === undefined) return undefined;
  if (!/^[A-Za-z0-9]{1,128}$/.test(clientId))
    throw new Error(`VITE_DERIV_CLIENT_ID must be letters and digits, got "${clientId}"`);
  const web = ['https:', 'http:'];
  return {
    clientId,
    authorizationUrl: readUrl(env, 'VITE_DERIV_AUTH_URL', NEW_API_DEFAULTS.authorizationUrl, web),
    tokenUrl: readUrl(env, 'VITE_DERIV_TOKEN_URL', NEW_API_DEFAULTS.tokenUrl, web),
    restUrl: readUrl(env, 'VITE_DERIV_REST_URL', NEW_API_DEFAULTS.restUrl, web).replace(/\/$/, ''),
    publicWsUrl: readUrl(env, 'VITE_DERIV_PUBLIC_WS_URL', NEW_API_DEFAULTS.publicWsUrl, [
      'wss:',
      'ws:',
    ]),
  };
}
