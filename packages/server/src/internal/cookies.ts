/** Attributes of a cookie the server sets. */
export interface CookieAttributes {
  path: string;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

// RFC 6265 §4.1.1 cookie-octets: what a sealed value (base64url and dots) always is.
const COOKIE_VALUE = /^[!#-+\--:<-[\]-~]*$/;

/** Every value the `Cookie` header holds under `name`, in order (a tossed duplicate included). */
export function readCookies(request: Request, name: string): string[] {
  const header = request.headers.get('cookie');
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    if (COOKIE_VALUE.test(value) && value !== '') values.push(value);
  }
  return values;
}

/**
 * A `Set-Cookie` value: always `HttpOnly` and `SameSite=Lax` (Lax, not Strict: the callback is a
 * top-level navigation from Deriv's site and must carry the login cookie).
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [
    `${name}=${value}`,
    `Path=${attributes.path}`,
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (attributes.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
