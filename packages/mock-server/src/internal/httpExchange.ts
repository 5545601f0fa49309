/**
 * Small HTTP pieces the New API routes share: reading a bounded body, answering JSON, and CORS for
 * the origins of registered clients (exact `Access-Control-Allow-Origin`, with credentials, as
 * Deriv's reference SPA calls the token endpoint with `credentials: 'include'`).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Bodies past this are refused (413): a form or a small JSON object is all any route takes. */
export const MAX_BODY_BYTES = 16_384;

/** Thrown by {@link readBody} when the body is larger than {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** The request body as UTF-8 text (a character split across chunks stays whole). */
export async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  request.setEncoding('utf8');
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) {
      request.resume();
      throw new BodyTooLargeError('Body too large.');
    }
  }
  return body;
}

/** A JSON answer that no cache keeps (token and account data). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    ...headers,
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-content-type-options': 'nosniff',
    'content-type': 'application/json',
  });
  response.end(JSON.stringify(body));
}

/**
 * The CORS headers for `origin` when it is one of `allowed`: the origin itself (never `*`, which
 * browsers refuse with credentials), credentials allowed, and `Vary: Origin`.
 */
export function corsHeaders(
  headers: IncomingHttpHeaders,
  allowed: ReadonlySet<string>,
): Record<string, string> {
  const origin = headers.origin;
  if (origin === undefined || !allowed.has(origin)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  };
}

/**
 * Answers a CORS preflight: 204 with the allowed methods and headers for a registered origin, 403
 * without any CORS header for another one (the browser then refuses the real request).
 */
export function answerPreflight(
  request: IncomingMessage,
  response: ServerResponse,
  allowed: ReadonlySet<string>,
  methods: string,
): void {
  const cors = corsHeaders(request.headers, allowed);
  if (cors['access-control-allow-origin'] === undefined) {
    response.writeHead(403, { vary: 'Origin', 'content-type': 'text/plain' });
    response.end('Origin not registered with any OAuth client of this mock server.');
    return;
  }
  response.writeHead(204, {
    ...cors,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'Authorization, Content-Type, Deriv-App-ID',
    'access-control-max-age': '600',
  });
  response.end();
}
