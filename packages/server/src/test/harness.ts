/**
 * Test harness: the mock server's New API, a server under test wired to it, a login that walks
 * the real redirects, and the token canary (every token the mock issued, checked against every
 * response body, header and log line the tests saw).
 */
import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import { createDerivAuthServer, type DerivAuthServer } from '../createDerivAuthServer.js';
import type { CreateDerivAuthServerOptions, DerivAuthServerLogEntry } from '../options.js';

export const CLIENT_ID = 'serverTestClient';
export const APP_ORIGIN = 'http://localhost:5173';
export const REDIRECT_URI = `${APP_ORIGIN}/auth/callback`;
export const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
export const OTHER_SECRET = 'another-test-secret-of-thirty-two-characters!';

/** Every token seen in a token response, and every text the browser or a log could see. */
export const issuedTokens = new Set<string>();
export const observed: string[] = [];
export const logLines: DerivAuthServerLogEntry[] = [];

export function findLeaks(): string[] {
  const texts = [...observed, ...logLines.map((entry) => JSON.stringify(entry))];
  return texts.filter((text) => [...issuedTokens].some((token) => text.includes(token)));
}

export async function startMock(
  newApi: Parameters<typeof startMockServer>[0] = {},
): Promise<MockServer> {
  return startMockServer({
    port: 0,
    ...newApi,
    oauth: { autoApprove: true },
    newApi: {
      clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI] }],
      ...newApi.newApi,
    },
  });
}

/** Counts the grants a server sends, and records the tokens it gets back (for the canary). */
export interface CountingFetch {
  fetch: typeof fetch;
  refreshes: () => number;
}

export function countingFetch(): CountingFetch {
  let refreshes = 0;
  return {
    refreshes: () => refreshes,
    fetch: async (input, init) => {
      if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token')
        refreshes += 1;
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/oauth2/token')) {
        const body = (await response
          .clone()
          .json()
          .catch(() => ({}))) as Record<string, unknown>;
        for (const name of ['access_token', 'refresh_token'])
          if (typeof body[name] === 'string') issuedTokens.add(body[name]);
      }
      return response;
    },
  };
}

export function createTestServer(
  mock: MockServer,
  options: Partial<CreateDerivAuthServerOptions> = {},
): DerivAuthServer {
  return createDerivAuthServer({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    appOrigin: APP_ORIGIN,
    secrets: [SECRET],
    authorizationUrl: mock.newApi.authorizeUrl,
    tokenUrl: mock.newApi.tokenUrl,
    restUrl: mock.newApi.restUrl,
    insecureCookiesForLocalhost: true,
    fetch: countingFetch().fetch,
    log: (entry) => logLines.push(entry),
    ...options,
  });
}

/** Sends a request to a handler or a real URL and records what a browser could read of the answer. */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export function sendTo(target: DerivAuthServer | string): Send {
  return async (path, init) => {
    const response =
      typeof target === 'string'
        ? await fetch(new URL(path, target), { redirect: 'manual', ...init })
        : await target.handle(new Request(new URL(path, 'http://localhost:5173'), init));
    const body = await response.clone().text();
    observed.push(body);
    response.headers.forEach((value, name) => observed.push(`${name}: ${value}`));
    return response;
  };
}

/** `name=value` of each cookie the response sets (empty value: deleted). */
export function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const separator = pair.indexOf('=');
    cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  return cookies;
}

export const sameOrigin = { origin: APP_ORIGIN, 'content-type': 'application/json' };

/** Walks login -> Deriv (auto-approved) -> callback; returns the session cookie header and more. */
export async function signIn(
  send: Send,
  options: { user?: string; returnTo?: string; query?: string } = {},
): Promise<{
  cookie: string;
  callbackPath: string;
  loginCookie: string;
  location: string;
  callbackSetCookies: string[];
}> {
  const login = await send(
    `/auth/login?returnTo=${encodeURIComponent(options.returnTo ?? '/trade')}${options.query ?? ''}`,
  );
  const loginCookie = `deriv_login=${setCookies(login).get('deriv_login') ?? ''}`;
  const authorize = new URL(login.headers.get('location') ?? '');
  authorize.searchParams.set('user', options.user ?? 'john');
  authorize.searchParams.set('auto', '1');
  const approved = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(approved.headers.get('location') ?? '');
  const callbackPath = `/auth/callback${back.search}`;
  const callback = await send(callbackPath, { headers: { cookie: loginCookie } });
  const session = setCookies(callback).get('deriv_session');
  if (!session)
    throw new Error(`no session cookie; went to ${callback.headers.get('location') ?? ''}`);
  return {
    cookie: `deriv_session=${session}`,
    callbackPath,
    loginCookie,
    location: callback.headers.get('location') ?? '',
    callbackSetCookies: callback.headers.getSetCookie(),
  };
}

export async function readSession(send: Send, cookie: string): Promise<Record<string, unknown>> {
  return (await (await send('/auth/session', { headers: { cookie } })).json()) as Record<
    string,
    unknown
  >;
}

export async function requestOtp(send: Send, cookie: string, accountId: string): Promise<Response> {
  return send('/auth/otp', {
    method: 'POST',
    headers: { ...sameOrigin, cookie },
    body: JSON.stringify({ accountId }),
  });
}
