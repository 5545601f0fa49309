/**
 * The security headers every page of the demo is served with, most importantly the OAuth
 * callback page, which briefly holds tokens in its URL. Used by `vite.config.ts` for the dev
 * server, `vite preview` and the `<meta>` tags written into `index.html`.
 *
 * - `Referrer-Policy: no-referrer`: no request made from the page carries its URL.
 * - A Content-Security-Policy that allows scripts, styles and images from the app's own origin
 *   only, and connections to the app's own origin plus the Deriv WebSocket origin. Nothing
 *   third-party can load, no inline script runs (but the dev server's one React Refresh preamble,
 *   allowed by its hash), the page cannot be framed, forms cannot post anywhere.
 */

/** What differs between the dev server and the production build. */
export interface ContentSecurityPolicyOptions {
  /** The Deriv WebSocket URL the app connects to. */
  readonly wsUrl: string;
  /** Dev server only: inline scripts allowed by hash (`'sha256-...'`). */
  readonly scriptHashes?: readonly string[];
  /** Dev server only: allow `<style>` elements injected by Vite's CSS hot reload. */
  readonly allowInlineStyles?: boolean;
  /** Dev server only: extra origins to connect to (the HMR WebSocket). */
  readonly extraConnectSources?: readonly string[];
  /** Header only: `frame-ancestors` cannot be delivered through `<meta>`. */
  readonly forHeader?: boolean;
}

const originOf = (url: string): string => new URL(url).origin;

/**
 * Builds the Content-Security-Policy value.
 *
 * @param options - The WebSocket URL and the dev-only allowances.
 * @returns The policy, directives separated by `; `.
 * @example
 * ```ts
 * buildContentSecurityPolicy({ wsUrl: 'wss://ws.derivws.com/websockets/v3', forHeader: true });
 * ```
 */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const connect = ["'self'", originOf(options.wsUrl), ...(options.extraConnectSources ?? [])];
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(options.scriptHashes ?? [])],
    ['style-src', "'self'", ...(options.allowInlineStyles === true ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', ...new Set(connect)],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
  ];
  if (options.forHeader === true) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * Builds every security header for a response.
 *
 * @param options - See {@link buildContentSecurityPolicy}; `forHeader` is implied.
 * @returns Header names and values for Vite's `server.headers` / `preview.headers`.
 * @example
 * ```ts
 * const headers = buildSecurityHeaders({ wsUrl: 'ws://127.0.0.1:8080/websockets/v3' });
 * headers['Referrer-Policy']; // 'no-referrer'
 * ```
 */
export function buildSecurityHeaders(
  options: ContentSecurityPolicyOptions,
): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy({ ...options, forHeader: true }),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}
