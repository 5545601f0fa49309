/**
 * Test helpers for the New API over real HTTP: PKCE pairs, authorize URLs, token requests and
 * REST calls, each returning the status, headers and parsed body.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MockServer } from '../types.js';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** `/oauth2/auth?...` with the default client, its redirect URI, all scopes and S256. */
export function authorizeUrl(
  server: MockServer,
  challenge: string,
  overrides: Record<string, string | null> = {},
): string {
  const url = new URL(server.newApi.authorizeUrl);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: 'mockClient1089',
    redirect_uri: 'http://localhost:5173/redirect',
    scope: 'trade account_manage',
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.append(name, value);
  return url.toString();
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

/** POSTs a form to `/oauth2/token`. */
export async function postToken(
  server: MockServer,
  form: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return answerOf(
    await fetch(server.newApi.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
    }),
  );
}

/** A REST call with an optional bearer token. */
export async function rest(
  server: MockServer,
  path: string,
  options: {
    token?: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  return answerOf(
    await fetch(`${server.newApi.restUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: options.body }),
    }),
  );
}

/** Logs in through `/oauth2/auth?...&auto=1` and exchanges the code: the token reply. */
export async function loginOverHttp(
  server: MockServer,
  overrides: Record<string, string | null> = {},
): Promise<HttpAnswer> {
  const { verifier, challenge } = pkcePair();
  const response = await fetch(authorizeUrl(server, challenge, { auto: '1', ...overrides }), {
    redirect: 'manual',
  });
  const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
  return postToken(server, {
    grant_type: 'authorization_code',
    client_id: 'mockClient1089',
    code,
    redirect_uri: 'http://localhost:5173/redirect',
    code_verifier: verifier,
  });
}

/** The `data.url` of an OTP reply ('' when absent). */
export function otpUrlOf(answer: HttpAnswer): string {
  const data = answer.body['data'];
  return typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string'
    ? data.url
    : '';
}
