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
}

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

const readUrl = (
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
  return {
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
