/**
 * Reading an HTTP request's target without throwing: `new URL('//', base)` throws, and the request
 * line is whatever the client wrote (`GET //x:99999`, `GET http://a/`, garbage).
 */

const PLACEHOLDER_ORIGIN = 'http://mock.invalid';

/**
 * The path and query of an origin-form request target (`/path?query`), or undefined for anything
 * else (absolute-form, `*`, a target `URL` cannot read). Every HTTP and upgrade handler answers
 * undefined with a 400 instead of letting a throw end the process.
 *
 * @param target - `request.url` as Node's parser left it
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined;
  try {
    // Concatenated, not resolved against a base: `//evil` stays a path instead of becoming a host.
    const url = new URL(PLACEHOLDER_ORIGIN + target);
    return url.origin === PLACEHOLDER_ORIGIN ? url : undefined;
  } catch {
    return undefined;
  }
}
