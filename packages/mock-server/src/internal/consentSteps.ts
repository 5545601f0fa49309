/**
 * The steps both login pages share (the legacy `/oauth2/authorize` and the New API's
 * `/oauth2/auth`): their security headers, a form post received once and only from the page
 * itself, the decision a step carries, and the test user it names. Each route keeps only what is
 * its own: which parameters it checks and where the answer redirects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentGuard, Refusal } from './consentGuard.js';
import { BodyTooLargeError, readBody } from './httpExchange.js';
import type { MockState } from './mockState.js';
import { renderErrorPage } from './oauthHtml.js';

/** Headers of every login page and redirect. */
export const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with the
  // page's own form post, and the consent check could not tell it from a cross-site one. No
  // Referer leaves for another origin either way (the app's callback included).
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
} as const;

/** An HTML page with the login pages' security headers. */
export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** A refusal as a plain page with its reason (`role="alert"`), never a redirect. */
export function refuse(response: ServerResponse, refusal: Refusal): void {
  sendHtml(response, refusal.status, renderErrorPage(refusal.title, refusal.message));
}

/** A 302 to `location` with the login pages' security headers. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...SECURITY_HEADERS, location });
  response.end();
}

/**
 * Takes a login page's form post: refused unless it comes from the page itself (same origin) and
 * carries an unspent form token; a body too large or unreadable gets a page, not a crash. Then
 * `answer(form)` answers the step.
 */
export function receiveConsentForm(
  guard: ConsentGuard,
  request: IncomingMessage,
  response: ServerResponse,
  answer: (form: URLSearchParams) => void,
): void {
  const crossSite = guard.checkSameOrigin(request.headers);
  if (crossSite !== undefined) {
    request.resume();
    refuse(response, crossSite);
    return;
  }
  readBody(request).then(
    (body) => {
      const form = new URLSearchParams(body);
      const expired = guard.spendFormToken(form.get('consent'));
      if (expired === undefined) answer(form);
      else refuse(response, expired);
    },
    (error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      sendHtml(
        response,
        tooLarge ? 413 : 400,
        renderErrorPage(
          'Bad request',
          tooLarge ? 'The form is too large.' : 'The form could not be read.',
        ),
      );
    },
  );
}

/** What a login step asks for: the form's button, `auto=` on a GET (when allowed), or the page. */
export type ConsentDecision =
  { readonly decision: 'authorize' | 'deny' | 'show' } | { readonly refusal: Refusal };

/**
 * Reads the decision of one login step. A submitted form says it in `decision`; a GET may say
 * `auto=1` / `auto=deny` only when the server allows non-interactive approval.
 */
export function readConsentDecision(
  guard: ConsentGuard,
  params: URLSearchParams,
  submitted: boolean,
): ConsentDecision {
  if (submitted) {
    const decision = params.get('decision');
    return { decision: decision === 'authorize' || decision === 'deny' ? decision : 'show' };
  }
  const auto = params.get('auto');
  if (auto !== '1' && auto !== 'deny') return { decision: 'show' };
  const refusal = guard.checkAutoApprove();
  if (refusal !== undefined) return { refusal };
  return { decision: auto === '1' ? 'authorize' : 'deny' };
}

/**
 * The test user an approval names (`user`), or the first one when it names none; `undefined`
 * (after answering 400) when the name is not a listed user.
 */
export function chosenUser(
  state: MockState,
  params: URLSearchParams,
  response: ServerResponse,
): string | undefined {
  const userId = params.get('user') ?? state.users.keys().next().value;
  if (userId !== undefined && state.users.has(userId)) return userId;
  sendHtml(response, 400, renderErrorPage('Unknown user', 'Pick one of the listed test users.'));
  return undefined;
}
