import {
  DEFAULT_AUTHORIZATION_URL,
  DEFAULT_REST_URL,
  DEFAULT_TOKEN_URL,
  type NewApiScope,
} from '@deriv-auth/core';
import { DerivServerError } from '../derivServerError.js';
import type { CreateDerivAuthServerOptions, DerivAuthServerLogEntry } from '../options.js';

/** The options with every default filled in, checked once at start. */
export interface ServerConfig {
  clientId: string;
  redirectUri: string;
  appOrigin: string;
  prefix: string;
  scopes: readonly NewApiScope[];
  authorizationUrl: string;
  tokenUrl: string;
  restUrl: string;
  sessionCookie: string;
  loginCookie: string;
  sessionPath: string;
  secure: boolean;
  sessionLifetimeMs: number;
  idleLifetimeMs: number;
  loginLifetimeMs: number;
  refreshBeforeMs: number;
  defaultTokenLifetimeSeconds: number;
  defaultReturnPath: string;
  fetch: typeof fetch;
  now: () => number;
  log: (entry: DerivAuthServerLogEntry) => void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const COOKIE_NAME = /^[!#$%&'*+\-.^\w`|~]+$/;

function invalid(option: string, expected: string): never {
  throw new DerivServerError('invalid_server_option', `${option}: expected ${expected}`);
}

function seconds(value: number | undefined, fallback: number, option: string): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) invalid(option, 'a positive number of seconds');
  return result * 1000;
}

export function resolveConfig(options: CreateDerivAuthServerOptions): ServerConfig {
  let appOrigin: URL;
  try {
    appOrigin = new URL(options.appOrigin);
  } catch {
    return invalid('appOrigin', 'an absolute origin such as https://app.example.com');
  }
  if (appOrigin.origin === 'null' || appOrigin.origin !== options.appOrigin.replace(/\/$/, ''))
    invalid('appOrigin', 'an origin only (scheme, host, port), such as https://app.example.com');
  const loopbackHttp = appOrigin.protocol === 'http:' && LOOPBACK.has(appOrigin.hostname);
  if (options.insecureCookiesForLocalhost && !loopbackHttp)
    invalid('insecureCookiesForLocalhost', 'an http://localhost appOrigin');
  if (appOrigin.protocol !== 'https:' && !loopbackHttp)
    invalid('appOrigin', 'https (http on localhost only)');

  const prefix = (options.prefix ?? '/auth').replace(/\/+$/, '');
  if (!/^(\/[\w.~-]+)*$/.test(prefix)) invalid('prefix', 'a path such as /auth');
  // The session cookie's Path goes into Set-Cookie as is: a plain path that covers the routes.
  const sessionPath = options.cookies?.path ?? (prefix || '/');
  const pathBase = sessionPath.replace(/\/+$/, '');
  if (
    !/^\/([\w.~-]+\/?)*$/.test(sessionPath) ||
    !(prefix === pathBase || prefix.startsWith(`${pathBase}/`))
  )
    invalid('cookies.path', `a path that covers the prefix ${prefix || '/'}`);
  const sessionCookie = options.cookies?.sessionName ?? 'deriv_session';
  const loginCookie = options.cookies?.loginName ?? 'deriv_login';
  if (
    !COOKIE_NAME.test(sessionCookie) ||
    !COOKIE_NAME.test(loginCookie) ||
    sessionCookie === loginCookie
  )
    invalid('cookies', 'two different cookie names of token characters');
  const defaultReturnPath = options.defaultReturnPath ?? '/';
  if (!defaultReturnPath.startsWith('/') || defaultReturnPath.startsWith('//'))
    invalid('defaultReturnPath', 'a path on the app origin');

  return {
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    appOrigin: appOrigin.origin,
    prefix,
    scopes: options.scopes ?? ['trade'],
    authorizationUrl: options.authorizationUrl ?? DEFAULT_AUTHORIZATION_URL,
    tokenUrl: options.tokenUrl ?? DEFAULT_TOKEN_URL,
    restUrl: options.restUrl ?? DEFAULT_REST_URL,
    sessionCookie,
    loginCookie,
    sessionPath,
    secure: !options.insecureCookiesForLocalhost,
    sessionLifetimeMs: seconds(options.sessionLifetimeSeconds, 86_400, 'sessionLifetimeSeconds'),
    idleLifetimeMs: seconds(options.idleLifetimeSeconds, 7_200, 'idleLifetimeSeconds'),
    loginLifetimeMs: seconds(options.loginLifetimeSeconds, 600, 'loginLifetimeSeconds'),
    refreshBeforeMs: seconds(options.refreshBeforeExpirySeconds, 60, 'refreshBeforeExpirySeconds'),
    defaultTokenLifetimeSeconds:
      seconds(options.defaultTokenLifetimeSeconds, 3_600, 'defaultTokenLifetimeSeconds') / 1000,
    defaultReturnPath,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
  };
}
