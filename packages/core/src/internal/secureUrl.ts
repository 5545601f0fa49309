// Zod-free: the URL builder and the OTP schema share it, and the builder must not pull in zod.

/**
 * Tells whether a parsed URL's host is this machine. `URL` has already normalised the host
 * (`127.1` -> `127.0.0.1`, `[0:0::1]` -> `[::1]`, upper case -> lower case).
 *
 * @internal
 */
export function isLoopbackHost(url: URL): boolean {
  return (
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(url.hostname)
  );
}

/**
 * Parses an absolute URL whose scheme is `secure`, or `insecure` on a loopback host only (RFC 8252
 * §7.3 for redirects; the mock server for the rest); `undefined` otherwise. URLs with credentials
 * (`user:pass@`) are refused: nothing here needs them and they hide the real host from readers.
 *
 * @internal
 */
export function parseSecureUrl(
  text: unknown,
  secure: 'https:' | 'wss:',
  insecure: 'http:' | 'ws:',
): URL | undefined {
  if (typeof text !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol === secure || (url.protocol === insecure && isLoopbackHost(url))) return url;
  return undefined;
}
