/** `login` (PKCE start) and `callback` (code exchange, new session). */
import {
  buildAuthorizationUrl,
  createCodeChallenge,
  createCodeVerifier,
  validateReturnPath,
} from '@deriv-auth/core';
import type { Sealer } from '../createSealer.js';
import type { SessionStore } from '../sessionStore.js';
import type { ServerConfig } from './config.js';
import { readCookies, serializeCookie } from './cookies.js';
import type { DerivApi } from './derivApi.js';
import { redirect } from './http.js';
import { randomId, type SessionManager } from './sessions.js';

const LOGIN_PURPOSE = 'deriv-auth/login';
const random = (bytes: Uint8Array) => crypto.getRandomValues(bytes);

// Sign-up and partner parameters passed from the login URL's query to Deriv's.
const PASS_THROUGH = {
  sidc: 'sidc',
  utm_campaign: 'utmCampaign',
  utm_medium: 'utmMedium',
  utm_source: 'utmSource',
  t: 't',
  affiliate_token: 'affiliateToken',
  sidi: 'sidi',
  ca: 'ca',
} as const;
const PARTNER_VALUE = /^[\w.~-]{1,128}$/;
const PARTNER_ALIASES = new Set(['t', 'affiliate_token', 'sidi', 'ca']);

/** Why a callback sent the user back without a session: appended as `?auth_error=`. */
export type CallbackFailure = 'access_denied' | 'login_expired' | 'login_failed';

export interface LoginRoutes {
  login(request: Request): Promise<Response>;
  callback(request: Request): Promise<Response>;
}

export function createLoginRoutes(
  config: ServerConfig,
  sealer: Sealer,
  api: DerivApi,
  sessions: SessionManager,
  markers: SessionStore,
): LoginRoutes {
  const loginCookie = (value: string, maxAgeMs: number) =>
    serializeCookie(config.loginCookie, value, {
      // Only the callback needs it.
      path: `${config.prefix}/callback`,
      secure: config.secure,
      maxAge: maxAgeMs / 1000,
    });
  const appUrl = (path: string) => new URL(path, config.appOrigin).href;
  const fail = (reason: CallbackFailure, cookies: string[]) => {
    config.log({ level: 'warn', event: 'callback_refused', route: 'callback', reason });
    const target = new URL(config.defaultReturnPath, config.appOrigin);
    target.searchParams.set('auth_error', reason);
    return redirect(target.href, cookies);
  };

  return {
    async login(request) {
      const query = new URL(request.url).searchParams;
      const state = randomId();
      const codeVerifier = createCodeVerifier(random);
      const returnTo =
        validateReturnPath(query.get('returnTo') ?? '', { origin: config.appOrigin }) ??
        config.defaultReturnPath;
      const extras: Record<string, string> = {};
      // At most one partner alias reaches Deriv: the first in Deriv's documented order.
      let partner = false;
      for (const [parameter, option] of Object.entries(PASS_THROUGH)) {
        const value = query.get(parameter);
        if (!value || !PARTNER_VALUE.test(value)) continue;
        const isPartnerAlias = PARTNER_ALIASES.has(parameter);
        if (isPartnerAlias && partner) continue;
        partner ||= isPartnerAlias;
        extras[option] = value;
      }
      const location = buildAuthorizationUrl({
        clientId: config.clientId,
        redirectUri: config.redirectUri,
        authorizationUrl: config.authorizationUrl,
        scopes: config.scopes,
        state,
        codeChallenge: await createCodeChallenge(codeVerifier),
        prompt: query.get('prompt') === 'registration' ? 'registration' : undefined,
        ...extras,
      });
      const sealed = await sealer.seal(
        { state, codeVerifier, returnTo, loginId: randomId() },
        LOGIN_PURPOSE,
        config.loginLifetimeMs / 1000,
      );
      config.log({ level: 'info', event: 'login_started', route: 'login' });
      return redirect(location, [loginCookie(sealed, config.loginLifetimeMs)]);
    },

    async callback(request) {
      const cookies = [loginCookie('', 0)];
      const query = new URL(request.url).searchParams;
      if (query.get('error') === 'access_denied' && !query.has('code'))
        return fail('access_denied', cookies);
      let login: Record<string, unknown> | undefined;
      for (const candidate of readCookies(request, config.loginCookie)) {
        login = await sealer.open(candidate, LOGIN_PURPOSE);
        if (login) break;
      }
      const { state, codeVerifier, returnTo, loginId } = login ?? {};
      if (
        typeof state !== 'string' ||
        typeof codeVerifier !== 'string' ||
        typeof loginId !== 'string'
      )
        return fail('login_expired', cookies);
      let callback: URLSearchParams;
      try {
        callback = api.validateCallback(query, state);
      } catch {
        return fail(query.has('error') ? 'access_denied' : 'login_failed', cookies);
      }
      // One-time: the first callback for this login spends it, in every instance sharing the store.
      if (!(await markers.add(`login:${loginId}`, '1', config.loginLifetimeMs)))
        return fail('login_expired', cookies);
      try {
        const tokens = await api.exchangeCode(callback, codeVerifier);
        const accounts = await api.listAccounts(tokens.accessToken);
        // Signing in again in the same browser replaces the session: the old one ends wherever
        // it is stored, so its cookie cannot be replayed.
        const previous = await sessions.load(request, []);
        if (previous.session) await sessions.end(previous.session, []);
        await sessions.create(tokens, accounts, cookies);
      } catch {
        return fail('login_failed', cookies);
      }
      config.log({ level: 'info', event: 'signed_in', route: 'callback' });
      const target = typeof returnTo === 'string' ? returnTo : config.defaultReturnPath;
      return redirect(
        appUrl(validateReturnPath(target, { origin: config.appOrigin }) ?? '/'),
        cookies,
      );
    },
  };
}
