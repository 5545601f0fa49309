/**
 * Test stack for the auth-server backend: the mock server's New API, a real
 * `@deriv-auth/server` behind Node's `http` on a loopback port, and a `fetch` that behaves like
 * the browser of the app's page (sends `Origin`, keeps cookies, never shows `HttpOnly` ones to
 * the page). Every token and OTP the stack sees is added to the canary's secrets.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import { createDerivAuthServer, toNodeHandler, type DerivAuthServer } from '@deriv-auth/server';
import { secrets } from './harness.js';

export const AUTH_CLIENT_ID = 'wsClientServerMode';
const SECRET = 'ws-client-test-secret-of-at-least-32-characters';

export interface AuthServerStack {
  mock: MockServer;
  auth: DerivAuthServer;
  /** `http://127.0.0.1:<port>`: the app's origin, where `/auth/*` is served. */
  origin: string;
  /** The page's `fetch` (cookies kept, `Origin` sent, relative URLs resolved). */
  browserFetch: typeof fetch;
  /** The cookie jar of that browser (`name` → `value`). */
  jar: Map<string, string>;
  /** Requests that reached the auth server, by path. */
  requests: string[];
  /** Walks login → Deriv (auto-approved) → callback, like the browser would. */
  signIn: (user?: string) => Promise<void>;
  close: () => Promise<void>;
}

/** Records the tokens the server receives from the mock's token endpoint and the OTP URLs. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (/\/oauth2\/token$|\/otp$/.test(url) && response.ok) {
    const body = (await response.clone().json()) as Record<string, unknown>;
    for (const name of ['access_token', 'refresh_token'])
      if (typeof body[name] === 'string') secrets.add(body[name]);
    const data = body['data'] as { url?: string } | undefined;
    const otp = data?.url === undefined ? null : new URL(data.url).searchParams.get('otp');
    if (otp) secrets.add(otp);
  }
  return response;
};

export async function startAuthServerStack(): Promise<AuthServerStack> {
  const requests: string[] = [];
  const mounted: { handle?: ReturnType<typeof toNodeHandler> } = {};
  const http: Server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (mounted.handle) mounted.handle(request, response);
    else response.writeHead(503).end();
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const mock = await startMockServer({
    port: 0,
    oauth: { autoApprove: true },
    newApi: { clients: [{ clientId: AUTH_CLIENT_ID, redirectUris: [`${origin}/auth/callback`] }] },
  });
  const auth = createDerivAuthServer({
    clientId: AUTH_CLIENT_ID,
    redirectUri: `${origin}/auth/callback`,
    appOrigin: origin,
    secrets: [SECRET],
    authorizationUrl: mock.newApi.authorizeUrl,
    tokenUrl: mock.newApi.tokenUrl,
    restUrl: mock.newApi.restUrl,
    insecureCookiesForLocalhost: true,
    fetch: recordingFetch,
  });
  mounted.handle = toNodeHandler(auth.handle);

  const jar = new Map<string, string>();
  const browserFetch: typeof fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      origin,
    );
    const headers = new Headers(init?.headers);
    if (url.origin === origin) {
      if (init?.method === 'POST') headers.set('origin', origin);
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      if (cookie) headers.set('cookie', cookie);
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    if (url.origin === origin)
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const separator = pair.indexOf('=');
        const value = pair.slice(separator + 1);
        if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, separator));
        else jar.set(pair.slice(0, separator), value);
      }
    return response;
  };

  return {
    mock,
    auth,
    origin,
    browserFetch,
    jar,
    requests,
    signIn: async (user = 'john') => {
      const login = await browserFetch('/auth/login?returnTo=/trade');
      const authorize = new URL(login.headers.get('location') ?? '');
      authorize.searchParams.set('user', user);
      authorize.searchParams.set('auto', '1');
      const approved = await fetch(authorize, { redirect: 'manual' });
      const back = new URL(approved.headers.get('location') ?? '');
      const callback = await browserFetch(back.pathname + back.search);
      if (!jar.has('deriv_session'))
        throw new Error(`no session; went to ${callback.headers.get('location') ?? ''}`);
    },
    close: async () => {
      http.closeAllConnections();
      http.close();
      await mock.close();
    },
  };
}
