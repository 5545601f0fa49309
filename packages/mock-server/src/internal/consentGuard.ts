/**
 * Who may use the mock's OAuth pages: which `Host` names are this server's, whether a consent
 * form post came from this server's own page, and the one-time token each rendered form carries.
 * A real provider refuses cross-site approvals; so does the mock, unless told otherwise.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { networkInterfaces } from 'node:os';

/** Why a request was refused: the HTTP status and a sentence for the plain error page. */
export interface Refusal {
  readonly status: 400 | 403;
  readonly title: string;
  readonly message: string;
}

/** Host names every server answers to: the loopback names. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/** Rendered forms whose token is still unused; the oldest is forgotten past this count. */
const MAX_OPEN_FORMS = 1_000;
const FORM_LIFETIME_MS = 30 * 60_000;

/** A URL host name as `URL.hostname` writes it (lower case, IPv6 in brackets), or undefined. */
function hostnameOf(hostHeader: string): string | undefined {
  try {
    const url = new URL(`http://${hostHeader}`);
    return url.username === '' && url.password === '' && url.pathname === '/'
      ? url.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/** The host names a server bound to `host` can be reached by. */
export function listenedHostnames(host: string, extra: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const add = (name: string): void => {
    const hostname = hostnameOf(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
    if (hostname !== undefined) names.add(hostname);
  };
  if (WILDCARD_HOSTS.has(host)) {
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) add(address.address);
  } else add(host);
  for (const name of extra) add(name);
  return names;
}

export class ConsentGuard {
  private readonly openForms = new Map<string, number>();

  constructor(
    private readonly hostnames: ReadonlySet<string>,
    readonly autoApprove: boolean,
  ) {}

  /**
   * Refuses a request whose `Host` is not one of this server's names (a DNS-rebinding page reaches
   * the mock under its own name).
   */
  checkHost(headers: IncomingHttpHeaders): Refusal | undefined {
    const host = headers.host;
    const hostname = host === undefined ? undefined : hostnameOf(host);
    if (hostname !== undefined && this.hostnames.has(hostname)) return undefined;
    return {
      status: 400,
      title: 'Unknown host',
      message:
        'This mock server answers only to the names it listens on (localhost, 127.0.0.1, [::1], its bound address); add others with startMockServer({ oauth: { allowedHosts } }).',
    };
  }

  /**
   * Refuses a consent post that a browser says came from another site: `Origin` must be this
   * server's origin as the client addressed it, and `Sec-Fetch-Site` (when sent) `same-origin`.
   * Clients that send neither (Node's `fetch`, curl) pass; they cannot be driven by another site.
   */
  checkSameOrigin(headers: IncomingHttpHeaders): Refusal | undefined {
    const fetchSite = headers['sec-fetch-site'];
    const origin = headers.origin;
    const sameOrigin =
      origin === undefined || (headers.host !== undefined && origin === `http://${headers.host}`);
    if (sameOrigin && (fetchSite === undefined || fetchSite === 'same-origin')) return undefined;
    return {
      status: 403,
      title: 'Cross-site request refused',
      message: 'The consent form can only be submitted from the login page of this server.',
    };
  }

  /** A fresh one-time token for a rendered consent form. */
  issueFormToken(now = Date.now()): string {
    for (const [token, expires] of this.openForms) {
      if (expires > now && this.openForms.size < MAX_OPEN_FORMS) break;
      this.openForms.delete(token);
    }
    const token = randomBytes(16).toString('base64url');
    this.openForms.set(token, now + FORM_LIFETIME_MS);
    return token;
  }

  /** Spends a form token; refuses a missing, unknown, used or expired one. */
  spendFormToken(token: string | null, now = Date.now()): Refusal | undefined {
    const expires = token === null ? undefined : this.openForms.get(token);
    if (token !== null) this.openForms.delete(token);
    if (expires !== undefined && expires > now) return undefined;
    return {
      status: 403,
      title: 'Login form expired',
      message:
        'This approval did not come from a login page this server rendered, or that page was already used. Open the login page again.',
    };
  }

  /** Refuses `auto=1` / `auto=deny` on a GET unless the server was started with `autoApprove`. */
  checkAutoApprove(): Refusal | undefined {
    if (this.autoApprove) return undefined;
    return {
      status: 403,
      title: 'Approval needs the form',
      message:
        'Non-interactive approval (auto=1, auto=deny) is off. Press Authorize or Deny on the page, or start the server with startMockServer({ oauth: { autoApprove: true } }) or --auto-approve.',
    };
  }
}
