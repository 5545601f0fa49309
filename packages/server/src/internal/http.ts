/** Small response helpers shared by the routes. */

/** Stable error codes of the JSON routes. */
export type ServerErrorCode =
  | 'cross_site_request'
  | 'invalid_request'
  | 'signed_out'
  | 'unknown_account'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'not_found'
  | 'method_not_allowed';

const MESSAGES: Record<ServerErrorCode, string> = {
  cross_site_request: 'This request must come from the app itself.',
  invalid_request: 'Expected a JSON body { "accountId": string }.',
  signed_out: 'Sign in again.',
  unknown_account: 'This account is not one of the signed-in user’s accounts.',
  rate_limited: 'Too many requests; try again shortly.',
  upstream_unavailable: 'Deriv did not answer as expected; try again.',
  not_found: 'No such route.',
  method_not_allowed: 'Method not allowed on this route.',
};

export function withCookies(response: Response, cookies: readonly string[]): Response {
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}

/** A JSON answer that no cache keeps. */
export function json(body: unknown, status: number, cookies: readonly string[] = []): Response {
  return withCookies(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    }),
    cookies,
  );
}

/** `{ error: { code, message } }`, with a fixed message per code (never Deriv's words). */
export function jsonError(
  code: ServerErrorCode,
  status: number,
  cookies: readonly string[] = [],
): Response {
  return json({ error: { code, message: MESSAGES[code] } }, status, cookies);
}

export function redirect(location: string, cookies: readonly string[] = []): Response {
  return withCookies(
    new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } }),
    cookies,
  );
}

/**
 * CSRF check of state-changing routes: the browser's `Origin` must be the app's, or, when a
 * browser sends no `Origin`, `Sec-Fetch-Site` must be `same-origin`. A request with neither is
 * refused too: every browser sends one of them on a POST, so only a tool without cookies would.
 *
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#fetch-metadata-headers
 */
export function isSameOrigin(request: Request, appOrigin: string): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === appOrigin;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
