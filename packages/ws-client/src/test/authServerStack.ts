/**
 * Test stack for the auth-server backend: the mock server's New API, a real
 * `@deriv-auth/server` behind Node's `http` on a loopback port, and a `fetch` that behaves like
 * the browser of the app's page (sends `Origin`, keeps cookies, never shows `HttpOnly` ones to
 * the page). Every token and OTP the stack sees is added to the canary's secrets.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
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
  const response = await nodeFetch(input, init);
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
    const url = new URL(urlOf(input), origin);
    const headers = headersOf(init);
    if (url.origin === origin) {
      if (init?.method === 'POST') headers['origin'] = origin;
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      if (cookie) headers['cookie'] = cookie;
    }
    const reply = await sendOverHttp(
      url,
      init?.method ?? 'GET',
      headers,
      bodyOf(init),
      init?.signal,
    );
    if (url.origin === origin)
      for (const line of reply.setCookies) {
        const [pair = ''] = line.split(';');
        const separator = pair.indexOf('=');
        const value = pair.slice(separator + 1);
        if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, separator));
        else jar.set(pair.slice(0, separator), value);
      }
    return toResponse(reply);
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
      const approved = await nodeFetch(authorize);
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

/**
 * One HTTP exchange over `node:http` rather than the global `fetch`: under happy-dom the global is
 * the simulated page's, which applies its own origin and cookie rules instead of this stack's.
 */
function sendOverHttp(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal | null | undefined,
): Promise<{
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers, signal: signal ?? undefined }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('error', reject);
      reply.on('end', () => {
        const plain: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.headers))
          if (typeof value === 'string' && name !== 'set-cookie') plain[name] = value;
        resolve({
          status: reply.statusCode ?? 0,
          headers: plain,
          setCookies: reply.headers['set-cookie'] ?? [],
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(typeof body === 'string' ? body : undefined);
  });
}

const urlOf = (input: Parameters<typeof fetch>[0]): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (init?.body instanceof URLSearchParams && !headers['content-type'])
    headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  return headers;
}

const bodyOf = (init: RequestInit | undefined): string | undefined =>
  typeof init?.body === 'string' || init?.body instanceof URLSearchParams
    ? init.body.toString()
    : undefined;

function toResponse(reply: Awaited<ReturnType<typeof sendOverHttp>>): Response {
  const nullBody = [101, 204, 205, 304].includes(reply.status);
  const response = new Response(nullBody ? null : reply.body, {
    status: reply.status,
    headers: reply.headers,
  });
  for (const cookie of reply.setCookies) response.headers.append('set-cookie', cookie);
  return response;
}

/** `fetch` over `node:http` (redirects not followed), whatever the global `fetch` is. */
const nodeFetch: typeof fetch = async (input, init) =>
  toResponse(
    await sendOverHttp(
      new URL(urlOf(input)),
      init?.method ?? 'GET',
      headersOf(init),
      bodyOf(init),
      init?.signal,
    ),
  );
